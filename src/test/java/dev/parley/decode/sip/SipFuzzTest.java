package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.Framing;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage and mutated messages never throw, and never trip the parser's bug net. */
class SipFuzzTest {

    private static void exercise(byte[] data) {
        Bytes b = Bytes.of(data);
        boolean looks = SipScanner.looksLikeSip(b);
        SipSummary s = SipScanner.scan(b, 1);
        assertThat(s != null).isEqualTo(looks); // SipProtocol claims datagrams by scanning them
        SipMessage m = SipParser.parse(b);
        assertThat(m == null).isEqualTo(s == null);
        if (m != null) {
            assertThat(m.anomalies()).extracting(Anomaly::code).doesNotContain("sip.parser.failed");
            // the typed views must not throw either
            m.from();
            m.to();
            m.cseq();
            m.vias();
            m.contacts();
            m.authorizations();
            m.wwwAuthenticates();
            m.rseq();
            m.rack();
            m.supported();
            m.expires();
            m.routes();
        }
        Framing<Integer> f = new SipFramer().frame(b);
        if (f instanceof Framing.Decoded<Integer> d) {
            assertThat(d.consumed()).isBetween(1, data.length);
        }
    }

    @Test
    void randomBytes() {
        Random r = new Random(20240601);
        for (int i = 0; i < 10_000; i++) {
            byte[] data = new byte[r.nextInt(300)];
            r.nextBytes(data);
            exercise(data);
        }
    }

    @Test
    void mutatedMessages() {
        Random r = new Random(42);
        List<byte[]> samples = SipConsistencyTest.messages();
        byte[] alphabet = " \r\n\t:;,<>\"@=/[]\\0aZ".getBytes();
        for (int i = 0; i < 10_000; i++) {
            byte[] data = samples.get(r.nextInt(samples.size())).clone();
            int edits = 1 + r.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int p = r.nextInt(data.length);
                data[p] = r.nextBoolean() ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
            }
            int cut = r.nextInt(4) == 0 ? r.nextInt(data.length + 1) : data.length;
            exercise(java.util.Arrays.copyOf(data, cut));
        }
    }
}
