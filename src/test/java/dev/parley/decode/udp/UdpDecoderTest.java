package dev.parley.decode.udp;

import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.u16;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import org.junit.jupiter.api.Test;

class UdpDecoderTest {
    private static final byte[] BODY = ascii("SIP/2.0 200 OK\r\n\r\n");

    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    private void decodeUdp(int lengthField, byte[] payload) {
        byte[] udp = concat(u16(5060), u16(5080), u16(lengthField), u16(0), payload);
        decoder.decode(packets.frame(1, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp))));
    }

    @Test
    void lengthFieldLargerThanDataUsesWhatIsThere() {
        decodeUdp(8 + BODY.length + 50, BODY);
        assertThat(rec.anomalyCodes()).containsExactly("udp.length.invalid");
        assertThat(rec.datagrams).singleElement().satisfies(d -> assertThat(d.payload()).isEqualTo(BODY));
    }

    @Test
    void lengthFieldSmallerThanDataCutsThePayload() {
        decodeUdp(8 + 10, BODY);
        assertThat(rec.anomalies).isEmpty();
        assertThat(rec.datagrams).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo(TestPackets.slice(BODY, 0, 10));
            assertThat(d.origin().totalLength()).isEqualTo(10);
        });
    }

    @Test
    void lengthBelowHeaderIsInvalid() {
        decodeUdp(3, BODY);
        assertThat(rec.anomalyCodes()).containsExactly("udp.length.invalid");
        assertThat(rec.datagrams).singleElement().satisfies(d -> assertThat(d.payload()).isEqualTo(BODY));
    }

    @Test
    void truncatedHeader() {
        decoder.decode(packets.frame(1, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, u16(5060)))));
        assertThat(rec.anomalyCodes()).containsExactly("udp.header.truncated");
        assertThat(rec.datagrams).isEmpty();
    }

    @Test
    void flowCarriesPortsAndOriginPointsAtPayload() {
        decodeUdp(8 + BODY.length, BODY);
        RecordingListener.Datagram d = rec.datagrams.get(0);
        assertThat(d.flow().toString()).isEqualTo("UDP 10.0.0.1:5060 -> 10.0.0.2:5080");
        assertThat(d.origin().fileOffset(0)).isEqualTo(100_000L + 16 + 14 + 20 + 8);
        assertThat(packets.read(d.origin())).isEqualTo(BODY);
    }
}
