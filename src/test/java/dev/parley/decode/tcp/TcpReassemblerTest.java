package dev.parley.decode.tcp;

import static dev.parley.decode.link.TestPackets.slice;
import static dev.parley.decode.link.TestPackets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.Frame;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Transport;
import dev.parley.decode.ip.PacketContext;
import dev.parley.decode.link.RecordingListener;
import dev.parley.decode.link.TestPackets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
    private static final int FIN = 1;
    private static final int SYN = 2;
    private static final int RST = 4;
    private static final int ACK = 0x10;
    private static final IpAddress CLIENT = IpAddress.parse("10.0.0.1");
    private static final IpAddress SERVER = IpAddress.parse("10.0.0.2");
    private static final Flow UP = new Flow(Transport.TCP, new Endpoint(CLIENT, 40000), new Endpoint(SERVER, 5060));
    private static final Flow DOWN = UP.reversed();
    private static final byte[] TEXT = text(1500);

    private TestPackets packets = new TestPackets();
    private RecordingListener rec = new RecordingListener();
    private TcpReassembler tcp = new TcpReassembler(Limits.DEFAULT, rec, rec);

    static byte[] text(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < n; i++) {
            sb.append("INVITE sip:").append(i).append("@example.com SIP/2.0\r\n");
        }
        return TestPackets.ascii(sb.substring(0, n));
    }

    private void reset(Limits limits) {
        packets = new TestPackets();
        rec = new RecordingListener();
        tcp = new TcpReassembler(limits, rec, rec);
    }

    /** Sends client-to-server bytes [from, to) of {@code data} whose byte 0 has sequence number {@code base}. */
    private void send(long base, byte[] data, int from, int to, int flags) {
        sendRaw(UP, base + from, flags, slice(data, from, to));
    }

    private void sendRaw(Flow flow, long seq, int flags, byte[] payload) {
        Frame f = packets.frame(1, tcp(flow.src().port(), flow.dst().port(), seq & 0xffffffffL, flags | ACK, payload));
        tcp.segment(flow.src().ip(), flow.dst().ip(), f.data(),
                PacketContext.direct(f.number(), f.timestampNanos(), f.data(), f.fileOffset()));
    }

    /** Every delivery's origin designates exactly the delivered bytes, and the last run lies in its frame. */
    private void assertOriginsMapBack() {
        for (RecordingListener.Chunk c : rec.chunks) {
            assertThat(packets.read(c.origin())).isEqualTo(c.data());
            assertThat(c.origin().lastFrame()).isEqualTo(c.frame());
        }
    }

    @Test
    void twoSegmentsSplitAtEveryOffsetInEitherOrder() {
        for (int cut = 0; cut <= TEXT.length; cut++) {
            for (boolean reversed : new boolean[] {false, true}) {
                reset(Limits.DEFAULT);
                long isn = 1000 + cut;
                sendRaw(UP, isn, SYN, new byte[0]);
                if (reversed) {
                    send(isn + 1, TEXT, cut, TEXT.length, 0);
                    send(isn + 1, TEXT, 0, cut, 0);
                } else {
                    send(isn + 1, TEXT, 0, cut, 0);
                    send(isn + 1, TEXT, cut, TEXT.length, 0);
                }
                assertThat(rec.stream(UP)).as("cut %d reversed %s", cut, reversed).isEqualTo(TEXT);
                assertOriginsMapBack();
                assertThat(rec.anomalies).isEmpty();
                assertThat(rec.events).noneMatch(e -> e.startsWith("gap"));
            }
        }
    }

    @Test
    void twoSegmentsWithoutHandshake() {
        for (int cut = 1; cut < TEXT.length; cut += 7) {
            reset(Limits.DEFAULT);
            send(0x7fff0000L, TEXT, 0, cut, 0);
            send(0x7fff0000L, TEXT, cut, TEXT.length, 0);
            assertThat(rec.stream(UP)).isEqualTo(TEXT);
            assertOriginsMapBack();
        }
    }

    @Test
    void manySmallSegmentsShuffledWithDuplicatesAndOverlaps() {
        for (int seed = 0; seed < 200; seed++) {
            reset(Limits.DEFAULT);
            Random random = new Random(seed);
            long isn = random.nextInt() & 0xffffffffL; // includes values close to wraparound
            List<int[]> ranges = new ArrayList<>();
            for (int at = 0; at < TEXT.length; ) {
                int len = 1 + random.nextInt(120);
                ranges.add(new int[] {at, Math.min(TEXT.length, at + len)});
                at += len;
            }
            for (int i = 0; i < 15; i++) { // overlapping retransmissions of random spans
                int from = random.nextInt(TEXT.length);
                ranges.add(new int[] {from, Math.min(TEXT.length, from + 1 + random.nextInt(300))});
            }
            for (int i = 0; i < 5; i++) {
                ranges.add(ranges.get(random.nextInt(ranges.size())).clone()); // exact duplicates
            }
            int[] first = ranges.remove(0);
            Collections.shuffle(ranges, random);
            sendRaw(UP, isn, SYN, new byte[0]);
            send(isn + 1, TEXT, first[0], first[1], 0);
            for (int[] r : ranges) {
                send(isn + 1, TEXT, r[0], r[1], 0);
            }
            assertThat(rec.stream(UP)).as("seed %d", seed).isEqualTo(TEXT);
            assertThat(rec.anomalies).as("seed %d", seed).isEmpty();
            assertOriginsMapBack();
        }
    }

    @Test
    void sequenceWraparound() {
        long isn = 0xffffffffL - 700;
        sendRaw(UP, isn, SYN, new byte[0]);
        send(isn + 1, TEXT, 0, 500, 0);
        send(isn + 1, TEXT, 1000, 1500, 0); // sequence numbers wrapped past 0
        send(isn + 1, TEXT, 500, 1000, 0);
        assertThat(rec.stream(UP)).isEqualTo(TEXT);
        assertThat(rec.chunks).hasSize(2);
        assertThat(rec.chunks.get(1).origin().frames()).containsExactly(4, 3);
        assertOriginsMapBack();
    }

    @Test
    void missingSegmentBecomesGapAtFinish() {
        sendRaw(UP, 99, SYN, new byte[0]);
        send(100, TEXT, 0, 400, 0);
        send(100, TEXT, 600, 1000, 0);
        send(100, TEXT, 1000, 1500, 0);
        assertThat(rec.events).containsExactly("data 400");
        tcp.finish();
        assertThat(rec.events).containsExactly("data 400", "gap 200", "data 900");
        assertThat(rec.stream(UP)).isEqualTo(TestPackets.concat(slice(TEXT, 0, 400), slice(TEXT, 600, 1500)));
        assertThat(rec.anomalies).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("tcp.gap");
            assertThat(a.frame()).isEqualTo(3);
        });
        assertOriginsMapBack();
    }

    @Test
    void fullOutOfOrderBufferGivesUpTheHole() {
        reset(new Limits(16384, 262144, 4 << 20, 64 << 20, 500, 4096, 60_000_000_000L, 1024, 1000, 1_000_000));
        send(100, TEXT, 0, 100, 0);
        send(100, TEXT, 200, 500, 0);
        send(100, TEXT, 500, 800, 0); // 600 bytes waiting > 500
        assertThat(rec.events).containsExactly("data 100", "gap 100", "data 600");
        send(100, TEXT, 100, 200, 0); // the late hole filler is old now
        send(100, TEXT, 800, 1500, 0);
        assertThat(rec.stream(UP)).isEqualTo(TestPackets.concat(slice(TEXT, 0, 100), slice(TEXT, 200, 1500)));
        assertThat(rec.anomalyCodes()).containsExactly("tcp.gap");
    }

    @Test
    void inconsistentRetransmissionIsReported() {
        send(100, TEXT, 0, 800, 0);
        byte[] altered = TEXT.clone();
        altered[300] = '#';
        send(100, altered, 200, 900, 0);
        assertThat(rec.stream(UP)).isEqualTo(slice(TEXT, 0, 900));
        assertThat(rec.anomalyCodes()).containsExactly("tcp.overlap.inconsistent");
    }

    @Test
    void inconsistentOverlapOfBufferedSegmentsIsReported() {
        send(100, TEXT, 0, 100, 0);
        byte[] altered = TEXT.clone();
        altered[350] = '#';
        send(100, TEXT, 300, 400, 0);
        send(100, altered, 300, 500, 0); // same start, longer, differs in the shared part
        send(100, TEXT, 100, 300, 0);
        assertThat(rec.stream(UP)).hasSize(500);
        assertThat(rec.anomalyCodes()).containsExactly("tcp.overlap.inconsistent");
    }

    @Test
    void finClosesAfterInOrderDataAndWaitsForHoles() {
        sendRaw(UP, 0, SYN, new byte[0]);
        send(1, TEXT, 500, 1500, FIN);
        assertThat(rec.events).isEmpty();
        send(1, TEXT, 0, 500, 0);
        assertThat(rec.events).containsExactly("data 1500", "closed 40000>5060");
        send(1, TEXT, 500, 1500, FIN); // retransmitted FIN after the close
        assertThat(rec.events).hasSize(2);
    }

    @Test
    void bothDirectionsAreIndependent() {
        sendRaw(UP, 10, SYN, new byte[0]);
        sendRaw(DOWN, 5000, SYN, new byte[0]);
        sendRaw(UP, 11, 0, TestPackets.ascii("REQUEST"));
        sendRaw(DOWN, 5001, 0, TestPackets.ascii("RESPONSE"));
        sendRaw(DOWN, 5009, FIN, new byte[0]);
        assertThat(new String(rec.stream(UP))).isEqualTo("REQUEST");
        assertThat(new String(rec.stream(DOWN))).isEqualTo("RESPONSE");
        assertThat(rec.events).containsExactly("data 7", "data 8", "closed 5060>40000");
    }

    @Test
    void rstDeliversBufferedDataThenClosesBothDirections() {
        sendRaw(UP, 10, SYN, new byte[0]);
        sendRaw(DOWN, 5000, SYN, new byte[0]);
        send(11, TEXT, 0, 100, 0);
        send(11, TEXT, 200, 300, RST);
        assertThat(rec.events).containsExactly("data 100", "gap 100", "data 100", "closed 40000>5060",
                "closed 5060>40000");
    }

    @Test
    void newSynAfterCloseStartsNewStream() {
        sendRaw(UP, 10, SYN, new byte[0]);
        sendRaw(UP, 11, FIN, TestPackets.ascii("first"));
        sendRaw(UP, 900_000, SYN, new byte[0]);
        sendRaw(UP, 900_001, 0, TestPackets.ascii("second"));
        assertThat(rec.events).containsExactly("data 5", "closed 40000>5060", "data 6");
        assertThat(new String(rec.stream(UP))).isEqualTo("firstsecond");
    }

    @Test
    void newSynOnOpenStreamClosesTheOldOne() {
        sendRaw(UP, 10, SYN, new byte[0]);
        sendRaw(UP, 11, 0, TestPackets.ascii("first"));
        sendRaw(UP, 10, SYN, new byte[0]); // retransmitted SYN: same stream
        sendRaw(UP, 77_000, SYN, new byte[0]);
        sendRaw(UP, 77_001, 0, TestPackets.ascii("second"));
        assertThat(rec.events).containsExactly("data 5", "closed 40000>5060", "data 6");
    }

    @Test
    void oldDataBeforeMidStreamStartIsDropped() {
        send(100, TEXT, 500, 600, 0);
        send(100, TEXT, 400, 500, 0);
        send(100, TEXT, 600, 700, 0);
        assertThat(rec.stream(UP)).isEqualTo(slice(TEXT, 500, 700));
        assertThat(rec.anomalies).isEmpty();
    }

    @Test
    void malformedHeaderIsAnAnomaly() {
        Frame f = packets.frame(1, new byte[10]);
        tcp.segment(CLIENT, SERVER, f.data(), PacketContext.direct(1, 0, f.data(), f.fileOffset()));
        assertThat(rec.anomalyCodes()).containsExactly("tcp.header.invalid");
    }

    @Test
    void connectionsClosedBothWaysAreRetiredAndTheirLateSegmentsIgnored() {
        send(100, TEXT, 0, 100, FIN);
        sendRaw(DOWN, 5000, FIN, new byte[0]);
        assertThat(tcp.openConnections()).isZero();
        send(100, TEXT, 0, 100, FIN); // a late retransmission: no new stream, no data delivered again
        assertThat(rec.events).containsExactly("data 100", "closed 40000>5060", "closed 5060>40000");
        sendRaw(UP, 7000, SYN, new byte[0]); // the same ports, a new connection
        send(7001, TEXT, 0, 50, 0);
        assertThat(tcp.openConnections()).isEqualTo(1);
        assertThat(rec.events).endsWith("data 50");
    }

    @Test
    void pastTheConnectionLimitTheOldestIsGivenUpWithItsDataAfterAGap() {
        reset(new Limits(16384, 262144, 4 << 20, 64 << 20, 8 << 20, 4096, 60_000_000_000L, 1024, 1000, 2));
        for (int port = 41000; port < 41003; port++) {
            Flow f = new Flow(Transport.TCP, new Endpoint(CLIENT, port), new Endpoint(SERVER, 5060));
            sendRaw(f, 100, 0, slice(TEXT, 0, 10));
            sendRaw(f, 120, 0, slice(TEXT, 20, 30)); // a hole: 10 bytes wait for it
        }
        assertThat(tcp.openConnections()).isEqualTo(2);
        assertThat(tcp.givenUpConnections()).isEqualTo(1);
        assertThat(rec.events).containsSubsequence("data 10", "gap 10", "data 10", "closed 41000>5060");
        assertThat(rec.anomalyCodes()).contains("tcp.connections.limit");
    }
}
