package dev.parley.decode.tcp;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.FlowCache;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.TransportListener;
import dev.parley.decode.ip.PacketContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TCP stream reassembly per direction: every stream byte is delivered once and in order. Captures may start
 * mid-stream; out-of-order segments wait (bounded by {@link Limits#maxTcpOutOfOrder()}), retransmissions and overlaps
 * are trimmed, holes that cannot fill become gaps. FIN or RST close a direction after its in-order data.
 */
public final class TcpReassembler {
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;

    /** Both directions of one connection, keyed by the canonical flow. */
    private static final class Connection {
        final TcpDirection forward;  // the canonical direction
        final TcpDirection backward;

        Connection(Flow canonical) {
            forward = new TcpDirection(canonical);
            backward = new TcpDirection(canonical.reversed());
        }
    }

    private final Limits limits;
    private final TransportListener out;
    private final AnomalySink anomalies;
    /** Followed connections, oldest first: past {@code Limits.maxTcpConnections} the oldest is given up. */
    private final LinkedHashMap<Flow, Connection> connections = new LinkedHashMap<>();
    /**
     * Connections closed both ways, kept a while (bounded) so that late retransmissions and ACKs after the close are
     * recognised instead of starting a bogus new stream; a capture of a million short connections stays small.
     */
    private final Map<Flow, Connection> closed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Flow, Connection> eldest) {
            return size() > CLOSED_KEPT;
        }
    };
    private static final int CLOSED_KEPT = 1 << 16;
    private long givenUp;
    private final FlowCache flows = new FlowCache();
    // Reused to join a segment with the buffered ones that follow it into one delivery.
    private byte[] joinBuffer = new byte[4096];

    public TcpReassembler(Limits limits, TransportListener out, AnomalySink anomalies) {
        this.limits = limits;
        this.out = out;
        this.anomalies = anomalies;
    }

    /** One TCP segment (header and payload) from {@code src} to {@code dst}. */
    public void segment(IpAddress src, IpAddress dst, Bytes segment, PacketContext ctx) {
        int headerLength = (segment.u8(12) >> 4) * 4;
        if (segment.length() < 20 || headerLength < 20 || headerLength > segment.length()) {
            anomalies.report(Anomaly.warning("tcp.header.invalid", ctx.frame(),
                    "TCP header unusable (" + segment.length() + " bytes, data offset " + headerLength + ")"));
            return;
        }
        Flow flow = flows.flow(Transport.TCP, src, segment.u16(0), dst, segment.u16(2));
        Flow canonical = flow.canonical();
        Connection connection = connections.get(canonical);
        if (connection == null) {
            connection = closed.get(canonical);
            if (connection != null && (segment.u8(13) & SYN) == 0) {
                return; // a late segment of a connection closed both ways
            }
            if (connection != null) {
                closed.remove(canonical); // the ports are used again by a new connection
            } else {
                connection = new Connection(canonical);
            }
            connections.put(canonical, connection);
            if (connections.size() > limits.maxTcpConnections()) {
                giveUpOldest(ctx);
            }
        }
        boolean forward = flow.src().compareTo(flow.dst()) <= 0;
        TcpDirection dir = forward ? connection.forward : connection.backward;
        TcpDirection reverse = forward ? connection.backward : connection.forward;
        process(dir, reverse, segment.u32(4), segment.u8(13), segment.slice(headerLength), ctx);
        if (connection.forward.closed && connection.backward.closed) {
            connections.remove(canonical);
            closed.put(canonical, connection);
        }
    }

    /** Past the connection limit: the oldest connection's buffered data is delivered after a gap and it is closed. */
    private void giveUpOldest(PacketContext ctx) {
        var eldest = connections.entrySet().iterator();
        Connection c = eldest.next().getValue();
        eldest.remove();
        if (givenUp++ == 0) {
            anomalies.report(Anomaly.warning("tcp.connections.limit", ctx.frame(), "more than "
                    + limits.maxTcpConnections() + " TCP connections open at once: the oldest are given up"));
        }
        close(c.forward, ctx, true);
        close(c.backward, ctx, true);
    }

    /** Connections followed now (tests). */
    int openConnections() {
        return connections.size();
    }

    /** Connections given up past {@code Limits.maxTcpConnections}. */
    long givenUpConnections() {
        return givenUp;
    }

    /** End of capture: holes become gaps and the data buffered after them is delivered. */
    public void finish() {
        for (Connection c : connections.values()) {
            flush(c.forward, null);
            flush(c.backward, null);
        }
    }

    private void process(TcpDirection dir, TcpDirection reverse, long seq, int flags, Bytes payload, PacketContext ctx) {
        if ((flags & SYN) != 0) {
            if (!dir.synSeen || seq != dir.isn) {
                if (dir.started && !dir.closed && (dir.delivered > 0 || !dir.outOfOrder.isEmpty())) {
                    flush(dir, ctx);
                    out.streamClosed(dir.flow, ctx.frame(), ctx.timestampNanos());
                }
                dir.startAt(seq + 1);
                dir.synSeen = true;
                dir.isn = seq;
            }
            seq = (seq + 1) & TcpDirection.SEQ_MASK;
        } else if (!dir.started) {
            dir.startAt(seq);
        }
        if (dir.closed) {
            return; // retransmitted data or FIN after the close
        }
        if ((flags & FIN) != 0) {
            dir.finPos = dir.position(seq) + payload.length();
        }
        if (!payload.isEmpty()) {
            accept(dir, seq, payload, ctx);
        }
        if ((flags & RST) != 0) {
            close(dir, ctx, true);
            close(reverse, ctx, true);
        } else if (dir.finPos >= 0 && dir.nextPos >= dir.finPos) {
            close(dir, ctx, false);
        }
    }

    private void accept(TcpDirection dir, long seq, Bytes payload, PacketContext ctx) {
        long pos = dir.position(seq);
        int len = payload.length();
        if (pos + len <= dir.nextPos) {
            checkRetransmission(dir, pos, payload, 0, len, ctx.frame());
            return;
        }
        int skip = 0;
        if (pos < dir.nextPos) {
            skip = (int) (dir.nextPos - pos);
            checkRetransmission(dir, pos, payload, 0, skip, ctx.frame());
        }
        if (pos + skip > dir.nextPos) {
            buffer(dir, pos, payload, ctx);
            return;
        }
        Bytes data = payload.slice(skip);
        if (dir.outOfOrder.isEmpty() || dir.outOfOrder.firstKey() > dir.nextPos + data.length()) {
            dir.record(data);
            out.streamData(dir.flow, data, ctx.origin(data), ctx.frame(), ctx.timestampNanos());
            return;
        }
        Origin.Builder origin = new Origin.Builder();
        int joined = join(0, data);
        ctx.addOrigin(origin, data);
        dir.record(data);
        drain(dir, joined, origin, ctx.frame(), ctx.timestampNanos());
    }

    /** Delivers buffered segments now in order, joined after {@code joined} bytes already in the join buffer. */
    private void drain(TcpDirection dir, int joined, Origin.Builder origin, long frame, long timestamp) {
        while (!dir.outOfOrder.isEmpty()) {
            long key = dir.outOfOrder.firstKey();
            if (key > dir.nextPos) {
                break;
            }
            TcpDirection.Pending p = dir.outOfOrder.pollFirstEntry().getValue();
            dir.outOfOrderBytes -= p.data().length;
            Bytes data = Bytes.of(p.data());
            int skip = (int) Math.min(data.length(), dir.nextPos - key);
            checkRetransmission(dir, key, data, 0, skip, p.frame());
            if (skip == data.length()) {
                continue;
            }
            Bytes fresh = data.slice(skip);
            joined = join(joined, fresh);
            origin.add(p.origin().slice(skip, fresh.length()));
            dir.record(fresh);
            frame = p.frame();
            timestamp = p.timestampNanos();
        }
        if (joined > 0) {
            out.streamData(dir.flow, Bytes.of(joinBuffer, 0, joined), origin.build(), frame, timestamp);
        }
    }

    private int join(int joined, Bytes data) {
        int need = joined + data.length();
        if (need > joinBuffer.length) {
            joinBuffer = Arrays.copyOf(joinBuffer, Math.max(need, joinBuffer.length * 2));
        }
        System.arraycopy(data.array(), data.offset(), joinBuffer, joined, data.length());
        return need;
    }

    private void buffer(TcpDirection dir, long pos, Bytes payload, PacketContext ctx) {
        TcpDirection.Pending existing = dir.outOfOrder.get(pos);
        if (existing != null) {
            int shared = Math.min(existing.data().length, payload.length());
            if (!Arrays.equals(existing.data(), 0, shared, payload.array(), payload.offset(), payload.offset() + shared)) {
                inconsistent(dir, ctx.frame());
            }
            if (existing.data().length >= payload.length()) {
                return;
            }
            dir.outOfOrderBytes -= existing.data().length;
        }
        dir.outOfOrder.put(pos, new TcpDirection.Pending(payload.toArray(), ctx.origin(payload), ctx.frame(),
                ctx.timestampNanos()));
        dir.outOfOrderBytes += payload.length();
        while (dir.outOfOrderBytes > limits.maxTcpOutOfOrder() && !dir.outOfOrder.isEmpty()) {
            skipHole(dir, ctx.frame(), ctx.timestampNanos(), "out-of-order buffer full");
            drain(dir, 0, new Origin.Builder(), ctx.frame(), ctx.timestampNanos());
        }
    }

    /** Gives up the hole before the first buffered segment. */
    private void skipHole(TcpDirection dir, long frame, long timestamp, String why) {
        long missing = dir.outOfOrder.firstKey() - dir.nextPos;
        if (missing <= 0) {
            return;
        }
        out.streamGap(dir.flow, missing, frame, timestamp);
        anomalies.report(Anomaly.warning("tcp.gap", frame,
                missing + " bytes missing in " + dir.flow + " (" + why + ")"));
        dir.skip(missing);
    }

    /** Delivers everything buffered, holes reported as gaps; {@code ctx} null at end of capture. */
    private void flush(TcpDirection dir, PacketContext ctx) {
        while (!dir.outOfOrder.isEmpty()) {
            TcpDirection.Pending first = dir.outOfOrder.firstEntry().getValue();
            long frame = ctx != null ? ctx.frame() : first.frame();
            long timestamp = ctx != null ? ctx.timestampNanos() : first.timestampNanos();
            skipHole(dir, frame, timestamp, ctx != null ? "connection ended" : "capture ended");
            drain(dir, 0, new Origin.Builder(), frame, timestamp);
        }
    }

    private void close(TcpDirection dir, PacketContext ctx, boolean flushHoles) {
        if (!dir.started || dir.closed) {
            return;
        }
        if (flushHoles) {
            flush(dir, ctx);
        }
        dir.closed = true;
        dir.releaseHistory();
        dir.outOfOrder.clear();
        dir.outOfOrderBytes = 0;
        out.streamClosed(dir.flow, ctx.frame(), ctx.timestampNanos());
    }

    private void checkRetransmission(TcpDirection dir, long pos, Bytes data, int from, int to, long frame) {
        if (to > from && !dir.matchesDelivered(pos, data, from, to)) {
            inconsistent(dir, frame);
        }
    }

    private void inconsistent(TcpDirection dir, long frame) {
        anomalies.report(Anomaly.warning("tcp.overlap.inconsistent", frame,
                "retransmitted bytes differ from the first copy in " + dir.flow));
    }
}
