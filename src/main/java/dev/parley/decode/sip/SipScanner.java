package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.util.Arrays;

/**
 * The load-time hot path: one pass over a SIP message's header block with byte comparisons, filling a
 * {@link SipSummary}. No regex, no header model; the only allocations are the Strings the summary keeps (common
 * methods, transports and media types are shared constants).
 *
 * <p>What counts as SIP: leading CR/LF keep-alives are skipped; then the first line must be a status line
 * ("SIP/2.0 ddd ...") or a request line ("METHOD SP uri SP SIP/2.0", method an upper-case token, unknown extension
 * methods allowed). Up to 16 junk bytes before a <em>known</em> method are tolerated, as tshark does (corpus file
 * zeek_sip_junk-before-request.pcap: "DB" + "REGISTER ..."), and reported as "sip.leading_junk".
 *
 * <p>Anomaly codes: sip.leading_junk, sip.header.missing (Call-ID, From, To, CSeq, Via), sip.header.unterminated
 * (no blank line), sip.content_length.invalid, sip.body.truncated, sip.cseq.invalid, sip.line.too_long.
 */
public final class SipScanner {
    static final int PREVIEW = 200;
    static final int MAX_LINE = 16 * 1024;

    /** The reused scan state and value cache of a scanner instance (one per loading thread). */
    private final HeaderScan reused = new HeaderScan(new TextCache());

    /**
     * A scanner for one thread: it reuses its scan state and hands out the same String for values it saw recently
     * (see {@link TextCache}), which is what a load wants. Not thread-safe; {@link #scan} is the stateless form.
     */
    public SipScanner() {
    }

    /** True when the payload starts (after CR/LF keep-alives, or a little junk before a known method) with a SIP start line. */
    public static boolean looksLikeSip(Bytes payload) {
        if (payload == null || payload.length() < 11) {
            return false;
        }
        byte[] a = payload.array();
        int end = payload.offset() + payload.length();
        int p = skipKeepAlives(a, payload.offset(), end);
        if (p >= end) {
            return false;
        }
        // "SIP/2.0 ddd SP": a status line whatever follows, no need to find the line end
        if (p + 12 <= end && a[p + 11] == ' ' && StartLine.isStatusLine(a, p, p + 12)) {
            return true;
        }
        int e = StartLine.trimCr(a, p, StartLine.lineEnd(a, p, end));
        if (StartLine.isStatusLine(a, p, e) || StartLine.requestMethodLength(a, p, e) > 0) {
            return true;
        }
        return StartLine.afterJunk(a, p, end) >= 0;
    }

    /**
     * Scans one complete SIP message (a UDP datagram or a framed stream message).
     *
     * @param frame frame number put into anomalies
     * @return the key fields, or null when the bytes do not start with a SIP start line (callers count "not SIP")
     */
    public static SipSummary scan(Bytes message, long frame) {
        return scan(message, frame, new HeaderScan(null));
    }

    /** {@link #scan(Bytes, long)} with this scanner's reused state and value cache. */
    public SipSummary scanMessage(Bytes message, long frame) {
        return scan(message, frame, reused);
    }

    /**
     * {@link #scanMessage} of the {@code length} bytes at {@code a[at]} into a row of {@code rows} instead of a
     * summary (see {@link SipBatch#add(HeaderScan, Flow, long, long, Origin, long, byte[])}); false, and no row added,
     * when the bytes do not start with a SIP start line.
     *
     * @param origin     where the bytes come from; null when they are one run of their own frame at
     *                   {@code fileOffset}
     * @param fileOffset that run's offset in the capture, when {@code origin} is null
     */
    boolean scanRow(byte[] a, int at, int length, long frame, SipBatch rows, Flow flow, long timestampNanos,
                    Origin origin, long fileOffset, boolean keepBytes) {
        if (!reused.scan(a, at, at + length, frame)) {
            return false;
        }
        rows.add(reused, flow, frame, timestampNanos, origin, fileOffset,
                keepBytes ? Arrays.copyOfRange(a, at, at + length) : null);
        return true;
    }

    private static SipSummary scan(Bytes message, long frame, HeaderScan scan) {
        return scan.message(message.array(), message.offset(), message.offset() + message.length(), frame);
    }

    static int skipKeepAlives(byte[] a, int p, int end) {
        while (p < end && (a[p] == '\r' || a[p] == '\n')) {
            p++;
        }
        return p;
    }
}
