package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scanner's byte-level value parsers, each on its own. */
class ScanValueParsersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text of a parameter's range as {@link ParamScan#paramRange} gives it, null when absent. */
    private static String param(byte[] a, byte[] name) {
        long range = ParamScan.paramRange(a, 0, a.length, name);
        return range < 0 ? null : ByteText.text(a, (int) (range >>> 32), (int) range);
    }

    @Test
    void paramFindsValueFlagQuotedAndAbsent() {
        byte[] a = b("<sip:a@h>;Tag = \"x y\";lr;branch=z9hG4bK1,next");
        assertThat(param(a, ParamScan.TAG)).isEqualTo("x y");
        assertThat(param(a, new byte[] {'l', 'r'})).isEmpty();
        assertThat(param(a, ParamScan.BRANCH)).isEqualTo("z9hG4bK1");
        assertThat(param(a, ParamScan.EXPIRES)).isNull();
    }

    @Test
    void contactExpiresReadsOnlyTheFirstContact() {
        byte[] a = b("<sip:a@h;expires=5>;expires=3600, <sip:b@h>;expires=60");
        assertThat(ParamScan.contactExpires(a, 0, a.length)).isEqualTo(3600);
        byte[] bad = b("<sip:a@h>;expires=soon");
        assertThat(ParamScan.contactExpires(bad, 0, bad.length)).isEqualTo(-1);
        byte[] quoted = b("<sip:a@h>;expires=\"007\"");
        assertThat(ParamScan.contactExpires(quoted, 0, quoted.length)).isEqualTo(7);
        byte[] flag = b("<sip:a@h>;expires;q=1");
        assertThat(ParamScan.contactExpires(flag, 0, flag.length)).isEqualTo(-1);
    }

    @Test
    void uriUserOfSipTelAndOtherUris() {
        byte[] sip = b("sips:alice:pw@example.com;transport=tls");
        assertThat(user(sip, 0, sip.length)).isEqualTo("alice");
        byte[] tel = b("TEL:+15551234;phone-context=x");
        assertThat(user(tel, 0, tel.length)).isEqualTo("+15551234");
        byte[] host = b("sip:example.com");
        assertThat(user(host, 0, host.length)).isEqualTo("sip:example.com");
        assertThat(NameAddrScan.uriUser(host, 3, 3)).isEqualTo(-1);
    }

    /** The text of the user range {@link NameAddrScan#uriUser} finds. */
    private static String user(byte[] a, int s, int e) {
        long r = NameAddrScan.uriUser(a, s, e);
        return r < 0 ? null : ByteText.text(a, (int) (r >>> 32), (int) r);
    }

    @Test
    void numbersAndTrimming() {
        byte[] a = b(" \t 42 \r\n");
        int s = ByteText.skipWs(a, 0, a.length);
        int e = ByteText.trimEnd(a, s, a.length);
        assertThat(ByteText.number(a, s, e)).isEqualTo(42);
        assertThat(ByteText.number(a, 0, a.length)).isEqualTo(-1);
        assertThat(ByteText.number(b("1234567890123"), 0, 13)).isEqualTo(-1);
    }
}
