package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real servers for the logger's tests, started on loopback ports: Debian's {@code mosquitto} and a throw-away
 * PostgreSQL cluster made with {@code initdb} in a folder of its own. PostgreSQL refuses to run as root, so as
 * root (CI) its programs run as {@code nobody} through {@code runuser}.
 */
final class Servers {

    private Servers() {
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The program on the PATH or in one of {@code folders}, newest version folder first. */
    static Optional<Path> program(String name, String... folders) {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (String f : folders) {
            candidates.add(Path.of(f, name));
        }
        Path pg = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(pg)) {
            try (Stream<Path> versions = Files.list(pg)) {
                versions.sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin").resolve(name)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + pg, e);
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void waitForPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port + " after " + timeout);
    }

    /** A Mosquitto broker on 127.0.0.1:{@code port}, without persistence: a restart loses every retained message. */
    static final class Mosquitto {
        private final Path program;
        private final Path dir;
        private final int port;
        private Bmsw.Run run;
        private int starts;

        Mosquitto(Path program, Path dir, int port) {
            this.program = program;
            this.dir = dir;
            this.port = port;
        }

        int port() {
            return port;
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        void start() throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            run = Bmsw.start("mosquitto-" + (++starts), List.of(program.toString(), "-c", conf.toString()), env -> {
            });
            waitForPort(port, Duration.ofSeconds(10));
        }

        /** SIGKILL: the broker vanishes as in a crash, without a word to its clients. */
        void kill() throws InterruptedException {
            run.process().destroyForcibly();
            assertTrue(run.process().waitFor(10, TimeUnit.SECONDS), "mosquitto ends");
        }

        void stop() throws InterruptedException {
            if (run != null) {
                run.close();
            }
        }
    }

    /** A PostgreSQL cluster in {@code dir}, user {@code postgres} with trust authentication, on 127.0.0.1 only. */
    static final class Postgres {
        private final Path bin;
        private final Path dir;
        private final int port;

        private Postgres(Path bin, Path dir, int port) {
            this.bin = bin;
            this.dir = dir;
            this.port = port;
        }

        /** Makes the cluster with initdb. */
        static Postgres create(Path initdb, Path dir, int port) throws IOException, InterruptedException {
            // the real folder, where pg_ctl and psql of the same version lie (not a symbolic link's)
            Postgres pg = new Postgres(initdb.toRealPath().getParent(), dir, port);
            deleteTree(dir);
            Files.createDirectories(dir);
            if (root()) {
                // PostgreSQL refuses root; nobody owns the cluster (and the folders above must let it pass)
                run(Duration.ofSeconds(30), "chown", "nobody", dir.toString());
            }
            pg.asOwner(Duration.ofSeconds(120), initdb.toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-sync");
            return pg;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }

        void start() throws IOException, InterruptedException {
            asOwner(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                    dir.resolve("server.log").toString(), "-w", "start");
        }

        /** A fast shutdown: connected clients are cut off, as when the server is restarted. */
        void stop() throws IOException, InterruptedException {
            asOwner(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-m", "fast", "-w", "stop");
        }

        /** The rows of a query, one per line, columns separated by {@code |}. */
        String query(String sql) throws IOException, InterruptedException {
            return run(Duration.ofSeconds(60), bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(port), "-U", "postgres", "-d", "postgres", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql)
                    .strip();
        }

        /** The query's rows, or "" while the server or the tables are not there yet. */
        String tryQuery(String sql) throws InterruptedException {
            try {
                return query(sql);
            } catch (IOException | AssertionError e) {
                return "";
            }
        }

        private void asOwner(Duration timeout, String... command) throws IOException, InterruptedException {
            List<String> c = new ArrayList<>();
            if (root()) {
                c.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            c.addAll(List.of(command));
            run(timeout, c.toArray(String[]::new));
        }

        String log() throws IOException {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    /** Runs a command to its end and returns its output; a non-zero status fails the test with the output. */
    static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + ": no end after " + timeout);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
