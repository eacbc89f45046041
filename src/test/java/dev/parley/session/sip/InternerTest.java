package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.decode.sip.SipScanner;
import dev.parley.decode.sip.SipSummary;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parties' names found by their bytes are the texts the summary's accessors give, shared with the String path. */
class InternerTest {
    private static SipSummary invite(String from, String to) {
        String raw = "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: " + from
                + "\r\nTo: " + to + "\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        return new SipScanner().scanMessage(Bytes.of(raw.getBytes(StandardCharsets.UTF_8)), 1);
    }

    @Test
    void namesByTheirBytesEqualTheAccessorsTexts() {
        String[][] cases = {
            {"Alice <sip:alice@example.com>;tag=1", "<sip:bob@example.com>"},
            {"\"Alice Smith\" <sip:alice@example.com>;tag=1", "sip:bob@example.com"},
            {"\"\" <sip:alice@example.com>;tag=1", "<tel:+4930123>"},
            {"<sip:example.com>;tag=1", "Bob <sip:@example.com>"},
            {"J\u00fcrgen <sip:j\u00fcrgen@example.com>;tag=1", "<sip:\u00e4@example.com>"},
        };
        Interner in = new Interner(100);
        for (int round = 0; round < 2; round++) { // the second round finds every name by its bytes
            for (String[] c : cases) {
                SipSummary s = invite(c[0], c[1]);
                assertThat(in.fromUser(s)).isEqualTo(s.fromUser());
                assertThat(in.toUser(s)).isEqualTo(s.toUser());
                assertThat(in.fromDisplay(s)).isEqualTo(s.fromDisplay());
            }
        }
    }

    @Test
    void theBytesPathAndTheStringPathShareOneCopy() {
        Interner in = new Interner(100);
        SipSummary s = invite("Alice <sip:alice@example.com>;tag=1", "<sip:bob@example.com>");
        String byString = in.intern(new String("alice"));
        assertThat(in.fromUser(s)).isSameAs(byString);
        assertThat(in.fromUser(invite("Al <sip:alice@example.org>;tag=2", "<sip:x@example.com>"))).isSameAs(byString);
        assertThat(in.fromDisplay(s)).isSameAs(in.intern(new String("Alice")));
    }

    @Test
    void pastTheCapNamesAreStillRight() {
        Interner in = new Interner(2);
        for (int i = 0; i < 10; i++) {
            SipSummary s = invite("<sip:user" + i + "@example.com>;tag=1", "<sip:callee" + i + "@example.com>");
            assertThat(in.fromUser(s)).isEqualTo("user" + i);
            assertThat(in.toUser(s)).isEqualTo("callee" + i);
            assertThat(in.fromDisplay(s)).isNull();
        }
    }
}
