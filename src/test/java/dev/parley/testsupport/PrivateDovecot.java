package dev.parley.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Dovecot POP3 server for tests: its own configuration, passwd-file, maildirs, sockets and log in a folder
 * of the test's, listening on 127.0.0.1 at a free port above 20000 (never 110), plain-text passwords so that
 * USER/PASS, AUTH PLAIN, APOP and CRAM-MD5 all work. As root, Dovecot's privilege separation users (dovenull,
 * dovecot) and nobody's uid own the mail, as a packaged Dovecot would; otherwise everything runs as the current user.
 * {@link #close()} stops the server and every process it started.
 */
public final class PrivateDovecot implements AutoCloseable {
    private static final int NOBODY = 65534;
    private static final long START_TIMEOUT_MS = 15_000;

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateDovecot(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** The dovecot binary (PATH, then the sbin folders a non-root PATH lacks), null when not installed. */
    public static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, "dovecot");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Writes the configuration, users and maildirs under {@code dir} and starts Dovecot; returns once the port
     * answers with a POP3 greeting.
     *
     * @param users user name to plain-text password
     * @param mails user name to the mails of the maildrop in message-number order (bytes as stored, LF line ends)
     */
    public static PrivateDovecot start(Path dir, Map<String, String> users, Map<String, List<byte[]>> mails)
            throws IOException, InterruptedException {
        Path dovecot = binary();
        if (dovecot == null) {
            throw new IllegalStateException("dovecot is not installed");
        }
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Path probe = Files.createTempFile(dir, "uid", "");
        int selfUid = (Integer) Files.getAttribute(probe, "unix:uid");
        int selfGid = (Integer) Files.getAttribute(probe, "unix:gid");
        Files.delete(probe);
        boolean root = selfUid == 0;
        // the login and auth processes run as other users and must reach the folder, the socket and the passwd-file
        // (up to, not including, the shared temp folder: a chmod there would clear its sticky bit)
        if (root) {
            addReadAndSearch(dir);
        }
        Path shared = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); root && p != null && p.startsWith(shared) && !p.equals(shared);
                p = p.getParent()) {
            addReadAndSearch(p);
        }
        StringBuilder passwd = new StringBuilder();
        users.forEach((u, pw) -> passwd.append(u).append(":{PLAIN}").append(pw).append('\n'));
        Files.writeString(dir.resolve("users"), passwd);
        addReadAndSearch(dir.resolve("users"));
        for (Map.Entry<String, List<byte[]>> e : mails.entrySet()) {
            writeMaildir(dir.resolve("home").resolve(e.getKey()), e.getValue(), root);
        }
        int port = freeTcpPort();
        // without root, every process is the current user and nothing may chroot (so says Dovecot's rootless setup)
        String self = System.getProperty("user.name");
        String group = root ? null : Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class)
                .group().getName();
        int uid = root ? NOBODY : selfUid;
        int gid = root ? NOBODY : selfGid;
        String conf = """
                protocols = pop3
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login cram-md5 apop
                default_login_user = %3$s
                default_internal_user = %4$s
                %8$s
                mail_location = maildir:~/Maildir
                service pop3-login {
                  inet_listener pop3 {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  %7$s
                }
                service imap-login {
                  inet_listener imap {
                    port = 0
                  }
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=%5$d gid=%6$d home=%1$s/home/%%u
                }
                """.formatted(dir, port, root ? "dovenull" : self, root ? "dovecot" : self, uid, gid,
                root ? "" : "chroot =",
                root ? "" : "default_internal_group = " + group + "\nservice anvil {\n  chroot =\n}");
        Path confFile = dir.resolve("dovecot.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder(dovecot.toString(), "-F", "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        PrivateDovecot server = new PrivateDovecot(dir, port, p);
        try {
            server.awaitGreeting();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** Dovecot's log and its standard output so far, for failure messages and checks. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("dovecot.out", "dovecot.log")) {
            Path f = dir.resolve(name);
            try {
                if (Files.exists(f)) {
                    out.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                out.append("(").append(name).append(" unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    /** The mail files of a user's maildir, in message-number order. */
    public List<Path> mailFiles(String user) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("home").resolve(user).resolve("Maildir").resolve("cur"))) {
            return s.sorted().toList();
        }
    }

    /**
     * Waits for a greeting, then says QUIT and reads to the end, so that the probe connection is over before a
     * capture starts.
     */
    private void awaitGreeting() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dovecot exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                String greeting = readLine(in);
                if (!greeting.startsWith("+OK")) {
                    throw new IllegalStateException("unexpected greeting on port " + port + ": " + greeting);
                }
                OutputStream out = s.getOutputStream();
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (in.read() >= 0) {
                    // drain to the server's close
                }
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("dovecot did not answer on port " + port + " within " + START_TIMEOUT_MS
                + " ms (" + last + "):\n" + log());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Stops Dovecot (SIGTERM, then SIGKILL) and every process it started. Idempotent. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList(); // before they are reparented
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** A TCP port free on 127.0.0.1, drawn from 20000-32767 (below Linux's ephemeral range, above 110). */
    private static int freeTcpPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free TCP port between 20000 and 32767 on 127.0.0.1");
    }

    private static void writeMaildir(Path home, List<byte[]> mails, boolean root) throws IOException {
        Path maildir = home.resolve("Maildir");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        long base = 1_763_700_000L;
        for (int i = 0; i < mails.size(); i++) {
            int n = i + 1;
            // names and mtimes both ascending: Dovecot numbers the messages in that order
            Path f = maildir.resolve("cur").resolve((base + n) + ".M" + n + "P1.parley:2,");
            Files.write(f, mails.get(i));
            Files.setLastModifiedTime(f, FileTime.fromMillis((base + n) * 1000));
        }
        if (root) {
            try (Stream<Path> all = Files.walk(home)) {
                for (Path p : all.toList()) {
                    Files.setAttribute(p, "unix:uid", NOBODY);
                    Files.setAttribute(p, "unix:gid", NOBODY);
                }
            }
        }
    }

    private static void addReadAndSearch(Path p) throws IOException {
        var perms = Files.getPosixFilePermissions(p);
        if (perms.containsAll(PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"))) {
            return;
        }
        perms.addAll(PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
        Files.setPosixFilePermissions(p, perms);
    }

    /** Convenience for tests: users in insertion order. */
    public static Map<String, String> users(String... userPasswordPairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < userPasswordPairs.length; i += 2) {
            out.put(userPasswordPairs[i], userPasswordPairs[i + 1]);
        }
        return out;
    }
}
