package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-message fields of every SIP message the correlator saw, one growable primitive column per field (DESIGN.md
 * decision 2, as Wireshark keeps per-frame data small): row = message index in capture order. {@link SipMessageRef}
 * is a flyweight over one row. Rare values that do not fit a column (frame numbers past 2^31, multi-run or inline
 * origins, names past the name table, tags past a session's 254 slots) go to side maps keyed by row.
 */
final class MessageTable {
    static final byte REQUEST = 1;
    static final byte SDP = 2;
    static final byte RESENT = 4;
    static final int TAG_OVERFLOW = 0xFF;
    private static final long SPREAD = -1; // offset column value: the origin is in {@link #origins} (or null)

    final StringPool pool = new StringPool();
    final NameTable names = new NameTable();
    private int size;
    private long[] time = new long[1024];
    private int[] frame = new int[1024];
    private long[] offset = new long[1024];
    private int[] length = new int[1024];
    private Flow[] flow = new Flow[1024];
    private short[] status = new short[1024];
    private byte[] flags = new byte[1024];
    private char[] method = new char[1024];
    private char[] cseqMethod = new char[1024];
    private char[] reason = new char[1024];
    private SipTransaction[] tx = new SipTransaction[1024];
    private byte[] fromTag = new byte[1024];
    private byte[] toTag = new byte[1024];
    private byte[][] bytes; // only when the loader keeps message bytes
    private final Map<Integer, Long> bigFrames = new HashMap<>();
    private final Map<Integer, Origin> origins = new HashMap<>();
    private final Map<Long, String> bigNames = new HashMap<>(); // key row * 4 + column
    private final Map<Long, String> bigTags = new HashMap<>(); // key row * 2 + (0 from, 1 to)

    int size() {
        return size;
    }

    /** Appends a row; returns its index. Tag slots are session-local (see {@link SipSession}). */
    int add(long frameNumber, long nanos, Flow f, Origin origin, boolean request, String methodName,
            int statusCode, String reasonPhrase, String cseqMethodName, boolean sdp, boolean resent,
            SipTransaction transaction, int fromSlot, String fromText, int toSlot, String toText, byte[] data) {
        if (size == time.length) {
            grow();
        }
        int row = size++;
        time[row] = nanos;
        if (frameNumber >= 0 && frameNumber <= Integer.MAX_VALUE) {
            frame[row] = (int) frameNumber;
        } else {
            frame[row] = -1;
            bigFrames.put(row, frameNumber);
        }
        boolean single = origin != null && origin.runCount() == 1 && origin.frame(0) == frameNumber
                && origin.inlineBytes() == null && origin.fileOffset(0) >= 0;
        if (single) {
            offset[row] = origin.fileOffset(0);
            length[row] = origin.length(0);
        } else {
            offset[row] = SPREAD;
            length[row] = 0;
            if (origin != null) {
                origins.put(row, origin);
            }
        }
        flow[row] = f;
        status[row] = (short) statusCode;
        flags[row] = (byte) ((request ? REQUEST : 0) | (sdp ? SDP : 0) | (resent ? RESENT : 0));
        method[row] = name(row, 0, methodName);
        cseqMethod[row] = name(row, 1, cseqMethodName);
        reason[row] = name(row, 2, reasonPhrase);
        tx[row] = transaction;
        fromTag[row] = tag(row, 0, fromSlot, fromText);
        toTag[row] = tag(row, 1, toSlot, toText);
        if (data != null) {
            if (bytes == null) {
                bytes = new byte[time.length][];
            }
            bytes[row] = data;
        }
        return row;
    }

    private char name(int row, int column, String s) {
        char id = names.id(s);
        if (id == NameTable.FULL) {
            bigNames.put(row * 4L + column, s);
        }
        return id;
    }

    private byte tag(int row, int which, int slot, String text) {
        if (slot < TAG_OVERFLOW) {
            return (byte) slot;
        }
        bigTags.put(row * 2L + which, text);
        return (byte) TAG_OVERFLOW;
    }

    private void grow() {
        resize(time.length + (time.length >> 1));
    }

    private void resize(int n) {
        time = Arrays.copyOf(time, n);
        frame = Arrays.copyOf(frame, n);
        offset = Arrays.copyOf(offset, n);
        length = Arrays.copyOf(length, n);
        flow = Arrays.copyOf(flow, n);
        status = Arrays.copyOf(status, n);
        flags = Arrays.copyOf(flags, n);
        method = Arrays.copyOf(method, n);
        cseqMethod = Arrays.copyOf(cseqMethod, n);
        reason = Arrays.copyOf(reason, n);
        tx = Arrays.copyOf(tx, n);
        fromTag = Arrays.copyOf(fromTag, n);
        toTag = Arrays.copyOf(toTag, n);
        if (bytes != null) {
            bytes = Arrays.copyOf(bytes, n);
        }
    }

    /** End of a load: drop the growth slack. */
    void trim() {
        resize(Math.max(size, 16));
        pool.trim();
    }

    long frame(int row) {
        int f = frame[row];
        return f >= 0 ? f : bigFrames.get(row);
    }

    long time(int row) {
        return time[row];
    }

    Origin origin(int row) {
        long off = offset[row];
        return off == SPREAD ? origins.get(row) : Origin.of(frame(row), off, length[row]);
    }

    Flow flow(int row) {
        return flow[row];
    }

    int status(int row) {
        return status[row];
    }

    boolean request(int row) {
        return (flags[row] & REQUEST) != 0;
    }

    boolean sdp(int row) {
        return (flags[row] & SDP) != 0;
    }

    boolean resent(int row) {
        return (flags[row] & RESENT) != 0;
    }

    String method(int row) {
        return name(row, 0, method[row]);
    }

    String cseqMethod(int row) {
        return name(row, 1, cseqMethod[row]);
    }

    String reason(int row) {
        return name(row, 2, reason[row]);
    }

    private String name(int row, int column, char id) {
        return id == NameTable.FULL ? bigNames.get(row * 4L + column) : names.name(id);
    }

    SipTransaction transaction(int row) {
        return tx[row];
    }

    /** Session-local tag slot (0 = none), or {@link #TAG_OVERFLOW}. */
    int fromSlot(int row) {
        return fromTag[row] & 0xFF;
    }

    int toSlot(int row) {
        return toTag[row] & 0xFF;
    }

    String overflowTag(int row, int which) {
        return bigTags.get(row * 2L + which);
    }

    byte[] bytes(int row) {
        return bytes == null ? null : bytes[row];
    }
}
