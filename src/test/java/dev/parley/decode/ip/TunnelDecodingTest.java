package dev.parley.decode.ip;

import static dev.parley.decode.link.TestPackets.PROTO_GRE;
import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.bytes;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.ipv6;
import static dev.parley.decode.link.TestPackets.u16;
import static dev.parley.decode.link.TestPackets.u32;
import static dev.parley.decode.link.TestPackets.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import org.junit.jupiter.api.Test;

class TunnelDecodingTest {
    private static final byte[] SIP = ascii("INVITE sip:bob@b SIP/2.0\r\n\r\n");
    private static final byte[] INNER_V4 = ipv4("192.168.1.1", "192.168.1.2", PROTO_UDP, udp(5060, 5060, SIP));
    private static final byte[] INNER_V6 = ipv6("fd00::1", "fd00::2", PROTO_UDP, udp(5060, 5060, SIP));

    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    private static byte[] outer(int protocol, byte[] payload) {
        return ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", protocol, payload));
    }

    private void assertInnerDatagram(String innerSrc) {
        assertThat(rec.datagrams).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo(SIP);
            assertThat(d.flow().src().ip()).isEqualTo(IpAddress.parse(innerSrc));
            assertThat(packets.read(d.origin())).isEqualTo(SIP);
        });
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void greWithChecksumKeyAndSequence() {
        byte[] gre = concat(u16(0xb000), u16(0x0800), u32(0), u32(77), u32(1), INNER_V4);
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void greCarryingIpv6() {
        decoder.decode(packets.frame(1, outer(PROTO_GRE, concat(u16(0), u16(0x86dd), INNER_V6))));
        assertInnerDatagram("fd00::1");
    }

    @Test
    void greTransparentEthernetBridging() {
        byte[] gre = concat(u16(0x2000), u16(0x6558), u32(5), ethernet(0x0800, INNER_V4));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void erspanTypeTwo() {
        byte[] erspan = concat(u32(0x10000001L), u32(0));
        byte[] gre = concat(u16(0x1000), u16(0x88be), u32(9), erspan, ethernet(0x0800, INNER_V4));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void erspanTypeOneHasNoHeader() {
        byte[] gre = concat(u16(0), u16(0x88be), ethernet(0x0800, INNER_V4));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void erspanTypeThreeWithPlatformSubheader() {
        byte[] erspan = concat(u32(0x20000001L), u32(12345), u16(0), bytes(0, 1), new byte[8]);
        byte[] gre = concat(u16(0x1000), u16(0x22eb), u32(9), erspan, ethernet(0x86dd, INNER_V6));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("fd00::1");
    }

    @Test
    void erspanTypeThreeWithoutSubheader() {
        byte[] erspan = concat(u32(0x20000001L), u32(12345), u32(0));
        byte[] gre = concat(u16(0x1000), u16(0x22eb), u32(9), erspan, ethernet(0x0800, INNER_V4));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, gre)));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void gtpUPlain() {
        byte[] gtp = concat(bytes(0x30, 0xff), u16(INNER_V4.length), u32(0x02000000L), INNER_V4);
        decoder.decode(packets.frame(1, outer(PROTO_UDP, udp(2152, 2152, gtp))));
        assertInnerDatagram("192.168.1.1");
    }

    @Test
    void gtpUWithSequenceAndExtensionHeaders() {
        // S and E flags: seq(2) n-pdu(1) next=0x85; extension of 1 unit (4 bytes) ending with next=0
        byte[] opt = concat(u16(7), bytes(0, 0x85), bytes(1, 0x10, 0x05, 0));
        byte[] gtp = concat(bytes(0x36, 0xff), u16(opt.length + INNER_V6.length), u32(1), opt, INNER_V6);
        decoder.decode(packets.frame(1, outer(PROTO_UDP, udp(40000, 2152, gtp))));
        assertInnerDatagram("fd00::1");
    }

    @Test
    void gtpUSignallingIsNotADatagram() {
        byte[] echo = concat(bytes(0x32, 0x01), u16(4), u32(0), u16(1), bytes(0, 0));
        decoder.decode(packets.frame(1, outer(PROTO_UDP, udp(2152, 2152, echo))));
        assertThat(rec.datagrams).isEmpty();
    }

    @Test
    void nonGtpTrafficOnPort2152IsADatagram() {
        decoder.decode(packets.frame(1, outer(PROTO_UDP, udp(2152, 9999, SIP))));
        assertThat(rec.datagrams).singleElement().satisfies(d -> assertThat(d.payload()).isEqualTo(SIP));
    }

    @Test
    void ipInIp() {
        decoder.decode(packets.frame(1, outer(4, INNER_V4)));
        decoder.decode(packets.frame(1, outer(41, INNER_V6)));
        assertThat(rec.datagrams).extracting(d -> d.flow().src().ip().toString())
                .containsExactly("192.168.1.1", "fd00::1");
        assertThat(rec.datagrams).allSatisfy(d -> assertThat(packets.read(d.origin())).isEqualTo(SIP));
    }

    @Test
    void nestingIsDepthLimited() {
        byte[] pkt = INNER_V4;
        for (int i = 0; i < 12; i++) {
            pkt = ipv4("10.0.0." + i, "10.0.1.1", 4, pkt);
        }
        decoder.decode(packets.frame(1, ethernet(0x0800, pkt)));
        decoder.decode(packets.frame(1, ethernet(0x0800, pkt)));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalyCodes()).containsExactly("tunnel.depth.exceeded");

        byte[] ok = INNER_V4;
        for (int i = 0; i < 5; i++) {
            ok = ipv4("10.0.0." + i, "10.0.1.1", PROTO_GRE, concat(u16(0), u16(0x0800), ok));
        }
        decoder.decode(packets.frame(1, ethernet(0x0800, ok)));
        assertThat(rec.datagrams).hasSize(1);
    }

    @Test
    void truncatedTunnelHeadersAreAnomalies() {
        decoder.decode(packets.frame(1, outer(PROTO_GRE, bytes(0xb0, 0))));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, concat(u16(0xb000), u16(0x0800), u32(0)))));
        decoder.decode(packets.frame(1, outer(PROTO_GRE, concat(u16(0), u16(0x22eb), u32(0)))));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalyCodes()).containsExactly("gre.header.truncated", "gre.header.truncated",
                "erspan.header.truncated");
    }
}
