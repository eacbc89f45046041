package dev.parley.decode.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.decode.Limits;
import dev.parley.decode.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs the network layers over the third-party corpus: nothing throws, and known figures come out. */
class FrameDecoderCorpusTest {

    private static Path corpus() {
        String configured = System.getProperty("parley.corpus");
        Path dir = Path.of(configured == null || configured.isBlank() ? "/work/shared/corpus" : configured);
        if (configured != null && !configured.isBlank()) {
            assertThat(dir).as("parley.corpus is set but missing").isDirectory();
        }
        assumeThat(Files.isDirectory(dir)).as("corpus not found at " + dir).isTrue();
        return dir;
    }

    private static RecordingListener decode(Path file) throws IOException {
        RecordingListener rec = new RecordingListener();
        FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);
        try (FrameSource source = CaptureFiles.open(file)) {
            decoder.decodeAll(source);
        }
        return rec;
    }

    private static long udpOnPort(RecordingListener rec, int port) {
        return rec.datagrams.stream().filter(d -> d.flow().transport() == Transport.UDP)
                .filter(d -> d.flow().src().port() == port || d.flow().dst().port() == port).count();
    }

    @Test
    void everyCorpusFileDecodesWithoutException() throws IOException {
        Path dir = corpus();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path file : files) {
            RecordingListener rec;
            try {
                rec = decode(file);
            } catch (IOException e) {
                continue; // unreadable containers are the capture reader's business
            }
            assertThat(rec.anomalies).allSatisfy(a -> assertThat(a.frame()).as(a.toString()).isPositive());
        }
    }

    @Test
    void sippCallsOverUdp() throws IOException {
        RecordingListener rec = decode(corpus().resolve("sip/pkts_sipp.pcap"));
        assertThat(udpOnPort(rec, 5060)).isEqualTo(30);
    }

    @Test
    void ipv6Datagrams() throws IOException {
        RecordingListener rec = decode(corpus().resolve("sip/heplify_sip_ipv6_udp.pcap"));
        assertThat(rec.datagrams).filteredOn(d -> d.flow().src().ip().isV6() && d.flow().dst().port() == 5060
                || d.flow().src().port() == 5060).hasSize(6);
    }

    @Test
    void ipv6FragmentsReassembled() throws IOException {
        RecordingListener rec = decode(corpus().resolve("sip/sngrep_ipv6frag.pcap"));
        assertThat(rec.datagrams).filteredOn(d -> d.origin().frames().length == 2).hasSize(2)
                .allSatisfy(d -> assertThat(d.text()).startsWith("INVITE ").contains("\r\n\r\n"));
        assertThat(rec.anomalyCodes()).doesNotContain("ip.fragment.incomplete");
    }

    @Test
    void missingIpv4FragmentReported() throws IOException {
        RecordingListener rec = decode(corpus().resolve("sip/pkts_fragmented_udp_sip.pcap"));
        assertThat(rec.anomalyCodes()).contains("ip.fragment.incomplete");
    }

    @Test
    void tunnelsAndLinkTypesFromTheManifest() throws IOException {
        Path dir = corpus();
        assertThat(udpOnPort(decode(dir.resolve("sip/aiengine_gprs_sip_flow.pcap")), 5060)).isEqualTo(22); // GTP-U
        RecordingListener erspan = decode(dir.resolve("sip/heplify_erspan_sip_ipv4_udp.pcapng")); // GRE/TEB
        assertThat(erspan.datagrams).hasSize(140)
                .allSatisfy(d -> assertThat(d.text()).containsPattern("SIP/2.0"));
        assertThat(udpOnPort(decode(dir.resolve("sip/heplify_ipip0.pcap")), 5060)).isEqualTo(8); // raw IP
        RecordingListener sctp = decode(dir.resolve("sip/heplify_sip_sctp.pcap"));
        assertThat(sctp.datagrams).filteredOn(d -> d.flow().transport() == Transport.SCTP).hasSize(4)
                .allSatisfy(d -> assertThat(d.text()).containsPattern("^(INVITE|ACK|SIP/2.0)"));
    }

    @Test
    void nullLinkTypeWithRawIp() throws IOException {
        RecordingListener rec;
        try {
            rec = decode(corpus().resolve("sip/pkts_cool.pcap"));
        } catch (IOException e) {
            assumeThat(false).as("capture reader cannot open pkts_cool.pcap: " + e).isTrue();
            return;
        }
        assertThat(udpOnPort(rec, 5090)).isEqualTo(10);
        assertThat(rec.anomalyCodes()).containsExactly("link.null.raw_ip");
    }

    @Test
    void segmentedSipOverTcpIsReassembledWithoutGaps() throws IOException {
        RecordingListener rec = decode(corpus().resolve("sip/heplify_sip_ipv4_tcp_fragmented.pcap"));
        assertThat(rec.anomalies).isEmpty();
        String all = rec.streams.values().stream().map(s -> s.toString(java.nio.charset.StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        // tshark: INVITE 37, BYE 34 requests
        assertThat(count(all, "INVITE sip:")).isGreaterThanOrEqualTo(37);
        assertThat(count(all, "BYE sip:")).isGreaterThanOrEqualTo(34);
        for (RecordingListener.Chunk c : rec.chunks) {
            assertThat(c.origin().totalLength()).isEqualTo(c.data().length);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
