package dev.parley.decode.ip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Rebuilds IPv4 and IPv6 datagrams from fragments arriving in any order, with duplicates and overlaps (the first copy
 * of a byte wins). Sets are kept in arrival order of their first fragment, so expiry only looks at the eldest.
 */
final class FragmentReassembler {
    /** Largest datagram payload a fragment may reach (IPv4 offset field limit). */
    private static final int MAX_DATAGRAM = 0xffff;

    record Key(IpAddress src, IpAddress dst, long id, int protocol) { }

    /** A rebuilt payload and the context mapping it back to the fragments' frames. */
    record Reassembled(Bytes payload, PacketContext ctx) { }

    private record Piece(int offset, byte[] data, Origin origin) { }

    private static final class Pending {
        final long firstFrame;
        final long firstTimestamp;
        final List<Piece> pieces = new ArrayList<>(4);
        int total = -1;

        Pending(long firstFrame, long firstTimestamp) {
            this.firstFrame = firstFrame;
            this.firstTimestamp = firstTimestamp;
        }
    }

    private final Limits limits;
    private final AnomalySink anomalies;
    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();

    FragmentReassembler(Limits limits, AnomalySink anomalies) {
        this.limits = limits;
        this.anomalies = anomalies;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Adds one fragment; returns the rebuilt payload when this fragment completes its datagram, else null. */
    Reassembled add(Key key, int offset, boolean more, Bytes payload, PacketContext ctx) {
        if (offset + payload.length() > MAX_DATAGRAM) {
            anomalies.report(Anomaly.warning("ip.fragment.invalid", ctx.frame(),
                    "fragment at offset " + offset + " reaches past " + MAX_DATAGRAM + " bytes"));
            return null;
        }
        Pending set = pending.get(key);
        if (set == null) {
            if (pending.size() >= limits.maxPendingFragments()) {
                Iterator<Pending> eldest = pending.values().iterator();
                reportIncomplete(eldest.next(), "too many datagrams being reassembled");
                eldest.remove();
            }
            set = new Pending(ctx.frame(), ctx.timestampNanos());
            pending.put(key, set);
        }
        if (!more) {
            int total = offset + payload.length();
            if (set.total >= 0 && set.total != total) {
                anomalies.report(Anomaly.warning("ip.fragment.inconsistent", ctx.frame(),
                        "last fragments disagree on the datagram length: " + set.total + " vs " + total));
            }
            set.total = Math.max(set.total, total);
        }
        set.pieces.add(new Piece(offset, payload.toArray(), ctx.origin(payload)));
        if (set.total < 0 || !covers(set)) {
            return null;
        }
        pending.remove(key);
        return rebuild(set, ctx);
    }

    /** Gives up sets whose first fragment is older than the timeout at capture time {@code now}. */
    void expire(long now) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (now - p.firstTimestamp <= limits.fragmentTimeoutNanos()) {
                return;
            }
            reportIncomplete(p, "timed out");
            it.remove();
        }
    }

    /** End of capture: every set still pending is incomplete. */
    void finish() {
        for (Pending p : pending.values()) {
            reportIncomplete(p, "capture ended");
        }
        pending.clear();
    }

    private void reportIncomplete(Pending p, String why) {
        int have = 0;
        for (Piece piece : p.pieces) {
            have += piece.data.length;
        }
        anomalies.report(Anomaly.warning("ip.fragment.incomplete", p.firstFrame,
                "IP datagram not reassembled (" + why + "): " + p.pieces.size() + " fragment(s), " + have
                        + " bytes" + (p.total >= 0 ? " of " + p.total : ", last fragment missing")));
    }

    private static boolean covers(Pending set) {
        set.pieces.sort((a, b) -> Integer.compare(a.offset, b.offset));
        int covered = 0;
        for (Piece p : set.pieces) {
            if (p.offset > covered) {
                return false;
            }
            covered = Math.max(covered, p.offset + p.data.length);
        }
        return covered >= set.total;
    }

    private static Reassembled rebuild(Pending set, PacketContext last) {
        byte[] buf = new byte[set.total];
        Origin.Builder origin = new Origin.Builder();
        int covered = 0;
        for (Piece p : set.pieces) { // sorted by covers()
            int end = Math.min(p.offset + p.data.length, set.total);
            if (end <= covered) {
                continue;
            }
            int skip = covered - p.offset;
            int take = end - covered;
            System.arraycopy(p.data, skip, buf, covered, take);
            origin.add(p.origin.slice(skip, take));
            covered = end;
        }
        Bytes payload = Bytes.of(buf);
        return new Reassembled(payload, PacketContext.rebuilt(last.frame(), last.timestampNanos(), payload, origin.build()));
    }
}
