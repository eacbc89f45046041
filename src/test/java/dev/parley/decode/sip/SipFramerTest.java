package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.Framing;
import dev.parley.decode.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipFramerTest {

    /** Three messages with bodies and a keep-alive between two of them. */
    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SipSamples.crlf(SipSamples.INVITE_F1));
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(SipSamples.crlf(SipSamples.OK_F9));
        out.writeBytes(SipSamples.crlf(SipSamples.MESSAGE_CPIM));
        return out.toByteArray();
    }

    /** Feeds {@code chunks} into a growing buffer as a TCP layer would, collecting decoded messages. */
    private static List<String> feed(List<byte[]> chunks, List<Anomaly> anomalies) {
        SipFramer framer = new SipFramer(Limits.DEFAULT, anomalies::add);
        List<String> messages = new ArrayList<>();
        byte[] buffer = new byte[0];
        for (byte[] chunk : chunks) {
            byte[] grown = Arrays.copyOf(buffer, buffer.length + chunk.length);
            System.arraycopy(chunk, 0, grown, buffer.length, chunk.length);
            buffer = grown;
            while (true) {
                Framing<Integer> f = framer.frame(Bytes.of(buffer));
                if (f instanceof Framing.Decoded<Integer> d) {
                    assertThat(d.consumed()).isPositive();
                    if (d.value() > 0) {
                        assertThat(d.value()).isEqualTo(d.consumed());
                        messages.add(new String(buffer, 0, d.consumed(), StandardCharsets.ISO_8859_1));
                    }
                    buffer = Arrays.copyOfRange(buffer, d.consumed(), buffer.length);
                } else {
                    assertThat(f).isInstanceOf(Framing.NeedMore.class);
                    break;
                }
            }
        }
        assertThat(buffer).isEmpty();
        return messages;
    }

    @Test
    void wholeStreamGivesThreeMessages() {
        byte[] s = stream();
        List<String> messages = feed(List.of(s), new ArrayList<>());
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).startsWith("INVITE ").endsWith("a=sendonly\r\n");
        assertThat(messages.get(1)).startsWith("SIP/2.0 200 OK");
        assertThat(messages.get(2)).startsWith("MESSAGE ").endsWith("my message.\r\n");
        for (String m : messages) {
            SipSummary sum = SipScanner.scan(Bytes.ascii(m), 1);
            assertThat(sum.anomalies()).isEmpty();
            assertThat(sum.bodyLength()).isEqualTo(sum.contentLength()).isPositive();
        }
    }

    @Test
    void fragmentSweepAtEveryOffset() {
        byte[] s = stream();
        List<String> expected = feed(List.of(s), new ArrayList<>());
        for (int cut = 0; cut <= s.length; cut++) {
            List<String> got = feed(List.of(Arrays.copyOf(s, cut), Arrays.copyOfRange(s, cut, s.length)),
                    new ArrayList<>());
            assertThat(got).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void byteByByte() {
        byte[] s = stream();
        List<byte[]> chunks = new ArrayList<>();
        for (byte b : s) {
            chunks.add(new byte[] {b});
        }
        assertThat(feed(chunks, new ArrayList<>())).isEqualTo(feed(List.of(s), new ArrayList<>()));
    }

    @Test
    void keepAliveIsDecodedWithValueZero() {
        Framing<Integer> f = new SipFramer().frame(Bytes.ascii("\r\n\r\nOPTIONS"));
        assertThat(f).isEqualTo(new Framing.Decoded<>(4, 0));
    }

    @Test
    void lfOnlyHeaderEnd() {
        String m = "OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nContent-Length: 2\n\nokNEXT";
        assertThat(new SipFramer().frame(Bytes.ascii(m))).isEqualTo(new Framing.Decoded<>(m.length() - 4,
                m.length() - 4));
    }

    @Test
    void missingContentLengthMeansEmptyBodyAndAnAnomaly() {
        List<Anomaly> anomalies = new ArrayList<>();
        String m = "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n";
        Framing<Integer> f = new SipFramer(Limits.DEFAULT, anomalies::add).frame(Bytes.ascii(m + "SIP/2.0"), 9);
        assertThat(f).isEqualTo(new Framing.Decoded<>(m.length(), m.length()));
        assertThat(anomalies).extracting(Anomaly::code).containsExactly("sip.content_length.missing");
        assertThat(anomalies.get(0).frame()).isEqualTo(9);
    }

    @Test
    void notMineForOtherProtocols() {
        SipFramer framer = new SipFramer();
        assertThat(framer.frame(Bytes.ascii("GET / HTTP/1.1\r\n\r\n"))).isInstanceOf(Framing.NotMine.class);
        assertThat(framer.frame(Bytes.ascii("+OK ready\r\n"))).isInstanceOf(Framing.NotMine.class);
        assertThat(framer.frame(Bytes.of(new byte[] {0x17, 3, 3, 0, 20}))).isInstanceOf(Framing.NotMine.class);
        assertThat(framer.frame(Bytes.ascii("INVI"))).isInstanceOf(Framing.NeedMore.class);
        assertThat(framer.frame(Bytes.ascii("SIP/2"))).isInstanceOf(Framing.NeedMore.class);
        assertThat(framer.frame(Bytes.EMPTY)).isInstanceOf(Framing.NeedMore.class);
    }

    @Test
    void limitsGiveNotMineWithAnAnomalyAndAResyncPoint() {
        List<Anomaly> anomalies = new ArrayList<>();
        Limits small = new Limits(100, 200, 300, 0, 0, 0, 0, 0, 0, 1_000_000);
        SipFramer framer = new SipFramer(small, anomalies::add);
        String big = "INVITE sip:a@b SIP/2.0\r\nContent-Length: 1000\r\n\r\n";
        assertThat(framer.frame(Bytes.ascii(big))).isInstanceOf(Framing.NotMine.class);
        assertThat(anomalies).extracting(Anomaly::code).containsExactly("sip.message.too_large");
        String longHeaders = "INVITE sip:a@b SIP/2.0\r\n" + "X-Pad: 0123456789\r\n".repeat(20);
        assertThat(framer.frame(Bytes.ascii(longHeaders))).isInstanceOf(Framing.NotMine.class);
        assertThat(anomalies).extracting(Anomaly::code).endsWith("sip.stream.resync");
        String junk = "garbage\r\nmore junk\r\nBYE sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n";
        int r = SipFramer.resyncPoint(Bytes.ascii(junk));
        assertThat(junk.substring(r)).startsWith("BYE ");
        assertThat(SipFramer.resyncPoint(Bytes.ascii("junk only"))).isEqualTo(-1);
    }
}
