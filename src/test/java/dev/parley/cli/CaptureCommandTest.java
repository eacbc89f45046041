package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.capture.live.LiveCaptureException;
import dev.parley.capture.live.LiveInterfaces;
import dev.parley.capture.live.Privileges;
import dev.parley.session.CaptureLoader;
import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley capture}: usage errors, the interface list, and a headless capture of SIPp calls on loopback. */
class CaptureCommandTest {
    @TempDir
    Path dir;


    @Test
    void withoutAnInterfaceSaysHowToChooseOne() {
        CliRun r = CliRun.run("capture");
        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_USAGE);
        assertThat(r.err()).contains("-i").contains("--list").doesNotContain("Exception");
    }

    @Test
    void anInvalidFilterIsNamedWithPcapsErrorBeforeAnythingStarts() {
        assumeLibpcap();
        CliRun r = CliRun.run("capture", "-i", "lo", "-f", "udp port and", "--duration", "1");
        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_USAGE);
        assertThat(r.err()).contains("invalid capture filter \"udp port and\"").doesNotContain("Exception")
                .doesNotContain("Capturing on");
    }

    @Test
    void listsTheLoopbackInterface() {
        assumeLibpcap();
        CliRun r = CliRun.run("capture", "--list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("(?m)^lo\\s+\\(loopback, up\\)");
    }

    @Test
    void capturesHeadlessPrintsCompletedCallsAndWritesTheFile() throws Exception {
        assumeLibpcap();
        Path sipp = binary("sipp");
        assumeTrue(sipp != null, "sipp is not installed (Debian package sip-tester): headless capture test skipped");
        Privileges p = Privileges.current();
        assumeTrue(p.canCapture(), "no capture permission, headless capture test skipped: " + p.advice());
        int uasPort = freePort();
        int uacPort = freePort();
        Process uas = new ProcessBuilder(sipp.toString(), "-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(uasPort), "-nostdin").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("uas.out").toFile()).start();
        Thread calls = new Thread(() -> {
            try {
                Thread.sleep(1500);
                new ProcessBuilder(sipp.toString(), "-sn", "uac", "127.0.0.1:" + uasPort, "-i", "127.0.0.1", "-p",
                        Integer.toString(uacPort), "-m", "3", "-r", "10", "-nostdin").directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("uac.out").toFile()).start()
                        .waitFor(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        calls.start();
        Path file = dir.resolve("out.pcap");
        CliRun r;
        try {
            r = CliRun.run("capture", "-i", "lo", "-f", "udp port " + uasPort, "-w", file.toString(), "--duration", "4",
                    "--spool-dir", dir.toString());
        } finally {
            calls.join();
            uas.destroy();
            uas.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> completed = r.out().lines().filter(l -> l.contains(" COMPLETED ")).toList();
        assertThat(completed).hasSize(3).allMatch(l -> l.contains("INVITE") && l.contains("127.0.0.1:" + uasPort));
        assertThat(r.err()).contains("18 frames, 3 SIP sessions").contains("kernel drops 0, Parley drops 0")
                .contains("wrote 18 frames to " + file);
        assertThat(new CaptureLoader().load(file).sip().sessions()).hasSize(3);
        try (var spool = Files.list(dir)) {
            assertThat(spool.filter(f -> f.getFileName().toString().startsWith("parley-capture-")))
                    .as("the spool is deleted once the file is written").isEmpty();
        }
    }

    private static void assumeLibpcap() {
        try {
            LiveInterfaces.list();
        } catch (LiveCaptureException e) {
            assumeTrue(false, "libpcap is not usable here (" + e.getMessage() + "): test skipped");
        }
    }

    private static Path binary(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
