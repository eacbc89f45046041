package dev.parley.decode.ip;

import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.bytes;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv6;
import static dev.parley.decode.link.TestPackets.ipv6Fragment;
import static dev.parley.decode.link.TestPackets.slice;
import static dev.parley.decode.link.TestPackets.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import org.junit.jupiter.api.Test;

class Ipv6ExtensionHeaderTest {
    private static final byte[] SIP = ascii("BYE sip:x SIP/2.0\r\n\r\n");

    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    /** A generic (n+1)*8-byte extension header announcing {@code next}. */
    private static byte[] ext(int next, int units) {
        byte[] h = new byte[(units + 1) * 8];
        h[0] = (byte) next;
        h[1] = (byte) units;
        return h;
    }

    @Test
    void hopByHopRoutingDestinationAndAhAreSkipped() {
        byte[] ah = new byte[16]; // AH length field 2 => (2+2)*4 = 16 bytes
        ah[0] = PROTO_UDP;
        ah[1] = 2;
        byte[] chain = concat(ext(43, 0), ext(60, 1), ext(51, 0), ah, udp(5060, 5060, SIP));
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 0, chain))));
        assertThat(rec.datagrams).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo(SIP);
            assertThat(packets.read(d.origin())).isEqualTo(SIP);
        });
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void destinationOptionsInsideFragmentedPart() {
        byte[] fragmentable = concat(ext(PROTO_UDP, 0), udp(5060, 5060, IpFragmentReassemblyTest.text(2000)));
        byte[] f1 = ipv6Fragment(60, 0, true, 42, slice(fragmentable, 0, 1000));
        byte[] f2 = ipv6Fragment(60, 1000, false, 42, slice(fragmentable, 1000, fragmentable.length));
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 0, concat(ext(44, 0), f2)))));
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 44, f1))));
        assertThat(rec.datagrams).singleElement()
                .satisfies(d -> assertThat(d.payload()).isEqualTo(IpFragmentReassemblyTest.text(2000)));
    }

    @Test
    void noNextHeaderAndTruncatedChainsDeliverNothing() {
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 59, bytes(1, 2, 3)))));
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 0, bytes(17, 4, 0, 0)))));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalyCodes()).containsExactly("ipv6.extension.truncated");
        assertThat(rec.anomalies.get(0).frame()).isEqualTo(2);
    }

    @Test
    void endlessChainIsCut() {
        byte[] chain = new byte[0];
        for (int i = 0; i < 20; i++) {
            chain = concat(chain, ext(60, 0));
        }
        decoder.decode(packets.frame(1, ethernet(0x86dd, ipv6("::1", "::2", 60, chain))));
        assertThat(rec.anomalyCodes()).containsExactly("ipv6.extension.too_many");
    }
}
