package org.bmsworkbench.core.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bmsworkbench.core.security.AccessRefusedException.Reason;

/**
 * Keeps the one password of the protected functions as a salted PBKDF2-HMAC-SHA256 hash in a small text file;
 * the password itself is never written anywhere.
 * <p>
 * The file holds one line, {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}, with a random
 * 16-byte salt and a 256-bit hash. It is replaced atomically (temporary file, then move) and, where the file
 * system has POSIX permissions, readable by its owner only.
 * <p>
 * <b>No file</b> means the factory password {@value #FACTORY_PASSWORD} is in use: it is printed in every manual,
 * so hashing it would hide nothing, and it is compared in constant time instead. <b>A file that cannot be read or
 * parsed</b> is an error: falling back to the factory password would let anyone who damages the file in. The
 * person who owns the file can always delete it to return to the factory password; the gate protects against
 * operating mistakes and casual use, not against someone who can already change the workspace.
 */
public final class PasswordVault {

    /** The factory password of the BMS tools; in use until the first change. */
    public static final String FACTORY_PASSWORD = "AF123456";

    /** The shortest new password accepted. */
    public static final int MIN_LENGTH = 8;

    /** PBKDF2 rounds for a new hash: at least OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 310_000;

    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    /** A file asking for fewer rounds is not one this class wrote; far more would hang the unlock dialog. */
    static final int MIN_FILE_ITERATIONS = 1_000;
    static final int MAX_FILE_ITERATIONS = 10_000_000;

    private final Path file;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordVault(Path file) {
        this(file, ITERATIONS);
    }

    /** For tests: fewer rounds, so that a test does not spend seconds hashing. */
    PasswordVault(Path file, int iterations) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (iterations < MIN_FILE_ITERATIONS || iterations > MAX_FILE_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    /** Where the hash is kept. */
    public Path file() {
        return file;
    }

    /**
     * True while the factory password is the password, i.e. no password file exists. A file whose existence
     * cannot be determined counts as present, so it is read and, if unreadable, reported.
     */
    public synchronized boolean isDefault() {
        return Files.notExists(file);
    }

    /**
     * Checks a password in constant time with respect to its content.
     *
     * @throws AccessRefusedException {@link Reason#PASSWORD_FILE_DAMAGED} when the file cannot be read or parsed
     */
    public synchronized boolean verify(char[] password) throws AccessRefusedException {
        Objects.requireNonNull(password, "password");
        if (Files.notExists(file)) {
            return isFactory(password);
        }
        Stored stored = read();
        if (password.length == 0) {
            // A stored password has at least MIN_LENGTH characters; PBKDF2 providers may refuse an empty one.
            return false;
        }
        byte[] hash = hash(password, stored.salt(), stored.iterations());
        try {
            return MessageDigest.isEqual(hash, stored.hash());
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /**
     * Replaces the password. The new one is checked first (length, not the factory password), then the old one.
     *
     * @throws AccessRefusedException {@link Reason#TOO_SHORT}, {@link Reason#SAME_AS_FACTORY},
     *                                {@link Reason#WRONG_PASSWORD}, {@link Reason#PASSWORD_FILE_DAMAGED} or
     *                                {@link Reason#STORAGE_FAILED}; the stored password is then unchanged
     */
    public synchronized void change(char[] oldPassword, char[] newPassword) throws AccessRefusedException {
        Objects.requireNonNull(oldPassword, "oldPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        if (newPassword.length < MIN_LENGTH) {
            throw new AccessRefusedException(Reason.TOO_SHORT,
                    "The new password must have at least " + MIN_LENGTH + " characters.", null, null, null);
        }
        if (isFactory(newPassword)) {
            throw new AccessRefusedException(Reason.SAME_AS_FACTORY,
                    "The new password must not be the factory password.", null, null, null);
        }
        if (!verify(oldPassword)) {
            throw new AccessRefusedException(Reason.WRONG_PASSWORD, "The current password is wrong.", null, null, null);
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = hash(newPassword, salt, iterations);
        String line = SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash) + "\n";
        Arrays.fill(hash, (byte) 0);
        try {
            write(line.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new AccessRefusedException(Reason.STORAGE_FAILED,
                    "The new password could not be saved in " + file + ": " + e.getMessage(), null, file, e);
        }
    }

    private record Stored(int iterations, byte[] salt, byte[] hash) {
    }

    private Stored read() throws AccessRefusedException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw damaged("it cannot be read (" + e.getMessage() + ")", e);
        }
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw damaged("it is not a " + SCHEME + " hash", null);
        }
        int rounds;
        try {
            rounds = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw damaged("its iteration count is not a number", e);
        }
        if (rounds < MIN_FILE_ITERATIONS || rounds > MAX_FILE_ITERATIONS) {
            throw damaged("its iteration count " + rounds + " is out of range", null);
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw damaged("its salt or hash is not base64", e);
        }
        if (salt.length < SALT_BYTES || hash.length != KEY_BITS / 8) {
            throw damaged("its salt or hash has the wrong length", null);
        }
        return new Stored(rounds, salt, hash);
    }

    private AccessRefusedException damaged(String why, Throwable cause) {
        return new AccessRefusedException(Reason.PASSWORD_FILE_DAMAGED, "The password file " + file
                + " is damaged: " + why + ". Nothing can be unlocked until it is restored from a backup, or deleted "
                + "to return to the factory password.", null, file, cause);
    }

    private static byte[] hash(char[] password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide PBKDF2WithHmacSHA256; without it nothing here can work.
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Constant-time comparison with the factory password, on UTF-8 bytes that are wiped afterwards. */
    private static boolean isFactory(char[] password) {
        byte[] given = utf8(password);
        byte[] factory = FACTORY_PASSWORD.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(given, factory);
        } finally {
            Arrays.fill(given, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    /** Writes a temporary file next to the target, owner-only where possible, and moves it over the target. */
    private void write(byte[] content) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE)) }
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a plain replace still never leaves a partial file
                // under the target's name on the local file systems the workbench runs on.
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException leftOver) {
                // The write failure is what the user must hear about; the stray temporary file goes with it.
                e.addSuppressed(leftOver);
            }
            throw e;
        }
    }
}
