package dev.parley.capture.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture of the third-party corpus yields as many frames as tshark counted (ground_truth.json). */
class CorpusFramesTest {
    private static final String BROKEN = "sip/pkts_cool.pcap";
    /** Ends with one stray byte after its last record: tshark reports "cut short", as we do. */
    private static final String CUT_SHORT = "pop3/johnsamples_apop-sample.pcapng";

    static Path corpus() {
        String configured = System.getProperty("parley.corpus");
        return Paths.get(configured == null || configured.isBlank() ? "/work/shared/corpus" : configured);
    }

    static Stream<String> captures() throws IOException {
        Path root = corpus();
        if (!Files.isDirectory(root)) {
            return Stream.of("(corpus missing)");
        }
        List<String> names = new ArrayList<>();
        for (String folder : new String[] {"sip", "pop3"}) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.map(f -> folder + "/" + f.getFileName())
                        .filter(n -> (n.endsWith(".pcap") || n.endsWith(".pcapng")) && !n.equals(BROKEN))
                        .sorted().forEach(names::add);
            }
        }
        return names.stream();
    }

    /** Skips without a corpus, unless the build named one (parley.corpus): then its absence is a failure. */
    private static void assumeCorpus() {
        String configured = System.getProperty("parley.corpus");
        if (configured != null && !configured.isBlank()) {
            assertThat(corpus().resolve("ground_truth.json")).as("parley.corpus names a corpus").isRegularFile();
        }
        Assumptions.assumeTrue(Files.isRegularFile(corpus().resolve("ground_truth.json")),
                "corpus not found at " + corpus());
    }

    /** The "packets" figure of {@code name} in ground_truth.json (quoted or not), or -1. */
    static long packets(String json, String name) {
        int entry = json.indexOf("\"file\": \"" + name + "\"");
        if (entry < 0) {
            return -1;
        }
        int key = json.indexOf("\"packets\":", entry);
        int i = key + "\"packets\":".length();
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == '"')) {
            i++;
        }
        int start = i;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            i++;
        }
        return i > start ? Long.parseLong(json.substring(start, i)) : -1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void frameCountMatchesTshark(String name) throws Exception {
        assumeCorpus();
        String json = Files.readString(corpus().resolve("ground_truth.json"), StandardCharsets.UTF_8);
        long expected = packets(json, name);
        assertThat(expected).as("packets of %s in ground_truth.json", name).isPositive();

        long count = 0;
        try (FrameSource source = CaptureFiles.open(corpus().resolve(name))) {
            Frame frame;
            while ((frame = source.next()) != null) {
                count++;
                assertThat(frame.number()).isEqualTo(count);
            }
            if (name.equals(CUT_SHORT)) {
                assertThat(source.anomalies()).extracting(Anomaly::code).containsExactly("capture.record.truncated");
                assertThat(source.position()).isEqualTo(source.size() - 1);
            } else {
                assertThat(source.position()).isEqualTo(source.size());
                assertThat(source.anomalies()).isEmpty();
            }
        }
        assertThat(count).isEqualTo(expected);
    }

    /**
     * The load loop reads frames into one {@link dev.parley.capture.FrameView} ({@link FrameSource#next(
     * dev.parley.capture.FrameView)}, which the pcap reader fills from its buffer): the same frames and anomalies as
     * {@link FrameSource#next()}, the broken capture's repairs included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("capturesAndTheBrokenOne")
    void framesReadIntoAViewAreTheFramesReadOneByOne(String name) throws Exception {
        assumeCorpus();
        Path file = corpus().resolve(name);
        List<Frames.Copy> frames;
        List<Anomaly> anomalies;
        try (FrameSource source = CaptureFiles.open(file)) {
            frames = Frames.readAll(source);
            anomalies = source.anomalies();
        }
        try (FrameSource source = CaptureFiles.open(file)) {
            List<Frames.Copy> views = Frames.readAllViews(source);
            assertThat(views).map(Frames.Copy::described).isEqualTo(frames.stream().map(Frames.Copy::described)
                    .toList());
            assertThat(source.anomalies()).isEqualTo(anomalies);
        }
    }

    static Stream<String> capturesAndTheBrokenOne() throws IOException {
        return Stream.concat(captures(), Stream.of(BROKEN));
    }

    @Test
    void recoversTheTenRequestsOfTheBrokenPktsCapture() throws Exception {
        assumeCorpus();
        Path file = corpus().resolve(BROKEN);
        try (FrameSource source = CaptureFiles.open(file)) {
            List<Frames.Copy> frames = Frames.readAll(source);
            assertThat(frames).hasSize(10);
            for (Frames.Copy frame : frames) {
                byte[] d = frame.data();
                // Raw IPv4 (whatever the header's DLT_NULL says): the IP total length must fill the record exactly.
                assertThat(d[0]).isEqualTo((byte) 0x45);
                assertThat(((d[2] & 0xff) << 8) | (d[3] & 0xff)).isEqualTo(d.length);
                assertThat(frame.linkType()).isZero();
            }
            assertThat(frames.get(0).timestampNanos()).isEqualTo(1_340_495_109_792_454_000L);
            assertThat(new String(frames.get(0).data(), 28, 6, StandardCharsets.US_ASCII)).isEqualTo("INVITE");
            assertThat(source.anomalies()).extracting(Anomaly::code).startsWith("capture.record.byte_order")
                    .contains("capture.record.length_mismatch").doesNotContain("capture.record.truncated");
            assertThat(source.anomalies()).filteredOn(a -> a.code().equals("capture.record.length_mismatch"))
                    .hasSize(10);
        }
    }
}
