package dev.parley.session.sip;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sessions by Call-ID, in order of their first message, without a String and a map entry per Call-ID: the
 * Call-IDs are keys of the message table's {@link KeyTable} (a session keeps its key's id), the sessions an array by
 * that id, and the order an array of positions (evicted sessions leave a hole until the next compaction).
 */
final class SessionIndex {
    private final KeyTable callIds;
    private SipSession[] order = new SipSession[256];
    private int end;
    private int head;
    private int live;
    private SipSession[] byId = new SipSession[256];

    SessionIndex(KeyTable callIds) {
        this.callIds = callIds;
    }

    int size() {
        return live;
    }

    SipSession get(String callId) {
        byte[] b = callId.getBytes(StandardCharsets.UTF_8);
        return get(b, 0, b.length);
    }

    /** {@link #get(String)} of the Call-ID in {@code a[off, off+len)} (UTF-8), without making its String. */
    SipSession get(byte[] a, int off, int len) {
        int id = callIds.find(a, off, len, 0);
        return id < 0 || id >= byId.length ? null : byId[id];
    }

    /** Adds a new session (its Call-ID was just added to the Call-IDs). */
    void add(SipSession s) {
        if (end == order.length) {
            if (live < end / 2) {
                compact();
            } else {
                order = Arrays.copyOf(order, end + (end >> 1));
            }
        }
        order[end++] = s;
        live++;
        int id = s.callIdId();
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
        }
        byId[id] = s;
    }

    private void compact() {
        int n = 0;
        for (int p = 0; p < end; p++) {
            if (order[p] != null) {
                order[n++] = order[p];
            }
        }
        Arrays.fill(order, n, end, null);
        end = n;
        head = 0;
    }

    /** Position of the oldest session, or -1 when none. */
    int first() {
        while (head < end && order[head] == null) {
            head++;
        }
        return head < end ? head : -1;
    }

    /** Position of the next session after position p, or -1. */
    int next(int p) {
        for (int q = p + 1; q < end; q++) {
            if (order[q] != null) {
                return q;
            }
        }
        return -1;
    }

    SipSession at(int p) {
        return order[p];
    }

    /** Removes the session at position p, and its Call-ID from the Call-IDs (the session keeps the text). */
    void remove(int p) {
        SipSession s = order[p];
        s.keepCallIdText();
        byId[s.callIdId()] = null;
        callIds.remove(s.callIdId());
        order[p] = null;
        live--;
    }

    /** A snapshot of the sessions in order of their first message. */
    List<SipSession> snapshot() {
        SipSession[] out = new SipSession[live];
        int n = 0;
        for (int p = 0; p < end; p++) {
            if (order[p] != null) {
                out[n++] = order[p];
            }
        }
        int size = n;
        return new AbstractList<>() {
            @Override
            public SipSession get(int i) {
                Objects.checkIndex(i, size);
                return out[i];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
