package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.decode.Origin;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipScanner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Call-IDs are matched as the text the views and the CLI show: bytes that are not UTF-8 read as U+FFFD. */
class SipCorrelatorCallIdTextTest {
    private static SipEvent options(byte[] callId, String branch, long frame) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(("OPTIONS sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=" + branch
                + "\r\nFrom: <sip:alice@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\nCall-ID: ")
                .getBytes(StandardCharsets.ISO_8859_1));
        m.writeBytes(callId);
        m.writeBytes("\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] raw = m.toByteArray();
        return new SipEvent(new SipScanner().scanMessage(Bytes.of(raw), frame), null, frame, frame * 1_000_000L,
                Origin.of(frame, frame * 1000, raw.length), null);
    }

    @Test
    void callIdsThatAreNotUtf8AreMatchedAsTheirText() {
        SipCorrelator c = new SipCorrelator();
        c.accept(options(new byte[] {'a', (byte) 0xff, 'b'}, "z9hG4bK1", 1));
        c.accept(options(new byte[] {'a', (byte) 0xfe, 'b'}, "z9hG4bK2", 2)); // the same text: a\ufffdb
        c.accept(options("a\ufffdb".getBytes(StandardCharsets.UTF_8), "z9hG4bK3", 3));
        c.accept(options("plain@host".getBytes(StandardCharsets.UTF_8), "z9hG4bK4", 4));

        assertThat(c.sessions()).extracting(SipSession::callId).containsExactly("a\ufffdb", "plain@host");
        assertThat(c.session("a\ufffdb").messages()).hasSize(3);
        assertThat(c.statistics().callIds()).isEqualTo(2);
    }
}
