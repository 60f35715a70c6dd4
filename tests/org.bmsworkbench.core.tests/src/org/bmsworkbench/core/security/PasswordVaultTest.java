package org.bmsworkbench.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import org.bmsworkbench.core.security.AccessRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordVaultTest {

    /** Few rounds keep the tests fast; {@link #storesTheFullIterationCountByDefault} checks the real count. */
    private static final int FAST = 1_000;
    private static final String NEW = "Pack-Room-7731";

    @TempDir
    Path dir;

    private PasswordVault vault() {
        return new PasswordVault(dir.resolve("bmsw-access"), FAST);
    }

    private static char[] chars(String s) {
        return s.toCharArray();
    }

    @Test
    void factoryPasswordWithoutAFile() throws AccessRefusedException {
        PasswordVault vault = vault();
        assertTrue(vault.isDefault());
        assertTrue(vault.verify(chars(PasswordVault.FACTORY_PASSWORD)));
        assertFalse(vault.verify(chars("af123456")));
        assertFalse(vault.verify(chars("AF1234567")));
        assertFalse(vault.verify(chars("")));
        assertFalse(Files.exists(vault.file()), "checking the factory password writes nothing");
    }

    @Test
    void theFileNeverContainsThePassword() throws IOException, AccessRefusedException {
        PasswordVault vault = vault();
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        byte[] content = Files.readAllBytes(vault.file());
        for (String secret : new String[] { NEW, PasswordVault.FACTORY_PASSWORD }) {
            for (var charset : new Charset[] { StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE }) {
                assertFalse(contains(content, secret.getBytes(charset)), secret + " in " + charset);
            }
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("pbkdf2-sha256$" + FAST + "$"), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void ownerOnlyWherePosixPermissionsExist() throws IOException, AccessRefusedException {
        PasswordVault vault = vault();
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        if (Files.getFileStore(vault.file()).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(vault.file()));
        }
    }

    @Test
    void saltsEveryHash() throws IOException, AccessRefusedException {
        PasswordVault vault = vault();
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        String first = Files.readString(vault.file());
        vault.change(chars(NEW), chars(NEW));
        assertFalse(first.equals(Files.readString(vault.file())), "the same password hashes differently");
    }

    @Test
    void theNewPasswordWorksAndTheFactoryOneNoLonger() throws AccessRefusedException {
        PasswordVault vault = vault();
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        assertFalse(vault.isDefault());
        assertTrue(vault.verify(chars(NEW)));
        assertFalse(vault.verify(chars(PasswordVault.FACTORY_PASSWORD)));
        assertFalse(vault.verify(chars(NEW + "x")));
        assertTrue(new PasswordVault(vault.file(), FAST).verify(chars(NEW)), "a second instance reads the file");
    }

    @Test
    void refusesAWrongCurrentPassword() throws AccessRefusedException {
        PasswordVault vault = vault();
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> vault.change(chars("AF000000"), chars(NEW)));
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertTrue(vault.isDefault());
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        e = assertThrows(AccessRefusedException.class,
                () -> vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars("Another-Pass-1")));
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertTrue(vault.verify(chars(NEW)));
    }

    @Test
    void refusesAShortOrFactoryNewPassword() {
        PasswordVault vault = vault();
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars("Short-7")));
        assertEquals(Reason.TOO_SHORT, e.reason());
        assertTrue(e.getMessage().contains("at least 8 characters"), e.getMessage());
        e = assertThrows(AccessRefusedException.class, () -> vault.change(chars(PasswordVault.FACTORY_PASSWORD),
                chars(PasswordVault.FACTORY_PASSWORD)));
        assertEquals(Reason.SAME_AS_FACTORY, e.reason());
        assertTrue(e.getMessage().contains("factory password"), e.getMessage());
        assertTrue(vault.isDefault());
        assertFalse(Files.exists(vault.file()));
    }

    @Test
    void aDamagedFileRefusesEverythingAndSaysWhere() throws IOException {
        PasswordVault vault = vault();
        for (String content : new String[] { "", "AF123456", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "md5$1$2$3",
                "pbkdf2-sha256$310000$!!!$???" }) {
            Files.writeString(vault.file(), content);
            assertFalse(vault.isDefault(), content);
            AccessRefusedException e = assertThrows(AccessRefusedException.class,
                    () -> vault.verify(chars(PasswordVault.FACTORY_PASSWORD)), content);
            assertEquals(Reason.PASSWORD_FILE_DAMAGED, e.reason());
            assertEquals(vault.file(), e.file());
            assertTrue(e.getMessage().contains(vault.file().toString()) && e.getMessage().contains("damaged"),
                    e.getMessage());
            assertEquals(Reason.PASSWORD_FILE_DAMAGED, assertThrows(AccessRefusedException.class,
                    () -> vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW))).reason());
        }
    }

    @Test
    void aFolderInPlaceOfTheFileIsDamagedNotDefault() throws IOException {
        PasswordVault vault = vault();
        Files.createDirectory(vault.file());
        assertFalse(vault.isDefault());
        assertEquals(Reason.PASSWORD_FILE_DAMAGED, assertThrows(AccessRefusedException.class,
                () -> vault.verify(chars(PasswordVault.FACTORY_PASSWORD))).reason());
    }

    @Test
    void aFailedWriteKeepsTheOldPassword() throws IOException, AccessRefusedException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        PasswordVault vault = new PasswordVault(blocker.resolve("bmsw-access"), FAST);
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW)));
        assertEquals(Reason.STORAGE_FAILED, e.reason());
        assertTrue(vault.verify(chars(PasswordVault.FACTORY_PASSWORD)));
    }

    @Test
    void storesTheFullIterationCountByDefault() throws IOException, AccessRefusedException {
        PasswordVault vault = new PasswordVault(dir.resolve("full"));
        vault.change(chars(PasswordVault.FACTORY_PASSWORD), chars(NEW));
        String[] parts = Files.readString(vault.file()).strip().split("\\$");
        assertTrue(Integer.parseInt(parts[1]) >= 310_000);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertTrue(vault.verify(chars(NEW)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
