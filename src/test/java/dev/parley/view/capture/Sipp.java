package dev.parley.view.capture;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs SIPp's built-in uas and uac scenarios on loopback for the live-capture tests. */
final class Sipp {
    private Sipp() {
    }

    /** The sipp binary on the PATH, null when absent. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A UDP port free on 127.0.0.1 right now. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Process uas(Path workDir, int port) throws IOException {
        return start(workDir, "uas.out", List.of("-sn", "uas", "-i", "127.0.0.1", "-p", Integer.toString(port)));
    }

    /** Places {@code calls} calls at {@code rate} per second and waits for the end; returns sipp's exit code. */
    static int uac(Path workDir, int uasPort, int ownPort, int calls, int rate) throws IOException,
            InterruptedException {
        Process p = start(workDir, "uac.out", List.of("-sn", "uac", "127.0.0.1:" + uasPort, "-i", "127.0.0.1",
                "-p", Integer.toString(ownPort), "-m", Integer.toString(calls), "-r", Integer.toString(rate),
                "-timeout", "30s"));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sipp uac did not end in 60 s");
        }
        return p.exitValue();
    }

    private static Process start(Path workDir, String out, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(args);
        cmd.add("-nostdin");
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(out).toFile()).start();
    }
}
