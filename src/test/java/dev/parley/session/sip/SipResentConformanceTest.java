package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipSummary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our "resent" count must equal tshark's {@code -z sip,stat} (figures in the corpus ground_truth.json). The scanner is
 * not ours, so the key fields of each message come from tshark's own field output; the test checks the correlation
 * rule alone. Skipped when the corpus or tshark is missing.
 */
class SipResentConformanceTest {

    @ParameterizedTest
    @CsvSource({
        "sip/heplify_erspan_sip_ipv4_udp.pcapng, 140, 4",
        "sip/ndpi_FAX-Call-t38-CA-TDM-SIP-FB-1.pcap, 92, 14",
        "sip/sngrep_aaa.pcap, 81, 4",
        "sip/sngrep_ipv6frag.pcap, 32, 1",
        "sip/snort3demo_SIP_Eyebeam2Eyebeam_Video_Audio.pcap, 68, 42",
        "sip/pkts_sipp.pcap, 30, 0",
    })
    void resentEqualsTshark(String file, long messages, long resent) throws Exception {
        String dir = System.getProperty("parley.corpus");
        Path corpus = Path.of(dir == null || dir.isEmpty() ? "/work/shared/corpus" : dir);
        Path capture = corpus.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(capture), "corpus not found: " + capture);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark not installed");

        Process p = new ProcessBuilder("/usr/bin/tshark", "-r", capture.toString(), "-Y", "sip.CSeq",
                "-E", "occurrence=l", "-E", "separator=|", "-T", "fields",
                "-e", "frame.number", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ipv6.src", "-e", "ip.dst",
                "-e", "ipv6.dst", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "tcp.srcport", "-e", "tcp.dstport",
                "-e", "sip.Call-ID", "-e", "sip.CSeq.seq", "-e", "sip.CSeq.method", "-e", "sip.Method",
                "-e", "sip.Status-Code").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        SipCorrelator correlator = new SipCorrelator();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                correlator.accept(event(line.split("\\|", -1)));
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        correlator.finish();

        SipStatistics stats = correlator.statistics();
        assertThat(stats.messages()).isEqualTo(messages);
        assertThat(stats.resent()).isEqualTo(resent);
    }

    private static SipEvent event(String[] f) {
        boolean udp = !f[6].isEmpty();
        Endpoint src = new Endpoint(IpAddress.parse(f[2].isEmpty() ? f[3] : f[2]),
                Integer.parseInt(udp ? f[6] : f[8]));
        Endpoint dst = new Endpoint(IpAddress.parse(f[4].isEmpty() ? f[5] : f[4]),
                Integer.parseInt(udp ? f[7] : f[9]));
        boolean request = !f[13].isEmpty();
        SipSummary s = SipSummary.of(request, request ? f[13] : f[12], request ? -1 : Integer.parseInt(f[14]),
                null, null, f[10].isEmpty() ? null : f[10], null, null, null, null, null,
                f[11].isEmpty() ? -1 : Long.parseLong(f[11]), f[12], null, null, null, -1, 0, -1, null, null, null,
                null, null, null, List.of());
        long frame = Long.parseLong(f[0]);
        long nanos = (long) (Double.parseDouble(f[1]) * 1e9);
        return new SipEvent(s, new Flow(udp ? Transport.UDP : Transport.TCP, src, dst), frame, nanos,
                Origin.of(frame, 0, 1), null);
    }
}
