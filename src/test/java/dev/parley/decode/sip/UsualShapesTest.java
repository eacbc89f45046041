package dev.parley.decode.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The value parsers' one-walk readings of the usual From, To and Via shapes ({@code NameAddrScan.readUsual},
 * {@code ViaScan.readUsual}) against their general readings ({@code readAny}): on every value below and on every
 * variant made by putting a delimiter, white space or a case change at each of its positions, or cutting it short,
 * {@code read} (the usual way first) must give exactly what {@code readAny} gives.
 */
class UsualShapesTest {
    private static final String[] NAME_ADDRS = {
        "\"Phone 2045\" <sip:2045@parley.test>;tag=a33ed9e52d6f2e35",
        "<sip:2178@parley.test>;tag=a9a64f1bfeb5ba6f",
        "<sip:2106@10.20.1.116:5060>",
        "<sips:alice:secret@example.com;transport=tls>;TAG=x;lr",
        "\"A \\\"quoted\\\" name\" <sip:bob@h>;tag=\"q t\"",
        "\"Bob\"<sip:bob@h> ;tag=1",
        "<tel:+15551234;phone-context=x>;tag=9",
        "Alice <sip:alice@h>;tag=2",
        "sip:carol@h;tag=3",
        "<sip:h>;tag=4",
        "<sip:@h>;tag=",
    };
    private static final String[] VIAS = {
        "SIP/2.0/UDP 10.20.1.55:5060;received=10.20.1.55;branch=z9hG4bK91fba69bdb8d3285;rport=5060",
        "SIP/2.0/UDP 10.20.0.1:5060;branch=z9hG4bKea54134d565cb6e2",
        "SIP/2.0/TCP h;rport;BRANCH=z9hG4bK1, SIP/2.0/UDP g;branch=z9hG4bK2",
        "SIP/2.0/UDP h;received=x, SIP/2.0/UDP g;branch=z9hG4bK2",
        "SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKnashds7;x=\"a,b\"",
        "SIP / 2.0 / UDP h;branch=z9hG4bK3",
        "SIP/2.0/UDP h;branch = z9hG4bK4",
        "SIP/2.0/UDP h;branch",
        "SIP/2.0/UDP h",
    };
    private static final byte[] SPECIAL = {'"', '<', '>', ':', '@', ';', '?', ',', '=', ' ', '\t', '\r', '\n', '\\',
        'T', 'B', 'b', '/', '.'};

    @Test
    void nameAddrUsualWalkAgreesWithTheGeneralOne() {
        int usual = 0;
        for (byte[] v : variants(NAME_ADDRS)) {
            for (boolean from : new boolean[] {true, false}) {
                HeaderScan general = scan(v);
                NameAddrScan.readAny(general, v, 0, v.length, from);
                HeaderScan tried = scan(v);
                NameAddrScan.read(tried, v, 0, v.length, from);
                assertSame(tried, general, v);
                usual += NameAddrScan.readUsual(scan(v), v, 0, v.length, from) ? 1 : 0;
            }
        }
        assertThat(usual).as("values read the usual way").isGreaterThan(500);
    }

    @Test
    void viaUsualWalkAgreesWithTheGeneralOne() {
        int usual = 0;
        for (byte[] v : variants(VIAS)) {
            HeaderScan general = scan(v);
            ViaScan.readAny(general, v, 0, v.length);
            HeaderScan tried = scan(v);
            ViaScan.read(tried, v, 0, v.length);
            assertSame(tried, general, v);
            assertThat(tried.viaTransport).as(text(v)).isEqualTo(general.viaTransport);
            usual += ViaScan.readUsual(scan(v), v, 0, v.length) ? 1 : 0;
        }
        assertThat(usual).as("values read the usual way").isGreaterThan(500);
    }

    @Test
    void usualShapesAreReadTheUsualWay() {
        byte[] from = NAME_ADDRS[0].getBytes(StandardCharsets.ISO_8859_1);
        HeaderScan s = scan(from);
        assertThat(NameAddrScan.readUsual(s, from, 0, from.length, true)).isTrue();
        assertThat(value(s, from, SipSummary.FROM_DISPLAY_QUOTED)).isEqualTo("Phone 2045");
        assertThat(value(s, from, SipSummary.FROM_USER)).isEqualTo("2045");
        assertThat(value(s, from, SipSummary.FROM_TAG)).isEqualTo("a33ed9e52d6f2e35");
        byte[] via = VIAS[0].getBytes(StandardCharsets.ISO_8859_1);
        HeaderScan t = scan(via);
        assertThat(ViaScan.readUsual(t, via, 0, via.length)).isTrue();
        assertThat(t.viaTransport).isEqualTo("UDP");
        assertThat(value(t, via, SipSummary.BRANCH)).isEqualTo("z9hG4bK91fba69bdb8d3285");
        byte[] second = VIAS[3].getBytes(StandardCharsets.ISO_8859_1); // the branch of the second via-parm is not ours
        assertThat(ViaScan.readUsual(scan(second), second, 0, second.length)).isFalse();
    }

    /** Each value, and copies with each position replaced by each special byte, with one inserted, and cut short. */
    private static List<byte[]> variants(String[] values) {
        List<byte[]> out = new ArrayList<>();
        for (String value : values) {
            byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
            out.add(v);
            for (int i = 0; i < v.length; i++) {
                out.add(Arrays.copyOf(v, i));
                for (byte c : SPECIAL) {
                    byte[] replaced = v.clone();
                    replaced[i] = c;
                    out.add(replaced);
                    byte[] inserted = new byte[v.length + 1];
                    System.arraycopy(v, 0, inserted, 0, i);
                    inserted[i] = c;
                    System.arraycopy(v, i, inserted, i + 1, v.length - i);
                    out.add(inserted);
                }
            }
        }
        return out;
    }

    private static HeaderScan scan(byte[] v) {
        return new HeaderScan(null).reset(v, 0, v.length, 1);
    }

    private static void assertSame(HeaderScan tried, HeaderScan general, byte[] v) {
        for (int k = 0; k < SipSummary.PARTS; k++) {
            assertThat(part(tried, v, k)).as("part %d of %s", k, text(v)).isEqualTo(part(general, v, k));
        }
    }

    /** The part's range as "start-end", null when absent. */
    private static String part(HeaderScan s, byte[] v, int k) {
        return s.keyEnd[k] < 0 ? null : s.keyStart[k] + "-" + s.keyEnd[k] + ":" + ByteText.text(v, s.keyStart[k],
                s.keyEnd[k]);
    }

    private static String value(HeaderScan s, byte[] v, int k) {
        return s.keyEnd[k] < 0 ? null : ByteText.text(v, s.keyStart[k], s.keyEnd[k]);
    }

    private static String text(byte[] v) {
        return new String(v, StandardCharsets.ISO_8859_1);
    }
}
