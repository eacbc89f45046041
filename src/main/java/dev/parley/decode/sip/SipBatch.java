package dev.parley.decode.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.util.Arrays;

/**
 * SIP messages on their way to the correlator ({@code session.sip.SipCorrelator}), as columns: what it reads of every
 * message (times, start line, CSeq, flags, flow, where the bytes are, and the Call-ID, tags and branch copied side by
 * side into one array), written by the thread that scanned them while those values are in its cache. The correlator
 * then reads a few arrays front to back instead of an event, a summary, a key array and an origin per message, objects
 * the other core has just written: those first reads were a quarter of the correlating thread's samples
 * (docs/DESIGN-NOTES.md note 33). The summary stays at hand for what only some messages need (names, User-Agent,
 * Reason, anomalies). Filled by one thread, then handed over whole (through a queue, which orders the writes before
 * the reads).
 */
public final class SipBatch {
    public static final int REQUEST = 1;
    public static final int SDP = 2;
    public static final int USER_AGENT = 4;
    public static final int CORRELATION = 8;
    public static final int REASON = 16;
    public static final int ANOMALIES = 32;
    private static final int KEYS = 4;

    private int size;
    private long[] frame;
    private long[] nanos;
    private long[] cseq;
    private int[] status;
    private int[] flags;
    private String[] method;
    private String[] cseqMethod;
    private String[] reasonPhrase;
    private Flow[] flow;
    /** The message's only run of bytes, when its origin has one run in its own frame: file offset, else -1. */
    private long[] singleOffset;
    private int[] singleLength;
    private Origin[] origin;
    private byte[][] bytes;
    private SipSummary[] summary;
    /** Per message: start and length in {@link #keyBytes} of the Call-ID, From tag, To tag and branch (-1: absent). */
    private int[] keys;
    private byte[] keyBytes;
    private int keyBytesUsed;

    public SipBatch(int capacity) {
        int n = Math.max(1, capacity);
        frame = new long[n];
        nanos = new long[n];
        cseq = new long[n];
        status = new int[n];
        flags = new int[n];
        method = new String[n];
        cseqMethod = new String[n];
        reasonPhrase = new String[n];
        flow = new Flow[n];
        singleOffset = new long[n];
        singleLength = new int[n];
        origin = new Origin[n];
        bytes = new byte[n][];
        summary = new SipSummary[n];
        keys = new int[2 * KEYS * n];
        keyBytes = new byte[128 * n];
    }

    public int size() {
        return size;
    }

    /**
     * Empties the batch for reuse. Its references go too: a batch lives long enough to be promoted, and the messages it
     * named would then be promoted with it at each young collection.
     */
    public void clear() {
        int n = size;
        Arrays.fill(method, 0, n, null);
        Arrays.fill(cseqMethod, 0, n, null);
        Arrays.fill(reasonPhrase, 0, n, null);
        Arrays.fill(flow, 0, n, null);
        Arrays.fill(origin, 0, n, null);
        Arrays.fill(bytes, 0, n, null);
        Arrays.fill(summary, 0, n, null);
        size = 0;
        keyBytesUsed = 0;
    }

    /** Appends one message. */
    public void add(SipEvent e) {
        add(e.sip(), e.flow(), e.frame(), e.timestampNanos(), e.origin(), e.bytes());
    }

    /** Appends one message given as the parts of a {@link SipEvent}. */
    public void add(SipSummary s, Flow messageFlow, long frameNumber, long timestampNanos, Origin o, byte[] data) {
        int i = size;
        if (i == frame.length) {
            grow();
        }
        frame[i] = frameNumber;
        nanos[i] = timestampNanos;
        cseq[i] = s.cseq();
        status[i] = s.statusCode();
        flags[i] = (s.request() ? REQUEST : 0) | (s.hasSdp() ? SDP : 0) | (s.userAgent() != null ? USER_AGENT : 0)
                | (s.correlationId() != null ? CORRELATION : 0) | (s.reason() != null ? REASON : 0)
                | (s.anomalies().isEmpty() ? 0 : ANOMALIES);
        method[i] = s.method();
        cseqMethod[i] = s.cseqMethod();
        reasonPhrase[i] = s.reasonPhrase();
        flow[i] = messageFlow;
        long single = o == null ? -1 : o.singleRunOffset(frameNumber);
        singleOffset[i] = single;
        singleLength[i] = single >= 0 ? o.length(0) : 0;
        origin[i] = o;
        bytes[i] = data;
        summary[i] = s;
        copyKeys(i, s);
        size = i + 1;
    }

    /** The four keys lie side by side in the summary's packed array: one copy, and their places computed. */
    private void copyKeys(int i, SipSummary s) {
        int from = s.keyOffset(SipSummary.CALL_ID);
        int total = 0;
        int at = keyBytesUsed;
        for (int k = 0; k < KEYS; k++) {
            int n = s.keyLength(k);
            keys[2 * KEYS * i + 2 * k] = at + total;
            keys[2 * KEYS * i + 2 * k + 1] = n;
            total += Math.max(0, n);
        }
        if (at + total > keyBytes.length) {
            keyBytes = Arrays.copyOf(keyBytes, Math.max(2 * keyBytes.length, at + total));
        }
        System.arraycopy(s.keys(), from, keyBytes, at, total);
        keyBytesUsed = at + total;
    }

    private void grow() {
        int n = 2 * frame.length;
        frame = Arrays.copyOf(frame, n);
        nanos = Arrays.copyOf(nanos, n);
        cseq = Arrays.copyOf(cseq, n);
        status = Arrays.copyOf(status, n);
        flags = Arrays.copyOf(flags, n);
        method = Arrays.copyOf(method, n);
        cseqMethod = Arrays.copyOf(cseqMethod, n);
        reasonPhrase = Arrays.copyOf(reasonPhrase, n);
        flow = Arrays.copyOf(flow, n);
        singleOffset = Arrays.copyOf(singleOffset, n);
        singleLength = Arrays.copyOf(singleLength, n);
        origin = Arrays.copyOf(origin, n);
        bytes = Arrays.copyOf(bytes, n);
        summary = Arrays.copyOf(summary, n);
        keys = Arrays.copyOf(keys, 2 * KEYS * n);
    }

    public long frame(int i) {
        return frame[i];
    }

    public long nanos(int i) {
        return nanos[i];
    }

    public long cseq(int i) {
        return cseq[i];
    }

    public int status(int i) {
        return status[i];
    }

    public boolean is(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    public boolean request(int i) {
        return (flags[i] & REQUEST) != 0;
    }

    public String method(int i) {
        return method[i];
    }

    public String cseqMethod(int i) {
        return cseqMethod[i];
    }

    public String reasonPhrase(int i) {
        return reasonPhrase[i];
    }

    public Flow flow(int i) {
        return flow[i];
    }

    public long singleOffset(int i) {
        return singleOffset[i];
    }

    public int singleLength(int i) {
        return singleLength[i];
    }

    public Origin origin(int i) {
        return origin[i];
    }

    public byte[] bytes(int i) {
        return bytes[i];
    }

    public SipSummary summary(int i) {
        return summary[i];
    }

    /** The array holding every message's keys. */
    public byte[] keyBytes() {
        return keyBytes;
    }

    /** Where key {@code which} ({@link SipSummary#CALL_ID} .. {@link SipSummary#BRANCH}) of message i starts. */
    public int keyAt(int i, int which) {
        return keys[2 * KEYS * i + 2 * which];
    }

    /** Its length, -1 when the message has none. */
    public int keyLength(int i, int which) {
        return keys[2 * KEYS * i + 2 * which + 1];
    }
}
