package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.session.CaptureLoader;
import dev.parley.session.sip.SipStatistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code packaging/package.sh} on the jar that {@code mvn package} just made (failsafe runs this after the package
 * phase): the app image's launcher runs the command line on its own Java runtime and carries the icon; the .deb
 * installs it under /opt with a menu entry for captures. Installing the .deb is left out (it would change the machine
 * the tests run on); its contents and control fields are checked instead.
 */
class PackagingIT {
    private static final Path SAMPLE = Path.of("samples", "sip-call-udp.pcap");
    /** The build folder failsafe runs in ({@code -Dparley.build.dir}), where package.sh finds the jar. */
    private static final Path BUILD = Path.of(System.getProperty("parley.build.dir", "target"));
    private static final Path OUT = BUILD.resolve("package");

    @Test
    void theAppImageRunsTheCommandLineOnItsOwnRuntime() throws Exception {
        String built = run(List.of("bash", "packaging/package.sh"));
        Path image = OUT.resolve("Parley");
        assertThat(Path.of(built.strip())).isEqualTo(image.resolve("bin/Parley"));

        JsonNode stats = new ObjectMapper().readTree(
                run(List.of(image.resolve("bin/Parley").toString(), "stats", SAMPLE.toString(), "--json")));
        SipStatistics expected = new CaptureLoader().load(SAMPLE).sip().statistics();
        assertThat(stats.path("sip").path("messages").asLong()).isEqualTo(expected.messages()).isEqualTo(21);
        assertThat(stats.path("sip").path("call_ids").asLong()).isEqualTo(expected.callIds()).isEqualTo(3);

        String release = Files.readString(image.resolve("lib/runtime/release"));
        assertThat(release).as("the linked runtime's modules")
                .contains("java.desktop", "jdk.management", "jdk.unsupported", "jdk.charsets");
        assertThat(Files.mismatch(image.resolve("lib/Parley.png"), Path.of("assets/icons/parley-256.png")))
                .as("the launcher's icon is Parley's").isEqualTo(-1L);
        assertThat(Files.readString(image.resolve("lib/app/Parley.cfg")))
                .contains("--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED", "-XX:Tier3DelayOn=1000");
    }

    @Test
    void theDebInstallsUnderOptWithAMenuEntryForCaptures() throws Exception {
        String built = run(List.of("bash", "packaging/package.sh", "deb"));
        Path deb = Path.of(built.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(deb.getFileName().toString()).startsWith("parley-analyzer_").endsWith("_amd64.deb");

        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Section", "Depends")))
                .contains("Package: parley-analyzer", "Section: net", "libgtk-3-0", "libpcap0.8");
        assertThat(run(List.of("dpkg-deb", "-c", deb.toString())))
                .contains("./opt/parley-analyzer/bin/Parley", "./opt/parley-analyzer/lib/app/parley.jar",
                        "./opt/parley-analyzer/lib/parley-analyzer-Parley.desktop");

        Path unpacked = Files.createTempDirectory(OUT, "deb-");
        try {
            run(List.of("dpkg-deb", "-R", deb.toString(), unpacked.toString()));
            String desktop = Files.readString(
                    unpacked.resolve("opt/parley-analyzer/lib/parley-analyzer-Parley.desktop"));
            assertThat(desktop).contains("Exec=/opt/parley-analyzer/bin/Parley %f", "Categories=Network;Monitor;",
                    "MimeType=application/vnd.tcpdump.pcap;application/x-pcapng",
                    "StartupWMClass=dev.parley.app.Parley");
            assertThat(Files.readString(unpacked.resolve("DEBIAN/postinst")))
                    .as("menu registration may fail on a machine without a desktop menu")
                    .contains("set +e\nxdg-desktop-menu install "
                            + "/opt/parley-analyzer/lib/parley-analyzer-Parley.desktop");
        } finally {
            run(List.of("rm", "-rf", unpacked.toString())); // 74 MB a run
        }
    }

    /** Runs a command in the project folder; its standard output, after checking that it ended well. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("parley-packaging-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectError(log.toFile());
            pb.environment().put("PARLEY_BUILD_DIR", BUILD.toString());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
            assertThat(p.exitValue()).as("%s exit status; its errors: %s", command, Files.readString(log)).isZero();
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
