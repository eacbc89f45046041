package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The optimised scanner must give exactly the summaries (anomalies included) of the original one, {@link RefScanner}. */
class ScannerEquivalenceTest {

    private static void same(byte[] data, int off, int len) {
        Bytes b = Bytes.of(data, off, len);
        SipSummary expected = RefScanner.scan(b, 7);
        SipSummary actual = SipScanner.scan(b, 7);
        if (expected == null ? actual != null : !expected.equals(actual)) {
            String text = new String(data, off, Math.min(len, 400), StandardCharsets.ISO_8859_1);
            assertThat(actual).as(text).isEqualTo(expected);
        }
        boolean looks = RefScanner.looksLikeSip(b);
        if (looks != SipScanner.looksLikeSip(b)) {
            assertThat(SipScanner.looksLikeSip(b)).as(new String(data, off, Math.min(len, 400),
                    StandardCharsets.ISO_8859_1)).isEqualTo(looks);
        }
    }

    private static void same(byte[] data) {
        same(data, 0, data.length);
    }

    private static List<byte[]> samples() {
        List<byte[]> all = new ArrayList<>(SipConsistencyTest.messages());
        for (String extra : new String[] {
                "INVITE sip:bob@b SIP/2.0\r\nv: SIP/2.0/UDP h;received=1.2.3.4;branch=\"z9hG4bK q\",SIP/2.0/TCP x\r\n"
                        + "f: Bob <tel:+1555;phone-context=x>;tag = \"t\"\r\nt: \"A \\\" B\" <sip:u:p@h>\r\n"
                        + "i: abc\r\n  def\r\nl: 5\r\nc: Text/Plain ; charset=utf-8\r\nm: <sip:a@b;expires=5>;expires=60,"
                        + " <sip:c@d>\r\nX-CID: 77\r\nX-Call-ID: 88\r\nserver: s\r\nuser-agent: ua\r\nReason: Q.850;cause=16\r\n"
                        + "Expires: 99999999999999\r\nCSeq: 12345678901234567890 INVITE\r\n\r\nhello",
                "MESSAGE sip:a@b SIP/2.0\r\nContent-Type: message/CPIM\r\nCSeq: 1 MESSAGE\r\n\r\nFrom: x\r\n\r\n"
                        + "Content-Type: text/plain\r\n\r\n  héllo wörld  ",
                "MESSAGE sip:a@b SIP/2.0\nContent-Type: text/plain\nContent-Length: 4\n\nabcdefgh",
                "SIP/2.0 200\r\nCSeq: 3 FOO\r\nVia: SIP / 2.0 / wss h\r\nContact: \"x\" <sip:y>;expires=\"12\"\r\n\r\n",
                "SIP/2.0 486 Busy Here  \r\nVia: SIP/2.0/SCTP h;branch\r\nFrom: <sip:a;x@b>\r\nTo: sip:c@d;tag=\r\n\r\n",
                "  JUNKINVITE sip:a@b SIP/2.0\r\nCall-ID:\r\n\r\n",
                "XXINVITE sip:a@b SIP/2.0\r\nCall-ID: 1\r\nCall-ID: 2\r\nFrom: a\r\nFrom: b\r\n\r\n",
                "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 99999999999\r\nExpires: -1\r\nCSeq:  INVITE\r\n\r\n",
                "NOTIFY sip:a@b sip/2.0\r\nTo  : \"quoted\" unterminated\r\nFrom:\"d\"<sip:x@y>;TAG=1;tag=2\r\n\r\n"}) {
            all.add(extra.getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    @Test
    void samplesAndTheirPrefixes() {
        for (byte[] m : samples()) {
            for (int cut = 0; cut <= m.length; cut++) {
                same(m, 0, cut);
            }
            for (int skip = 0; skip < Math.min(40, m.length); skip++) {
                same(m, skip, m.length - skip);
            }
        }
    }

    @Test
    void mutatedSamples() {
        Random r = new Random(7);
        List<byte[]> samples = samples();
        byte[] alphabet = " \r\n\t:;,<>\"@=/[]\\0aZ".getBytes(StandardCharsets.ISO_8859_1);
        String[] words = {"tag", "branch", "expires", "Call-ID", "i", "f", "t", "v", "l", "c", "m", "CSeq", "Via",
                "From", "To", "Contact", "X-CID", "SIP/2.0", "INVITE", "\r\n", "\n ", ";", "\"", "é"};
        for (int i = 0; i < 200_000; i++) {
            byte[] data = samples.get(r.nextInt(samples.size())).clone();
            int edits = 1 + r.nextInt(8);
            for (int e = 0; e < edits && data.length > 0; e++) {
                int p = r.nextInt(data.length);
                int kind = r.nextInt(4);
                if (kind == 0) {
                    data[p] = alphabet[r.nextInt(alphabet.length)];
                } else if (kind == 1) {
                    data[p] = (byte) r.nextInt(256);
                } else {
                    byte[] w = words[r.nextInt(words.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] grown = new byte[data.length + w.length];
                    System.arraycopy(data, 0, grown, 0, p);
                    System.arraycopy(w, 0, grown, p, w.length);
                    System.arraycopy(data, p, grown, p + w.length, data.length - p);
                    data = grown;
                }
            }
            int cut = r.nextInt(4) == 0 ? r.nextInt(data.length + 1) : data.length;
            same(data, 0, cut);
        }
    }

    @Test
    void randomBytes() {
        Random r = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            byte[] data = new byte[r.nextInt(200)];
            r.nextBytes(data);
            if (data.length > 12 && r.nextBoolean()) {
                System.arraycopy("SIP/2.0 200 ".getBytes(StandardCharsets.ISO_8859_1), 0, data, 0, 12);
            }
            same(data);
        }
    }

    /** Every offset of every corpus capture as a message start: all real SIP in there, and plenty of garbage. */
    @Test
    void everyOffsetOfTheCorpus() throws IOException {
        String prop = System.getProperty("parley.corpus");
        Path dir = Path.of(prop == null || prop.isEmpty() ? "/work/shared/corpus" : prop, "sip");
        Assumptions.assumeTrue(Files.isDirectory(dir), "corpus not found");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                byte[] data = Files.readAllBytes(f);
                for (int i = 0; i < data.length; i++) {
                    int c = data[i];
                    if (c == '\r' || c == '\n' || (c >= 'A' && c <= 'Z')) {
                        same(data, i, Math.min(data.length - i, 1500));
                    }
                }
            }
        }
    }
}
