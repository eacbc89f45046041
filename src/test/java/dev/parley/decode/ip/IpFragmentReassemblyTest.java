package dev.parley.decode.ip;

import static dev.parley.decode.link.TestPackets.PROTO_UDP;
import static dev.parley.decode.link.TestPackets.concat;
import static dev.parley.decode.link.TestPackets.ethernet;
import static dev.parley.decode.link.TestPackets.ipv4;
import static dev.parley.decode.link.TestPackets.ipv6;
import static dev.parley.decode.link.TestPackets.ipv6Fragment;
import static dev.parley.decode.link.TestPackets.slice;
import static dev.parley.decode.link.TestPackets.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpFragmentReassemblyTest {
    private static final byte[] TEXT = text(3000);
    private static final byte[] DATAGRAM = udp(5060, 5060, TEXT); // what gets fragmented

    private final TestPackets packets = new TestPackets();
    private final RecordingListener rec = new RecordingListener();
    private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, rec, rec);

    static byte[] text(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < n; i++) {
            sb.append("line ").append(i).append(" of the message\r\n");
        }
        return TestPackets.ascii(sb.substring(0, n));
    }

    /** IPv4 fragments of DATAGRAM at 8-byte-aligned cut points. */
    private static List<byte[]> ipv4Fragments(int id, int... cuts) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : DATAGRAM.length;
            int flags = (i < cuts.length ? 0x2000 : 0) | (from / 8);
            out.add(ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, id, flags, slice(DATAGRAM, from, to))));
            from = to;
        }
        return out;
    }

    private static List<byte[]> ipv6Fragments(long id, int... cuts) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : DATAGRAM.length;
            out.add(ethernet(0x86dd, ipv6("2001:db8::1", "2001:db8::2", 44,
                    ipv6Fragment(PROTO_UDP, from, i < cuts.length, id, slice(DATAGRAM, from, to)))));
            from = to;
        }
        return out;
    }

    private void decodeAll(List<byte[]> frames) {
        for (byte[] f : frames) {
            decoder.decode(packets.frame(1, f));
        }
    }

    private void assertOneWholeDatagram(int fragments) {
        assertThat(rec.datagrams).hasSize(1);
        RecordingListener.Datagram d = rec.datagrams.get(0);
        assertThat(d.payload()).isEqualTo(TEXT);
        Origin o = d.origin();
        assertThat(packets.read(o)).isEqualTo(TEXT);
        assertThat(o.frames()).hasSize(fragments);
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void ipv4InOrder() {
        decodeAll(ipv4Fragments(7, 1480, 2960));
        assertOneWholeDatagram(3);
        assertThat(rec.datagrams.get(0).frame()).isEqualTo(3);
        // runs in datagram order: the first fragment's payload starts after the 8-byte UDP header
        Origin o = rec.datagrams.get(0).origin();
        assertThat(o.frame(0)).isEqualTo(1);
        assertThat(o.fileOffset(0)).isEqualTo(100_000L + 16 + 14 + 20 + 8);
        assertThat(o.length(0)).isEqualTo(1480 - 8);
    }

    @Test
    void ipv4Reversed() {
        List<byte[]> frames = ipv4Fragments(7, 1480, 2960);
        Collections.reverse(frames);
        decodeAll(frames);
        assertOneWholeDatagram(3);
        assertThat(rec.datagrams.get(0).origin().frame(0)).isEqualTo(3);
    }

    @Test
    void ipv4DuplicatedAndOverlapping() {
        List<byte[]> a = ipv4Fragments(7, 1000, 2000);
        List<byte[]> b = ipv4Fragments(7, 504, 1504);
        decodeAll(List.of(a.get(1), b.get(1), a.get(1), b.get(0), a.get(2)));
        assertThat(rec.datagrams).hasSize(1);
        assertThat(rec.datagrams.get(0).payload()).isEqualTo(TEXT);
        assertThat(packets.read(rec.datagrams.get(0).origin())).isEqualTo(TEXT);
        // a late duplicate of a completed set starts a new set that never completes
        decoder.decode(packets.frame(1, a.get(0)));
        decoder.finish();
        assertThat(rec.datagrams).hasSize(1);
        assertThat(rec.anomalyCodes()).containsExactly("ip.fragment.incomplete");
    }

    @Test
    void ipv4Incomplete() {
        List<byte[]> frames = ipv4Fragments(9, 1480, 2960);
        decodeAll(List.of(frames.get(0), frames.get(2)));
        assertThat(rec.datagrams).isEmpty();
        decoder.finish();
        assertThat(rec.anomalies).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("ip.fragment.incomplete");
            assertThat(a.frame()).isEqualTo(1);
        });
    }

    @Test
    void incompleteSetTimesOutInCaptureTime() {
        List<byte[]> frames = ipv4Fragments(9, 1480);
        decoder.decode(packets.frame(1, 1_000L, 1, frames.get(0)));
        decoder.decode(packets.frame(2, 1_000L + Limits.DEFAULT.fragmentTimeoutNanos() + 1, 1,
                ethernet(0x0800, ipv4("10.9.9.9", "10.0.0.2", PROTO_UDP, udp(1, 2, new byte[1])))));
        assertThat(rec.anomalyCodes()).containsExactly("ip.fragment.incomplete");
        decoder.decode(packets.frame(3, 2_000L + Limits.DEFAULT.fragmentTimeoutNanos(), 1, frames.get(1)));
        decoder.finish();
        assertThat(rec.datagrams).hasSize(1); // only the unfragmented one
    }

    @Test
    void pendingSetsAreBounded() {
        Limits small = new Limits(16384, 262144, 4 << 20, 64 << 20, 8 << 20, 2, 60_000_000_000L, 1024, 1000, 1_000_000);
        FrameDecoder d = new FrameDecoder(small, rec, rec);
        for (int id = 0; id < 5; id++) {
            d.decode(packets.frame(1, ipv4Fragments(id, 1480).get(0)));
        }
        assertThat(rec.anomalyCodes()).containsExactly("ip.fragment.incomplete", "ip.fragment.incomplete",
                "ip.fragment.incomplete");
        d.finish();
        assertThat(rec.anomalies).hasSize(5);
    }

    @Test
    void differentIdsAreDifferentDatagrams() {
        List<byte[]> a = ipv4Fragments(1, 1480);
        List<byte[]> b = ipv4Fragments(2, 1480);
        decodeAll(List.of(a.get(0), b.get(1), b.get(0), a.get(1)));
        assertThat(rec.datagrams).hasSize(2).allSatisfy(d -> assertThat(d.payload()).isEqualTo(TEXT));
    }

    @Test
    void ipv6InOrder() {
        decodeAll(ipv6Fragments(0xabcdef01L, 1448, 2896));
        assertOneWholeDatagram(3);
        assertThat(rec.datagrams.get(0).flow().src().ip().isV6()).isTrue();
    }

    @Test
    void ipv6ReversedAndDuplicated() {
        List<byte[]> frames = ipv6Fragments(5, 1448, 2896);
        decodeAll(List.of(frames.get(2), frames.get(1), frames.get(2), frames.get(1), frames.get(0)));
        assertOneWholeDatagram(3);
    }

    @Test
    void ipv6Incomplete() {
        List<byte[]> frames = ipv6Fragments(5, 1448, 2896);
        decodeAll(List.of(frames.get(1), frames.get(2)));
        decoder.finish();
        assertThat(rec.datagrams).isEmpty();
        assertThat(rec.anomalyCodes()).containsExactly("ip.fragment.incomplete");
    }

    @Test
    void ipv6AtomicFragmentNeedsNoReassembly() {
        byte[] pkt = ethernet(0x86dd, ipv6("2001:db8::1", "2001:db8::2", 44, ipv6Fragment(PROTO_UDP, 0, false, 3, DATAGRAM)));
        Frame f = packets.frame(1, pkt);
        decoder.decode(f);
        assertOneWholeDatagram(1);
    }

    @Test
    void truncatedIpv4UsesWhatIsThere() {
        byte[] full = ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(5060, 5060, TEXT)));
        decoder.decode(packets.frame(1, slice(full, 0, 14 + 20 + 8 + 100)));
        assertThat(rec.anomalyCodes()).contains("ip.length.truncated", "udp.length.invalid");
        assertThat(rec.datagrams).singleElement()
                .satisfies(d -> assertThat(d.payload()).isEqualTo(slice(TEXT, 0, 100)));
    }

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] plain = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(5060, 5060, TEXT));
        byte[] withOptions = concat(slice(plain, 0, 20), new byte[] {1, 1, 1, 0}, slice(plain, 20, plain.length));
        withOptions[0] = 0x46;
        withOptions[3] += 4;
        decoder.decode(packets.frame(1, ethernet(0x0800, withOptions)));
        assertThat(rec.datagrams).singleElement().satisfies(d -> assertThat(d.payload()).isEqualTo(TEXT));
    }
}
