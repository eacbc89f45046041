package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    private static final byte[] TAG = {'t', 'a', 'g'};
    private static final byte[] BRANCH = {'b', 'r', 'a', 'n', 'c', 'h'};
    private static final byte[] EXPIRES = {'e', 'x', 'p', 'i', 'r', 'e', 's'};
    private static final byte[] SIP_2_0_SLASH = {'S', 'I', 'P', '/', '2', '.', '0', '/'};
    /** Bytes that end an unquoted parameter value. */
    private static final boolean[] PARAM_END = new boolean[256];

    static {
        for (char c : ";, \t\r\n>".toCharArray()) {
            PARAM_END[c] = true;
        }
    }

    private SipScanner() {
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
        return StartLine.afterJunk(a, p, end, new int[1]) >= 0;
    }

    /**
     * Scans one complete SIP message (a UDP datagram or a framed stream message).
     *
     * @param frame frame number put into anomalies
     * @return the key fields, or null when the bytes do not start with a SIP start line (callers count "not SIP")
     */
    public static SipSummary scan(Bytes message, long frame) {
        byte[] a = message.array();
        int base = message.offset();
        int end = base + message.length();
        int p = skipKeepAlives(a, base, end);
        if (p >= end) {
            return null;
        }
        // the start line is read once: status line, or a request with a registered method (the common cases) ...
        int lf = StartLine.lineEnd(a, p, end);
        int e = StartLine.trimCr(a, p, lf);
        Scan scan = new Scan(a, base, end, frame);
        if (StartLine.isStatusLine(a, p, e)) {
            scan.statusLine(p, e);
        } else {
            int ml = StartLine.requestMethodLength(a, p, e);
            String known = ml > 0 ? Names.knownMethod(a, p, ml) : null;
            if (known != null) {
                scan.requestLine(p, e, ml, known);
            } else {
                // ... else the rare paths: an extension method, junk before the start line, or no SIP at all
                int[] junk = new int[1];
                int start = StartLine.find(a, p, end, junk);
                if (start < 0) {
                    return null;
                }
                if (junk[0] > 0) {
                    scan.anomaly("sip.leading_junk", start - base, junk[0] + " junk bytes before the start line");
                }
                lf = StartLine.lineEnd(a, start, end);
                e = StartLine.trimCr(a, start, lf);
                if (StartLine.isStatusLine(a, start, e)) {
                    scan.statusLine(start, e);
                } else {
                    ml = StartLine.requestMethodLength(a, start, e);
                    scan.requestLine(start, e, ml, Names.method(a, start, ml));
                }
            }
        }
        return scan.run(lf + 1);
    }

    private static int skipKeepAlives(byte[] a, int p, int end) {
        while (p < end && (a[p] == '\r' || a[p] == '\n')) {
            p++;
        }
        return p;
    }

    /** The mutable state of one scan; one short-lived object per message. */
    private static final class Scan {
        final byte[] a;
        final int base;
        final int end;
        final long frame;
        List<Anomaly> anomalies;

        boolean request;
        String method;
        int status = -1;
        String reasonPhrase;
        String requestUri;
        String callId;
        String fromTag;
        String toTag;
        String fromUser;
        String toUser;
        String fromDisplay;
        long cseq = -1;
        String cseqMethod;
        String branch;
        String viaTransport;
        String contentType;
        int contentLength = -1;
        boolean contentLengthSeen;
        int expires = -1;
        int contactExpires = -1;
        String reason;
        String correlationId;
        String userAgent;
        boolean haveFrom;
        boolean haveTo;
        boolean haveVia;
        boolean haveContact;
        boolean haveCseq;

        Scan(byte[] a, int base, int end, long frame) {
            this.a = a;
            this.base = base;
            this.end = end;
            this.frame = frame;
        }

        void statusLine(int start, int e) {
            request = false;
            status = (a[start + 8] - '0') * 100 + (a[start + 9] - '0') * 10 + (a[start + 10] - '0');
            int r = skipWs(start + 11, e);
            reasonPhrase = r < e ? text(r, trimEnd(r, e)) : "";
        }

        void requestLine(int start, int e, int ml, String knownOrExtension) {
            request = true;
            method = knownOrExtension;
            requestUri = text(start + ml + 1, e - 8);
        }

        /** Reads the headers from {@code headerStart} (after the start line) and builds the summary. */
        SipSummary run(int headerStart) {
            int bodyStart = headers(headerStart);
            if (callId == null) {
                missing("Call-ID");
            }
            if (!haveFrom) {
                missing("From");
            }
            if (!haveTo) {
                missing("To");
            }
            if (!haveCseq) {
                missing("CSeq");
            }
            if (!haveVia) {
                missing("Via");
            }
            if (!request) {
                method = cseqMethod;
            }
            int available = bodyStart < 0 ? 0 : end - bodyStart;
            int bodyLength = available;
            if (contentLength >= 0) {
                if (contentLength < available) {
                    bodyLength = contentLength;
                } else if (contentLength > available) {
                    anomaly("sip.body.truncated", end - base, "Content-Length " + contentLength + " but "
                            + available + " body bytes present");
                }
            }
            String preview = null;
            if (request && "MESSAGE".equals(method) && bodyLength > 0 && contentType != null) {
                preview = TextPreview.of(a, bodyStart, bodyStart + bodyLength, contentType);
            }
            return new SipSummary(request, method, status, reasonPhrase, requestUri, callId, fromTag, toTag,
                    fromUser, toUser, fromDisplay, cseq, cseqMethod, branch, viaTransport, contentType,
                    contentLength, bodyLength, expires >= 0 ? expires : contactExpires, reason, correlationId,
                    userAgent, preview, anomalies == null ? List.of() : List.copyOf(anomalies));
        }

        /**
         * Walks the header lines from {@code p}; returns the body start, or -1 when there is no blank line. Only lines
         * whose name starts like a summary header are looked at further; all others (and their continuation lines,
         * and lines without a colon) are skipped once their end is found.
         */
        private int headers(int p) {
            int id = Names.OTHER; // the header being read, OTHER when it is one to skip
            int valueStart = -1;
            int valueEnd = -1;
            boolean folded = false;
            while (p < end) {
                int lf = StartLine.lineEnd(a, p, end);
                int e = StartLine.trimCr(a, p, lf);
                if (e - p > MAX_LINE) {
                    anomaly("sip.line.too_long", p - base, "header line of " + (e - p) + " bytes");
                }
                if (e == p) {
                    if (id != Names.OTHER) {
                        header(id, valueStart, valueEnd, folded);
                    }
                    return lf < end ? lf + 1 : end;
                }
                byte c = a[p];
                if (c == ' ' || c == '\t') {
                    // a continuation line: extends a summary header, else is skipped (as a line of its own it would
                    // be a header whose name starts with white space, which is none of ours)
                    valueEnd = e;
                    folded = true;
                } else {
                    if (id != Names.OTHER) {
                        header(id, valueStart, valueEnd, folded);
                    }
                    id = Names.OTHER;
                    if (Names.mayBeSummaryHeader(c)) {
                        int colon = p + 1;
                        while (colon < e && a[colon] != ':') {
                            colon++;
                        }
                        if (colon < e) {
                            int nameEnd = colon;
                            while (nameEnd > p && (a[nameEnd - 1] == ' ' || a[nameEnd - 1] == '\t')) {
                                nameEnd--;
                            }
                            id = Names.id(a, p, nameEnd - p);
                            valueStart = colon + 1;
                            valueEnd = e;
                            folded = false;
                        }
                    }
                }
                if (lf >= end) {
                    break;
                }
                p = lf + 1;
            }
            if (id != Names.OTHER) {
                header(id, valueStart, valueEnd, folded);
            }
            anomaly("sip.header.unterminated", end - base, "no blank line after the headers");
            return -1;
        }

        private void header(int id, int vs, int ve, boolean folded) {
            vs = skipWsFold(vs, ve);
            ve = trimEnd(vs, ve);
            switch (id) {
                case Names.CALL_ID:
                    if (callId == null) {
                        callId = value(vs, ve, folded);
                    }
                    break;
                case Names.FROM:
                    if (!haveFrom) {
                        haveFrom = true;
                        nameAddr(vs, ve, true, folded);
                    }
                    break;
                case Names.TO:
                    if (!haveTo) {
                        haveTo = true;
                        nameAddr(vs, ve, false, folded);
                    }
                    break;
                case Names.CSEQ:
                    if (!haveCseq) {
                        haveCseq = true;
                        cseq(vs, ve);
                    }
                    break;
                case Names.VIA:
                    if (!haveVia) {
                        haveVia = true;
                        via(vs, ve);
                    }
                    break;
                case Names.CONTENT_TYPE:
                    if (contentType == null) {
                        int semi = indexOf((byte) ';', vs, ve);
                        contentType = Names.mediaType(a, vs, trimEnd(vs, semi < 0 ? ve : semi));
                    }
                    break;
                case Names.CONTENT_LENGTH:
                    if (!contentLengthSeen) {
                        contentLengthSeen = true;
                        long v = number(vs, ve);
                        if (v < 0 || v > Integer.MAX_VALUE) {
                            anomaly("sip.content_length.invalid", vs - base,
                                    "invalid Content-Length \"" + value(vs, ve, folded) + "\"");
                        } else {
                            contentLength = (int) v;
                        }
                    }
                    break;
                case Names.EXPIRES:
                    if (expires < 0) {
                        long v = number(vs, ve);
                        expires = v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
                    }
                    break;
                case Names.CONTACT:
                    if (!haveContact) {
                        haveContact = true;
                        contactExpires(vs, ve);
                    }
                    break;
                case Names.REASON:
                    if (reason == null) {
                        reason = value(vs, ve, folded);
                    }
                    break;
                case Names.CORRELATION:
                    if (correlationId == null) {
                        correlationId = value(vs, ve, folded);
                    }
                    break;
                case Names.USER_AGENT:
                    if (userAgent == null) {
                        userAgent = value(vs, ve, folded);
                    }
                    break;
                default:
                    break;
            }
        }

        private void nameAddr(int vs, int ve, boolean from, boolean folded) {
            int p = vs;
            String display = null;
            int uriStart;
            int uriEnd;
            int paramsFrom;
            int lt = -1;
            if (p < ve && a[p] == '"') {
                int q = p + 1;
                while (q < ve && a[q] != '"') {
                    if (a[q] == '\\') {
                        q++;
                    }
                    q++;
                }
                if (from) {
                    display = Quoted.unquote(a, p + 1, Math.min(q, ve));
                }
                lt = indexOf((byte) '<', Math.min(q + 1, ve), ve);
            } else {
                lt = indexOf((byte) '<', p, ve);
                if (lt >= 0) {
                    int semi = indexOf((byte) ';', p, lt);
                    if (semi >= 0) {
                        lt = -1;
                    } else if (from) {
                        int de = trimEnd(p, lt);
                        display = de > p ? text(p, de) : null;
                    }
                }
            }
            if (lt >= 0) {
                uriStart = lt + 1;
                int gt = indexOf((byte) '>', uriStart, ve);
                uriEnd = gt < 0 ? ve : gt;
                paramsFrom = gt < 0 ? ve : gt + 1;
            } else {
                uriStart = p;
                int semi = indexOf((byte) ';', p, ve);
                uriEnd = semi < 0 ? ve : semi;
                paramsFrom = uriEnd;
            }
            String user = uriUser(skipWs(uriStart, uriEnd), trimEnd(uriStart, uriEnd));
            String tag = param(paramsFrom, ve, TAG);
            if (from) {
                fromDisplay = display == null || display.isEmpty() ? null : display;
                fromUser = user;
                fromTag = tag;
            } else {
                toUser = user;
                toTag = tag;
            }
        }

        /** User part of a sip/sips URI, the number of a tel URI, else the whole URI. */
        private String uriUser(int s, int e) {
            if (s >= e) {
                return null;
            }
            int colon = indexOf((byte) ':', s, e);
            if (colon < 0) {
                return text(s, e);
            }
            int schemeLength = colon - s;
            if (schemeLength == 3 && lower(s) == 't' && lower(s + 1) == 'e' && lower(s + 2) == 'l') {
                int semi = indexOf((byte) ';', colon + 1, e);
                return text(colon + 1, semi < 0 ? e : semi);
            }
            int at = -1;
            for (int i = colon + 1; i < e; i++) {
                byte c = a[i];
                if (c == '@') {
                    at = i;
                    break;
                }
                if (c == ';' || c == '?' || c == '>') {
                    break;
                }
            }
            if (at < 0) {
                return text(s, e);
            }
            int ue = indexOf((byte) ':', colon + 1, at);
            return text(colon + 1, ue < 0 ? at : ue);
        }

        private void cseq(int vs, int ve) {
            int p = vs;
            long n = 0;
            int digits = 0;
            while (p < ve && StartLine.isDigit(a[p]) && digits < 19) {
                n = n * 10 + (a[p] - '0');
                p++;
                digits++;
            }
            int ms = skipWs(p, ve);
            int me = ms;
            while (me < ve && a[me] != ' ' && a[me] != '\t') {
                me++;
            }
            if (digits == 0 || ms == p || me == ms) {
                anomaly("sip.cseq.invalid", vs - base, "invalid CSeq \"" + text(vs, ve) + "\"");
            }
            cseq = digits == 0 ? -1 : n;
            cseqMethod = me > ms ? Names.method(a, ms, me - ms) : null;
        }

        private void via(int vs, int ve) {
            int comma = StartLine.indexOf(a, (byte) ',', vs, ve, ve);
            if (comma < ve && StartLine.indexOf(a, (byte) '"', vs, comma, -1) >= 0) {
                // a quoted parameter before the comma: walk it properly
                boolean quoted = false;
                comma = vs;
                while (comma < ve && (a[comma] != ',' || quoted)) {
                    if (a[comma] == '"') {
                        quoted = !quoted;
                    }
                    comma++;
                }
            }
            // sent-protocol: SIP / 2.0 / UDP (spaces allowed around the slashes)
            // the usual "SIP/2.0/" needs no slash search
            boolean plain = comma - vs > 8 && StartLine.isExactly(a, vs, SIP_2_0_SLASH);
            int slash1 = plain ? vs + 3 : indexOf((byte) '/', vs, comma);
            int slash2 = plain ? vs + 7 : slash1 < 0 ? -1 : indexOf((byte) '/', slash1 + 1, comma);
            int paramsFrom = vs;
            if (slash2 >= 0) {
                int ts = skipWs(slash2 + 1, comma);
                int te = ts;
                boolean semi = false;
                while (te < comma && a[te] != ' ' && a[te] != '\t' && a[te] != '\r' && a[te] != '\n') {
                    semi |= a[te] == ';';
                    te++;
                }
                viaTransport = Names.transport(a, ts, te);
                if (plain && !semi) {
                    paramsFrom = te; // no ';' before: the branch search can start here
                }
            }
            String b = param(paramsFrom, comma, BRANCH);
            branch = b;
        }

        private void contactExpires(int vs, int ve) {
            int gt = -1;
            if (indexOf((byte) '<', vs, ve) >= 0) {
                gt = indexOf((byte) '>', vs, ve);
            }
            int from = gt < 0 ? vs : gt + 1;
            int comma = indexOf((byte) ',', from, ve);
            String v = param(from, comma < 0 ? ve : comma, EXPIRES);
            if (v != null) {
                long n = parseDigits(v);
                contactExpires = n < 0 || n > Integer.MAX_VALUE ? -1 : (int) n;
            }
        }

        /** Value of ";name=value" in [from, to) (name case-insensitive), "" for a flag, null when absent. */
        private String param(int from, int to, byte[] name) {
            int p = from;
            while ((p = StartLine.indexOf(a, (byte) ';', p, to, to)) < to) {
                int q = skipWsFold(p + 1, to);
                int k = 0;
                while (k < name.length && q + k < to && lower(q + k) == name[k]) {
                    k++;
                }
                if (k == name.length) {
                    int r = skipWsFold(q + k, to);
                    if (r >= to || a[r] == ';' || a[r] == ',') {
                        return "";
                    }
                    if (a[r] == '=') {
                        int vs = skipWsFold(r + 1, to);
                        if (vs < to && a[vs] == '"') {
                            int ve = indexOf((byte) '"', vs + 1, to);
                            return text(vs + 1, ve < 0 ? to : ve);
                        }
                        int ve = vs;
                        while (ve < to && !PARAM_END[a[ve] & 0xff]) {
                            ve++;
                        }
                        return text(vs, ve);
                    }
                }
                p++;
            }
            return null;
        }

        private long number(int vs, int ve) {
            if (vs >= ve) {
                return -1;
            }
            long n = 0;
            for (int i = vs; i < ve; i++) {
                byte c = a[i];
                if (!StartLine.isDigit(c) || i - vs >= 12) {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }

        private static long parseDigits(String s) {
            if (s.isEmpty() || s.length() > 12) {
                return -1;
            }
            long n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }

        private void missing(String header) {
            anomaly("sip.header.missing", -1, header + " header missing");
        }

        void anomaly(String code, int offset, String text) {
            if (anomalies == null) {
                anomalies = new ArrayList<>(2);
            }
            anomalies.add(new Anomaly(code, Anomaly.Severity.WARNING, frame, offset, text));
        }

        private int lower(int i) {
            int c = a[i];
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }

        private int indexOf(byte b, int from, int to) {
            return StartLine.indexOf(a, b, from, to, -1);
        }

        private int skipWs(int p, int e) {
            while (p < e && (a[p] == ' ' || a[p] == '\t')) {
                p++;
            }
            return p;
        }

        private int skipWsFold(int p, int e) {
            while (p < e && (a[p] == ' ' || a[p] == '\t' || a[p] == '\r' || a[p] == '\n')) {
                p++;
            }
            return p;
        }

        private int trimEnd(int s, int e) {
            while (e > s && (a[e - 1] == ' ' || a[e - 1] == '\t' || a[e - 1] == '\r' || a[e - 1] == '\n')) {
                e--;
            }
            return e;
        }

        private String text(int s, int e) {
            return s >= e ? "" : new String(a, s, e - s, StandardCharsets.UTF_8);
        }

        /** A value; folded values have each CRLF + whitespace run replaced by one space. */
        private String value(int s, int e, boolean folded) {
            return folded ? Quoted.unfold(a, s, e) : text(s, e);
        }
    }
}
