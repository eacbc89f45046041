package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Framing;
import dev.parley.decode.Limits;

/**
 * Splits a reassembled stream (TCP, TLS plaintext, WebSocket payloads joined) into SIP messages by Content-Length
 * (RFC 3261 section 18.3). Stateless: the caller keeps the buffer and calls {@link #frame} again with more bytes.
 *
 * <p>Answers, always about the start of {@code buffered}:
 * <ul>
 *   <li>{@code Decoded(n, 0)}: n bytes of CR/LF keep-alives (RFC 5626 "\r\n\r\n" pings, or stray line ends) to
 *       drop; no message. Callers skip decoded units whose value is 0.</li>
 *   <li>{@code Decoded(n, n)}: one complete message of n bytes (headers, blank line, Content-Length body).</li>
 *   <li>{@code NeedMore}: a SIP message has begun but is not complete; nothing is consumed.</li>
 *   <li>{@code NotMine}: the buffer does not start with a SIP start line, or a message breaks a {@link Limits}
 *       bound (header block over maxHeaderBlock, Content-Length over maxMessageSize). Both are also reported as
 *       anomalies "sip.stream.resync" / "sip.message.too_large"; the caller may then drop bytes up to
 *       {@link #resyncPoint} and try again.</li>
 * </ul>
 * A message without Content-Length is reported as "sip.content_length.missing" and framed with an empty body;
 * an invalid Content-Length ("sip.content_length.invalid") too. The blank line may be CRLFCRLF or LFLF.
 */
public final class SipFramer {
    private final Limits limits;
    private final AnomalySink sink;

    public SipFramer(Limits limits, AnomalySink sink) {
        this.limits = limits;
        this.sink = sink;
    }

    public SipFramer() {
        this(Limits.DEFAULT, AnomalySink.IGNORE);
    }

    public Framing<Integer> frame(Bytes buffered) {
        return frame(buffered, 0);
    }

    /** As {@link #frame(Bytes)}, with the frame number put into anomalies. */
    public Framing<Integer> frame(Bytes buffered, long frame) {
        byte[] a = buffered.array();
        int base = buffered.offset();
        int end = base + buffered.length();
        if (end == base) {
            return Framing.needMore();
        }
        int p = base;
        while (p < end && (a[p] == '\r' || a[p] == '\n')) {
            p++;
        }
        if (p > base) {
            return new Framing.Decoded<>(p - base, 0);
        }
        int lf = StartLine.lineEnd(a, p, end);
        if (lf == end) {
            if (end - base > limits.maxLineLength()) {
                return notMine(frame, "sip.stream.resync", "start line longer than " + limits.maxLineLength());
            }
            return StartLine.couldBeStartLine(a, p, end) ? Framing.needMore() : new Framing.NotMine<>("not a SIP start line");
        }
        if (!StartLine.isStartLine(a, p, end)) {
            return new Framing.NotMine<>("not a SIP start line");
        }
        int blank = ByteText.afterBlankLine(a, lf + 1, end);
        if (blank < 0) {
            if (end - base > limits.maxHeaderBlock()) {
                return notMine(frame, "sip.stream.resync", "header block longer than " + limits.maxHeaderBlock());
            }
            return Framing.needMore();
        }
        int headerLength = blank - base;
        if (headerLength > limits.maxHeaderBlock()) {
            return notMine(frame, "sip.stream.resync", "header block longer than " + limits.maxHeaderBlock());
        }
        long contentLength = contentLength(a, lf + 1, blank);
        if (contentLength == MISSING) {
            sink.report(Anomaly.warning("sip.content_length.missing", frame,
                    "SIP message on a stream without Content-Length; body taken as empty").atOffset(0));
            contentLength = 0;
        } else if (contentLength == INVALID) {
            sink.report(Anomaly.warning("sip.content_length.invalid", frame,
                    "invalid Content-Length on a stream; body taken as empty").atOffset(0));
            contentLength = 0;
        }
        long total = headerLength + contentLength;
        if (total > limits.maxMessageSize()) {
            return notMine(frame, "sip.message.too_large", "message of " + total + " bytes over the limit of "
                    + limits.maxMessageSize());
        }
        if (total > end - base) {
            return Framing.needMore();
        }
        return new Framing.Decoded<>((int) total, (int) total);
    }

    /**
     * Where to restart after a NotMine: the start of the next line (after the first byte) that begins a SIP start
     * line, or -1 when no complete one is buffered (keep the last maxLineLength bytes and wait).
     */
    public static int resyncPoint(Bytes buffered) {
        byte[] a = buffered.array();
        int base = buffered.offset();
        int end = base + buffered.length();
        for (int i = base + 1; i < end; i++) {
            if (a[i - 1] == '\n' && a[i] != '\r' && a[i] != '\n' && StartLine.lineEnd(a, i, end) < end
                    && StartLine.isStartLine(a, i, end)) {
                return i - base;
            }
        }
        return -1;
    }

    private Framing<Integer> notMine(long frame, String code, String text) {
        sink.report(Anomaly.warning(code, frame, text).atOffset(0));
        return new Framing.NotMine<>(text);
    }

    private static final long MISSING = -1;
    private static final long INVALID = -2;


    /** Content-Length (or l) from the header lines in [p, blank); MISSING or INVALID. */
    private static long contentLength(byte[] a, int p, int blank) {
        while (p < blank) {
            int lf = StartLine.lineEnd(a, p, blank);
            int e = StartLine.trimCr(a, p, lf);
            int colon = p;
            while (colon < e && a[colon] != ':') {
                colon++;
            }
            int ne = colon;
            while (ne > p && (a[ne - 1] == ' ' || a[ne - 1] == '\t')) {
                ne--;
            }
            int n = ne - p;
            if (colon < e && ((n == 1 && (a[p] | 0x20) == 'l') || (n == 14 && Names.is(a, p, "content-length")))) {
                int vs = colon + 1;
                while (vs < e && (a[vs] == ' ' || a[vs] == '\t')) {
                    vs++;
                }
                int ve = e;
                while (ve > vs && (a[ve - 1] == ' ' || a[ve - 1] == '\t')) {
                    ve--;
                }
                if (ve == vs || ve - vs > 10) {
                    return INVALID;
                }
                long v = 0;
                for (int i = vs; i < ve; i++) {
                    if (!StartLine.isDigit(a[i])) {
                        return INVALID;
                    }
                    v = v * 10 + (a[i] - '0');
                }
                return v;
            }
            p = lf + 1;
        }
        return MISSING;
    }
}
