package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * SIP messages on their way to the correlator ({@code session.sip.SipCorrelator}), as columns: what it reads of every
 * message (times, start line, CSeq, flags, flow, where the bytes are, and the Call-ID, tags and branch copied side by
 * side into one array), written by the thread that scanned them while those values are in its cache. The correlator
 * then reads a few arrays front to back instead of an event, a summary, a key array and an origin per message, objects
 * the other core has just written: those first reads were a quarter of the correlating thread's samples
 * (docs/DESIGN-NOTES.md note 33). A load's scanner writes its rows itself ({@link #add(HeaderScan, Flow, long, long,
 * Origin, byte[])}, through a {@link SipRowListener}): the message then has no {@link SipSummary} and no packed array
 * of its own, which were half of what the reading thread allocated (note 36), and what only some messages need
 * (names, User-Agent, Reason, anomalies) is read from the row, or from a summary made on demand ({@link #summary}).
 * A row added from a summary reads those from the summary. Filled by one thread, then handed over whole (through a
 * queue, which orders the writes before the reads).
 */
public final class SipBatch {
    public static final int REQUEST = 1;
    public static final int SDP = 2;
    public static final int USER_AGENT = 4;
    public static final int CORRELATION = 8;
    public static final int REASON = 16;
    public static final int ANOMALIES = 32;
    private static final int KEYS = 4;
    private static final int PARTS = SipSummary.PARTS;

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
    /** The summary the row was added from; null for a row the scanner wrote. */
    private SipSummary[] summary;
    /**
     * Per message: start and length in {@link #keyBytes} of each part of {@link SipSummary#keys} (-1: absent): the
     * Call-ID, From tag, To tag and branch, side by side, then the users and the display name (these only in a row the
     * scanner wrote; no row keeps the Request-URI).
     */
    private int[] keys;
    private byte[] keyBytes;
    private int keyBytesUsed;
    // the rest of the summary, in a row the scanner wrote
    private String[] viaTransport;
    private String[] contentType;
    private int[] contentLength;
    private int[] bodyLength;
    private int[] expires;
    private String[] reason;
    private String[] correlationId;
    private String[] userAgent;
    private String[] textPreview;
    private String[] event;
    private String[] subscriptionState;
    private Object[] anomalies; // List<Anomaly>, null for none

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
        keys = new int[2 * PARTS * n];
        keyBytes = new byte[192 * n];
        viaTransport = new String[n];
        contentType = new String[n];
        contentLength = new int[n];
        bodyLength = new int[n];
        expires = new int[n];
        reason = new String[n];
        correlationId = new String[n];
        userAgent = new String[n];
        textPreview = new String[n];
        event = new String[n];
        subscriptionState = new String[n];
        anomalies = new Object[n];
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
        Arrays.fill(viaTransport, 0, n, null);
        Arrays.fill(contentType, 0, n, null);
        Arrays.fill(reason, 0, n, null);
        Arrays.fill(correlationId, 0, n, null);
        Arrays.fill(userAgent, 0, n, null);
        Arrays.fill(textPreview, 0, n, null);
        Arrays.fill(event, 0, n, null);
        Arrays.fill(subscriptionState, 0, n, null);
        Arrays.fill(anomalies, 0, n, null);
        size = 0;
        keyBytesUsed = 0;
    }

    /** Appends one message. */
    public void add(SipEvent e) {
        add(e.sip(), e.flow(), e.frame(), e.timestampNanos(), e.origin(), e.bytes());
    }

    /** Appends one message given as the parts of a {@link SipEvent}. */
    public void add(SipSummary s, Flow messageFlow, long frameNumber, long timestampNanos, Origin o, byte[] data) {
        int i = where(messageFlow, frameNumber, timestampNanos, o, data);
        cseq[i] = s.cseq();
        status[i] = s.statusCode();
        flags[i] = flags(s.request(), s.contentType(), s.userAgent(), s.correlationId(), s.reason(),
                !s.anomalies().isEmpty());
        method[i] = s.method();
        cseqMethod[i] = s.cseqMethod();
        reasonPhrase[i] = s.reasonPhrase();
        summary[i] = s;
        copyKeys(i, s);
        size = i + 1;
    }

    /**
     * Appends the message {@code h} has just scanned: its summary's fields, written here instead of into a summary,
     * and its parts copied from the message's bytes. With no origin {@code o}, the message is the one run of its own
     * frame at {@code fileOffset}, and the row keeps just that ({@link #singleOffset}).
     */
    void add(HeaderScan h, Flow messageFlow, long frameNumber, long timestampNanos, Origin o, long fileOffset,
             byte[] data) {
        int i = o != null || fileOffset < 0 ? where(messageFlow, frameNumber, timestampNanos, o, data)
                : where(messageFlow, frameNumber, timestampNanos, null, fileOffset, h.end - h.base, data);
        boolean anomalous = h.anomalies != null && !h.anomalies.isEmpty();
        cseq[i] = h.cseq;
        status[i] = h.status;
        flags[i] = flags(h.request, h.contentType, h.userAgent, h.correlationId, h.reason, anomalous);
        method[i] = h.method;
        cseqMethod[i] = h.cseqMethod;
        reasonPhrase[i] = h.reasonPhrase;
        viaTransport[i] = h.viaTransport;
        contentType[i] = h.contentType;
        contentLength[i] = h.contentLength;
        bodyLength[i] = h.bodyLength;
        expires[i] = h.expires();
        reason[i] = h.reason;
        correlationId[i] = h.correlationId;
        userAgent[i] = h.userAgent;
        textPreview[i] = h.textPreview;
        event[i] = h.event;
        subscriptionState[i] = h.subscriptionState;
        anomalies[i] = anomalous ? h.anomalyList() : null;
        copyParts(i, h);
        size = i + 1;
    }

    /** Starts row {@code size}: where and when the message is. */
    private int where(Flow messageFlow, long frameNumber, long timestampNanos, Origin o, byte[] data) {
        long single = o == null ? -1 : o.singleRunOffset(frameNumber);
        return where(messageFlow, frameNumber, timestampNanos, o, single, single >= 0 ? o.length(0) : 0, data);
    }

    private int where(Flow messageFlow, long frameNumber, long timestampNanos, Origin o, long single,
                      int singleBytes, byte[] data) {
        int i = size;
        if (i == frame.length) {
            grow();
        }
        frame[i] = frameNumber;
        nanos[i] = timestampNanos;
        flow[i] = messageFlow;
        singleOffset[i] = single;
        singleLength[i] = singleBytes;
        origin[i] = o;
        bytes[i] = data;
        return i;
    }

    private static int flags(boolean request, String contentType, String userAgent, String correlationId,
                             String reason, boolean anomalous) {
        return (request ? REQUEST : 0) | (SipSummary.hasSdp(contentType) ? SDP : 0)
                | (userAgent != null ? USER_AGENT : 0) | (correlationId != null ? CORRELATION : 0)
                | (reason != null ? REASON : 0) | (anomalous ? ANOMALIES : 0);
    }

    /** The four keys lie side by side in the summary's packed array: one copy, and their places computed. */
    private void copyKeys(int i, SipSummary s) {
        int from = s.keyOffset(SipSummary.CALL_ID);
        int total = 0;
        int at = keyBytesUsed;
        int row = 2 * PARTS * i;
        for (int k = 0; k < KEYS; k++) {
            int n = s.keyLength(k);
            keys[row + 2 * k] = at + total;
            keys[row + 2 * k + 1] = n;
            total += Math.max(0, n);
        }
        for (int k = KEYS; k < PARTS; k++) {
            keys[row + 2 * k + 1] = -1; // the summary has them
        }
        ensureKeyRoom(total);
        System.arraycopy(s.keys(), from, keyBytes, at, total);
        keyBytesUsed = at + total;
    }

    /**
     * The parts of the scanned message the correlator reads (keys and names), each copied from where the scan found
     * it. The Request-URI is not kept: nothing on the correlating side reads it.
     */
    private void copyParts(int i, HeaderScan h) {
        int row = 2 * PARTS * i;
        keys[row + 2 * SipSummary.REQUEST_URI + 1] = -1;
        byte[][] rewritten = h.rewrittenKeys();
        int total = 0;
        for (int k = 0; k < SipSummary.REQUEST_URI; k++) {
            int n = h.partLength(rewritten, k);
            keys[row + 2 * k + 1] = n;
            total += Math.max(0, n);
        }
        ensureKeyRoom(total);
        int at = keyBytesUsed;
        for (int k = 0; k < SipSummary.REQUEST_URI; k++) {
            keys[row + 2 * k] = at;
            int n = keys[row + 2 * k + 1];
            if (n > 0) {
                h.copyPart(rewritten, k, keyBytes, at);
                at += n;
            }
        }
        keyBytesUsed = at;
    }

    private void ensureKeyRoom(int more) {
        if (keyBytesUsed + more > keyBytes.length) {
            keyBytes = Arrays.copyOf(keyBytes, Math.max(2 * keyBytes.length, keyBytesUsed + more));
        }
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
        keys = Arrays.copyOf(keys, 2 * PARTS * n);
        viaTransport = Arrays.copyOf(viaTransport, n);
        contentType = Arrays.copyOf(contentType, n);
        contentLength = Arrays.copyOf(contentLength, n);
        bodyLength = Arrays.copyOf(bodyLength, n);
        expires = Arrays.copyOf(expires, n);
        reason = Arrays.copyOf(reason, n);
        correlationId = Arrays.copyOf(correlationId, n);
        userAgent = Arrays.copyOf(userAgent, n);
        textPreview = Arrays.copyOf(textPreview, n);
        event = Arrays.copyOf(event, n);
        subscriptionState = Arrays.copyOf(subscriptionState, n);
        anomalies = Arrays.copyOf(anomalies, n);
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

    /**
     * Where the message's bytes are: the origin it was added with, else (a message that is one run of its own frame,
     * added without one) a new one for {@link #singleOffset}; null when there is neither.
     */
    public Origin origin(int i) {
        Origin o = origin[i];
        return o != null || singleOffset[i] < 0 ? o : Origin.of(frame[i], singleOffset[i], singleLength[i]);
    }

    /** The origin only when the row has no {@link #singleOffset}: what a table that keeps that offset needs. */
    public Origin spreadOrigin(int i) {
        return singleOffset[i] >= 0 ? null : origin[i];
    }

    public byte[] bytes(int i) {
        return bytes[i];
    }

    /**
     * The message's summary: the one it was added from, else one made from the row, for what few messages need (a
     * message without Call-ID is reported by its label). Such a summary has no Request-URI: a row does not keep it.
     */
    public SipSummary summary(int i) {
        SipSummary s = summary[i];
        return s != null ? s : summaryOfRow(i);
    }

    private SipSummary summaryOfRow(int i) {
        int header = SipSummary.keysHeaderLength();
        int total = header;
        for (int k = 0; k < PARTS; k++) {
            total += Math.max(0, keyLength(i, k));
        }
        byte[] packed = new byte[total];
        int at = header;
        for (int k = 0; k < PARTS; k++) {
            int n = keyLength(i, k);
            SipSummary.putInt(packed, 4 * k, n);
            if (n > 0) {
                System.arraycopy(keyBytes, keyAt(i, k), packed, at, n);
                at += n;
            }
        }
        return new SipSummary(request(i), method[i], status[i], reasonPhrase[i], null, null, null, null, cseq[i],
                cseqMethod[i], viaTransport[i], contentType[i], contentLength[i], bodyLength[i], expires[i],
                reason[i], correlationId[i], userAgent[i], textPreview[i], event[i], subscriptionState[i],
                anomalies(i), packed);
    }

    /** The array holding every message's keys. */
    public byte[] keyBytes() {
        return keyBytes;
    }

    /** Where key {@code which} ({@link SipSummary#CALL_ID} .. {@link SipSummary#BRANCH}) of message i starts. */
    public int keyAt(int i, int which) {
        return keys[2 * PARTS * i + 2 * which];
    }

    /** Its length, -1 when the message has none. */
    public int keyLength(int i, int which) {
        return keys[2 * PARTS * i + 2 * which + 1];
    }

    // What some messages need, as the summary's accessors give it (see SipSummary).

    /** {@link SipSummary#fromUser(TextInterner)}. */
    public String fromUser(int i, TextInterner names) {
        SipSummary s = summary[i];
        return s != null ? s.fromUser(names) : part(i, SipSummary.FROM_USER, names);
    }

    /** {@link SipSummary#toUser(TextInterner)}. */
    public String toUser(int i, TextInterner names) {
        SipSummary s = summary[i];
        return s != null ? s.toUser(names) : part(i, SipSummary.TO_USER, names);
    }

    /** {@link SipSummary#fromDisplay(TextInterner)}. */
    public String fromDisplay(int i, TextInterner names) {
        SipSummary s = summary[i];
        if (s != null) {
            return s.fromDisplay(names);
        }
        return SipSummary.display(keyBytes, keyAt(i, SipSummary.FROM_DISPLAY_QUOTED),
                keyLength(i, SipSummary.FROM_DISPLAY_QUOTED), keyAt(i, SipSummary.FROM_DISPLAY_TOKEN),
                keyLength(i, SipSummary.FROM_DISPLAY_TOKEN), names);
    }

    /** {@link SipSummary#fromTag()}. */
    public String fromTag(int i) {
        return key(i, SipSummary.FROM_TAG);
    }

    /** {@link SipSummary#toTag()}. */
    public String toTag(int i) {
        return key(i, SipSummary.TO_TAG);
    }

    public String userAgent(int i) {
        SipSummary s = summary[i];
        return s != null ? s.userAgent() : userAgent[i];
    }

    public String reason(int i) {
        SipSummary s = summary[i];
        return s != null ? s.reason() : reason[i];
    }

    public String correlationId(int i) {
        SipSummary s = summary[i];
        return s != null ? s.correlationId() : correlationId[i];
    }

    public String textPreview(int i) {
        SipSummary s = summary[i];
        return s != null ? s.textPreview() : textPreview[i];
    }

    public String event(int i) {
        SipSummary s = summary[i];
        return s != null ? s.event() : event[i];
    }

    public String subscriptionState(int i) {
        SipSummary s = summary[i];
        return s != null ? s.subscriptionState() : subscriptionState[i];
    }

    public int expires(int i) {
        SipSummary s = summary[i];
        return s != null ? s.expires() : expires[i];
    }

    @SuppressWarnings("unchecked")
    public List<Anomaly> anomalies(int i) {
        SipSummary s = summary[i];
        if (s != null) {
            return s.anomalies();
        }
        Object found = anomalies[i];
        return found == null ? List.of() : (List<Anomaly>) found;
    }

    /** A key as text (the bytes decoded as UTF-8, as the summary does), null when absent. */
    private String key(int i, int which) {
        int n = keyLength(i, which);
        return n < 0 ? null : new String(keyBytes, keyAt(i, which), n, StandardCharsets.UTF_8);
    }

    private String part(int i, int which, TextInterner names) {
        return SipSummary.text(keyBytes, keyAt(i, which), keyLength(i, which), names);
    }
}
