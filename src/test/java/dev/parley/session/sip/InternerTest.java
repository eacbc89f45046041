package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Bytes;
import dev.parley.decode.sip.SipScanner;
import dev.parley.decode.sip.SipSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternerTest {
    private static String fromBytes(Interner in, String text) {
        byte[] padded = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return in.intern(padded, 2, padded.length - 4);
    }

    @Test
    void bytesAndStringsShareOneCopy() {
        Interner in = new Interner(100);
        String alice = new String("alice");
        assertThat(in.intern(alice)).isSameAs(alice);
        assertThat(fromBytes(in, "alice")).isSameAs(alice);
        String bob = fromBytes(in, "bob");
        assertThat(bob).isEqualTo("bob");
        assertThat(in.intern(new String("bob"))).isSameAs(bob);
        assertThat(fromBytes(in, "")).isEqualTo("").isSameAs(in.intern(new String("")));
        assertThat(in.intern((String) null)).isNull();
    }

    @Test
    void namesWithTheSameHashCodeStayApart() {
        Interner in = new Interner(100);
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        String aa = fromBytes(in, "Aa");
        assertThat(fromBytes(in, "BB")).isEqualTo("BB");
        assertThat(fromBytes(in, "Aa")).isSameAs(aa);
        assertThat(in.intern(new String("BB"))).isEqualTo("BB");
        assertThat(fromBytes(in, "AaAa")).isEqualTo("AaAa");
        assertThat(fromBytes(in, "BBBB")).isEqualTo("BBBB");
    }

    @Test
    void nonAsciiBytesAreDecodedAsUtf8() {
        Interner in = new Interner(100);
        String name = fromBytes(in, "Zoë Müller");
        assertThat(name).isEqualTo("Zoë Müller");
        assertThat(fromBytes(in, "Zoë Müller")).isSameAs(name);
        assertThat(in.intern(new String("Zoë Müller"))).isSameAs(name);
        // bytes that are not UTF-8 become U+FFFD, as new String(bytes, UTF_8) makes them
        byte[] bad = {'a', (byte) 0xFF, 'b'};
        assertThat(in.intern(bad, 0, 3)).isEqualTo(new String(bad, StandardCharsets.UTF_8));
    }

    @Test
    void keepsAtMostItsCapAndFindsEveryKeptNameAfterGrowing() {
        Interner in = new Interner(3000);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            kept.add(fromBytes(in, "user" + i));
        }
        for (int i = 0; i < 3000; i++) {
            assertThat(fromBytes(in, "user" + i)).isSameAs(kept.get(i));
            assertThat(in.intern(new String("user" + i))).isSameAs(kept.get(i));
        }
        // past the cap a name is handed back as made, not kept
        String late = new String("user4000");
        assertThat(in.intern(late)).isSameAs(late);
        assertThat(fromBytes(in, "user4000")).isEqualTo("user4000").isNotSameAs(kept.get(4000));
    }

    @Test
    void aSummaryHandsItsNamesOverAsTheirTexts() {
        Interner in = new Interner(100);
        for (String from : new String[] {"\"Zoë \\\"Z\\\" M\" <sip:zoe@example.com>;tag=1", "\"Alice\" <sip:alice@a>;tag=1",
            "Bob Smith <sip:bob@b>;tag=1", "<sip:carol@c>;tag=1", "\"\" <sip:dave@d>;tag=1"}) {
            String text = "INVITE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: " + from
                    + "\r\nTo: <sip:eve@e>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n\r\n";
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            SipSummary s = SipScanner.scan(Bytes.of(b), 1);
            assertThat(s.fromUser(in)).isEqualTo(s.fromUser()).isSameAs(s.fromUser(in));
            assertThat(s.toUser(in)).isEqualTo(s.toUser()).isEqualTo("eve");
            assertThat(s.fromDisplay(in)).isEqualTo(s.fromDisplay());
        }
        SipSummary escaped = SipScanner.scan(Bytes.of(("INVITE sip:x@y SIP/2.0\r\nFrom: \"Zo \\\"Z\\\"\" <sip:z@z>;tag=1"
                + "\r\nTo: <sip:e@e>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n\r\n").getBytes(StandardCharsets.UTF_8)), 1);
        assertThat(escaped.fromDisplay(in)).isEqualTo("Zo \"Z\"");
    }
}
