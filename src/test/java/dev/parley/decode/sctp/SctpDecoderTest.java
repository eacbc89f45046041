package dev.parley.decode.sctp;

import static dev.parley.decode.link.TestPackets.PROTO_SCTP;
import static dev.parley.decode.link.TestPackets.ascii;
import static dev.parley.decode.link.TestPackets.bytes;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.u16;
import static dev.parley.decode.link.TestPackets.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Limits;
import dev.parley.decode.Transport;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import org.junit.jupiter.api.Test;

class SctpDecoderTest {
    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    private static byte[] data(int flags, long tsn, int stream, byte[] userData) {
        byte[] chunk = concat(bytes(0, flags), u16(16 + userData.length), u32(tsn), u16(stream), u16(0), u32(0),
                userData);
        return concat(chunk, new byte[(4 - chunk.length % 4) % 4]);
    }

    private void send(byte[]... chunks) {
        byte[] sctp = concat(u16(5060), u16(5061), u32(0xdeadbeefL), u32(0), concat(chunks));
        decoder.decode(packets.frame(1, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_SCTP, sctp))));
    }

    @Test
    void wholeDataChunksAreDatagramsAndOtherChunksSkipped() {
        byte[] sack = concat(bytes(3, 0), u16(16), new byte[12]);
        send(sack, data(3, 1, 0, ascii("INVITE x")), data(3, 2, 1, ascii("ACK")));
        assertThat(rec.datagrams).extracting(RecordingListener.Datagram::text).containsExactly("INVITE x", "ACK");
        assertThat(rec.datagrams).allSatisfy(d -> {
            assertThat(d.flow().transport()).isEqualTo(Transport.SCTP);
            assertThat(d.flow().dst().port()).isEqualTo(5061);
            assertThat(packets.read(d.origin())).isEqualTo(d.payload());
        });
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void fragmentedUserMessageIsRebuiltAcrossPackets() {
        send(data(2, 10, 4, ascii("INV")));
        send(data(0, 11, 4, ascii("ITE si")));
        send(data(1, 12, 4, ascii("p:bob")));
        assertThat(rec.datagrams).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("INVITE sip:bob");
            assertThat(d.origin().frames()).containsExactly(1, 2, 3);
            assertThat(packets.read(d.origin())).isEqualTo(d.payload());
        });
    }

    @Test
    void outOfSequenceFragmentsAreReported() {
        send(data(2, 10, 4, ascii("INV")));
        send(data(1, 12, 4, ascii("p:bob")));
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalyCodes()).containsExactly("sctp.fragmented");
    }

    @Test
    void badChunksAreAnomalies() {
        send(concat(bytes(0, 3), u16(2)));
        send(concat(bytes(0, 3), u16(200), new byte[20]));
        assertThat(rec.anomalyCodes()).containsExactly("sctp.chunk.invalid", "sctp.chunk.truncated");
    }
}
