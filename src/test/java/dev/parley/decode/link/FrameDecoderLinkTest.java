package dev.parley.decode.link;

import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.bytes;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.ipv6;
import static dev.parley.decode.link.TestPackets.u16;
import static dev.parley.decode.link.TestPackets.udp;
import static dev.parley.decode.link.TestPackets.vlanTag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Transport;
import org.junit.jupiter.api.Test;

class FrameDecoderLinkTest {
    private static final byte[] SIP = ascii("OPTIONS sip:a@b SIP/2.0\r\n\r\n");
    private static final byte[] V4 = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(5060, 5061, SIP));
    private static final byte[] V6 = ipv6("2001:db8::1", "2001:db8::2", PROTO_UDP, udp(5060, 5061, SIP));

    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    private RecordingListener.Datagram decodeOne(int linkType, byte[] data) {
        Frame f = packets.frame(linkType, data);
        decoder.decode(f);
        assertThat(rec.datagrams).as("datagrams").hasSize(1);
        RecordingListener.Datagram d = rec.datagrams.get(0);
        assertThat(d.payload()).isEqualTo(SIP);
        assertThat(d.frame()).isEqualTo(f.number());
        assertThat(packets.read(d.origin())).isEqualTo(SIP);
        assertThat(d.origin().fileOffset(0)).isEqualTo(f.fileOffset() + data.length - SIP.length);
        assertThat(d.flow().transport()).isEqualTo(Transport.UDP);
        assertThat(d.flow().src().port()).isEqualTo(5060);
        assertThat(d.flow().dst().port()).isEqualTo(5061);
        return d;
    }

    @Test
    void ethernetIpv4() {
        RecordingListener.Datagram d = decodeOne(1, ethernet(0x0800, V4));
        assertThat(d.flow().src().ip()).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(d.flow().dst().ip()).isEqualTo(IpAddress.parse("10.0.0.2"));
    }

    @Test
    void ethernetIpv6() {
        RecordingListener.Datagram d = decodeOne(1, ethernet(0x86dd, V6));
        assertThat(d.flow().src().ip()).isEqualTo(IpAddress.parse("2001:db8::1"));
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] frame = concat(ethernet(0x0800, V4), new byte[6]);
        decoder.decode(packets.frame(1, frame));
        assertThat(rec.datagrams).singleElement().satisfies(d -> assertThat(d.payload()).isEqualTo(SIP));
    }

    @Test
    void vlanTagged() {
        decodeOne(1, ethernet(0x8100, concat(vlanTag(0x0800), V4)));
    }

    @Test
    void qinqStacked() {
        decodeOne(1, ethernet(0x88a8, concat(vlanTag(0x8100), vlanTag(0x86dd), V6)));
    }

    @Test
    void oldQinqTag() {
        decodeOne(1, ethernet(0x9100, concat(vlanTag(0x8100), vlanTag(0x0800), V4)));
    }

    @Test
    void linuxCooked() {
        byte[] sll = concat(bytes(0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0), u16(0x0800));
        decodeOne(113, concat(sll, V4));
    }

    @Test
    void linuxCookedV2() {
        byte[] sll2 = concat(u16(0x86dd), bytes(0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0));
        decodeOne(276, concat(sll2, V6));
    }

    @Test
    void bsdNullHostOrder() {
        decodeOne(0, concat(bytes(2, 0, 0, 0), V4));
    }

    @Test
    void bsdNullIpv6Families() {
        for (int family : new int[] {24, 28, 30}) {
            RecordingListener fresh = new RecordingListener();
            FrameDecoder d = new FrameDecoder(Limits.DEFAULT, fresh, fresh);
            d.decode(packets.frame(0, concat(bytes(family, 0, 0, 0), V6)));
            d.decode(packets.frame(0, concat(bytes(0, 0, 0, family), V6)));
            assertThat(fresh.datagrams).as("family " + family).hasSize(2);
        }
    }

    @Test
    void loopNetworkOrder() {
        decodeOne(108, concat(bytes(0, 0, 0, 2), V4));
    }

    @Test
    void nullWithRawIpv4IsReadAsRawIp() {
        decodeOne(0, V4);
        decoder.decode(packets.frame(0, V4));
        assertThat(rec.datagrams).hasSize(2);
        assertThat(rec.anomalyCodes()).containsExactly("link.null.raw_ip");
        assertThat(rec.anomalies.get(0).frame()).isEqualTo(1);
    }

    @Test
    void rawLinkTypes() {
        decodeOne(101, V4);
        for (int linkType : new int[] {101, 12, 14}) {
            decoder.decode(packets.frame(linkType, V6));
        }
        decoder.decode(packets.frame(228, V4));
        decoder.decode(packets.frame(229, V6));
        assertThat(rec.datagrams).hasSize(6);
        assertThat(rec.datagrams).allSatisfy(d -> assertThat(d.payload()).isEqualTo(SIP));
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void unknownLinkTypeReportedOncePerType() {
        decoder.decode(packets.frame(147, V4));
        decoder.decode(packets.frame(147, V4));
        decoder.decode(packets.frame(148, V4));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalies).extracting(a -> a.code() + "@" + a.frame())
                .containsExactly("link.type.unsupported@1", "link.type.unsupported@3");
    }

    @Test
    void truncatedAndEmptyFramesBecomeAnomalies() {
        decoder.decode(packets.frame(1, bytes(1, 2, 3)));
        decoder.decode(packets.frame(113, bytes(1, 2, 3)));
        decoder.decode(packets.frame(101, new byte[0]));
        decoder.decode(packets.frame(1, ethernet(0x0800, TestPackets.slice(V4, 0, 10))));
        decoder.decode(packets.frame(1, ethernet(0x8100, bytes(0))));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalies).hasSize(5).allSatisfy(a -> assertThat(a.frame()).isPositive());
    }

    @Test
    void arpAndOtherEtherTypesAreIgnored() {
        decoder.decode(packets.frame(1, ethernet(0x0806, new byte[28])));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalies).isEmpty();
    }
}
