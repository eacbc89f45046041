package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.session.sip.SipStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md "Corpus conformance": every SIP file of ../shared/corpus gives tshark's SIP message count, resent count
 * and distinct Call-ID count (ground_truth.json), except where MANIFEST.md explains tshark is wrong or the figures
 * are meaningless; those files have their own tests below stating what Parley finds and why.
 */
class CorpusConformanceTest {

    /** Files whose tshark figures are not the truth; each has a dedicated test. */
    private static final List<String> EXCEPTIONS = List.of(
            "sip/ndpi_fuzz-2006-06-26-2594.pcap",  // fuzzed: "exact counts are not meaningful"
            "sip/pkts_cool.pcap");                 // tshark refuses the file; Parley recovers it

    static Stream<String> sipFiles() throws IOException {
        List<String> files = new ArrayList<>();
        groundTruth().fieldNames().forEachRemaining(f -> {
            if (f.startsWith("sip/") && !EXCEPTIONS.contains(f)) {
                files.add(f);
            }
        });
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sipFiles")
    void sipFiguresEqualTshark(String file) throws IOException {
        JsonNode truth = groundTruth().get(file);
        CaptureModel model = new CaptureLoader().load(Corpus.path(file));
        SipStatistics stats = model.sip().statistics();

        assertThat(model.frames()).as("frames").isEqualTo(truth.get("packets").asLong());
        assertThat(stats.messages()).as("SIP messages (sipstat_msgs)").isEqualTo(truth.get("sipstat_msgs").asLong());
        assertThat(stats.callIds()).as("distinct Call-IDs (sip_callids)").isEqualTo(truth.get("sip_callids").asLong());
        assertThat(stats.resent()).as("resent (sipstat_resent)").isEqualTo(truth.get("sipstat_resent").asLong());
        Map<String, Long> methods = toMap(truth.get("sip_methods"));
        assertThat(stats.methods()).as("methods").isEqualTo(methods);
        assertThat(stats.statusCodes()).as("status codes").isEqualTo(toMap(truth.get("sip_status")));
    }

    @Test
    void fuzzedFileOpensWithAnomalies() throws IOException {
        CaptureModel model = new CaptureLoader().load(Corpus.path("sip/ndpi_fuzz-2006-06-26-2594.pcap"));
        assertThat(model.frames()).isEqualTo(691);
        assertThat(model.anomalies().total()).isPositive();
        // tshark's sip,stat accepts 28 of the 52 frames it dissects as SIP; the rest are damaged beyond a start line.
        assertThat(model.sip().statistics().messages()).isBetween(20L, 60L);
    }

    @Test
    void brokenPktsFileIsRecovered() throws IOException {
        CaptureModel model = new CaptureLoader().load(Corpus.path("sip/pkts_cool.pcap"));
        SipStatistics stats = model.sip().statistics();
        // MANIFEST.md: 10 IPv4/UDP SIP requests, 5 INVITE and 5 BYE; tshark refuses the file.
        assertThat(stats.messages()).isEqualTo(10);
        assertThat(stats.methods()).containsEntry("INVITE", 5L).containsEntry("BYE", 5L);
        assertThat(model.anomalies().total()).isPositive();
    }

    private static Map<String, Long> toMap(JsonNode node) {
        Map<String, Long> m = new java.util.TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        }
        return m;
    }

    private static JsonNode groundTruth() throws IOException {
        return new ObjectMapper().readTree(Files.readString(Corpus.path("ground_truth.json")));
    }
}
