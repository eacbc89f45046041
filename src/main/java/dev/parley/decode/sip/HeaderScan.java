package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of a {@link SipScanner} scan (a scanner reuses one from message to message): reads the start
 * line, walks the header lines and hands each summary header to its value parser ({@link #scan}); then the
 * {@link SipSummary} is built from its fields ({@link #summary}), or a load's batch row ({@code SipBatch.add}). The
 * value parsers ({@link NameAddrScan}, {@link ViaScan}, {@link CSeqScan}, {@link ParamScan}) write their results into
 * the package-private fields.
 */
final class HeaderScan {
    /** Recent values by their bytes, or null: a reused scan keeps one (see {@link TextCache}). */
    final TextCache cache;
    byte[] a;
    int base;
    int end;
    long frame;
    List<Anomaly> anomalies;

    boolean request;
    String method;
    int status = -1;
    String reasonPhrase;
    /**
     * The keys and the packed texts (see {@link SipSummary#keys}: Call-ID, tags, branch, users, display name,
     * Request-URI) as ranges of {@code a}, end -1 when absent...
     */
    final int[] keyStart = new int[SipSummary.PARTS];
    final int[] keyEnd = new int[SipSummary.PARTS];
    /** ... or, for the four keys, as text when the bytes needed rewriting (a folded Call-ID line). */
    final String[] keyText = new String[4];
    long cseq = -1;
    String cseqMethod;
    String viaTransport;
    String contentType;
    int contentLength = -1;
    boolean contentLengthSeen;
    int expires = -1;
    int contactExpires = -1;
    String reason;
    String correlationId;
    String userAgent;
    String event;
    String subscriptionState;
    int bodyLength;
    String textPreview;
    boolean haveFrom;
    boolean haveTo;
    boolean haveVia;
    boolean haveContact;
    boolean haveCseq;

    HeaderScan(TextCache cache) {
        this.cache = cache;
    }

    /** Starts the scan of a new message: every field back to "absent". */
    HeaderScan reset(byte[] a, int base, int end, long frame) {
        this.a = a;
        this.base = base;
        this.end = end;
        this.frame = frame;
        anomalies = null;
        request = false;
        method = null;
        status = -1;
        reasonPhrase = null;
        for (int i = 0; i < SipSummary.PARTS; i++) {
            keyEnd[i] = -1;
        }
        for (int i = 0; i < 4; i++) {
            keyText[i] = null;
        }
        cseq = -1;
        cseqMethod = null;
        viaTransport = null;
        contentType = null;
        contentLength = -1;
        contentLengthSeen = false;
        expires = -1;
        contactExpires = -1;
        reason = null;
        correlationId = null;
        userAgent = null;
        event = null;
        subscriptionState = null;
        bodyLength = 0;
        textPreview = null;
        haveFrom = false;
        haveTo = false;
        haveVia = false;
        haveContact = false;
        haveCseq = false;
        return this;
    }

    /** Text of [s, e), from the cache when there is one. */
    String text(int s, int e) {
        return TextCache.text(cache, a, s, e);
    }

    private String value(int s, int e, boolean folded) {
        return folded ? Quoted.unfold(a, s, e) : text(s, e);
    }

    void statusLine(int start, int e) {
        request = false;
        status = (a[start + 8] - '0') * 100 + (a[start + 9] - '0') * 10 + (a[start + 10] - '0');
        int r = ByteText.skipWs(a, start + 11, e);
        reasonPhrase = r < e ? text(r, ByteText.trimEnd(a, r, e)) : "";
    }

    void requestLine(int start, int e, int ml, String knownOrExtension) {
        request = true;
        method = knownOrExtension;
        int uri = start + ml + 1;
        key(SipSummary.REQUEST_URI, (long) uri << 32 | Math.max(uri, e - 8)); // its String only when asked for
    }

    /** {@link #scan} and then {@link #summary}: the summary of the message, null when it has no SIP start line. */
    SipSummary message(byte[] a, int base, int end, long frame) {
        return scan(a, base, end, frame) ? summary() : null;
    }

    /**
     * Scans the message in [base, end) of {@code a}, its start line and its headers, into this scan's fields; false
     * when it has no SIP start line. Kept as one method, more than C2 inlines into a hot caller (FreqInlineSize, 325
     * bytes of bytecode): it is then compiled once, instead of again inside each caller on the way from the frame
     * decoder.
     */
    boolean scan(byte[] a, int base, int end, long frame) {
        int p = SipScanner.skipKeepAlives(a, base, end);
        if (p >= end) {
            return false;
        }
        // the start line is read once: status line, or a request with a registered method (the common cases) ...
        int start = p;
        int lf = -1;
        int e = -1;
        boolean isStatus = false;
        int ml = 0;
        String known = null;
        int first = a[p] | 0x20;
        if (first >= 'a' && first <= 'z') { // "SIP/2.0" in any case, or an upper-case method
            lf = StartLine.lineEnd(a, p, end);
            e = StartLine.trimCr(a, p, lf);
            isStatus = StartLine.isStatusLine(a, p, e);
            ml = isStatus ? 0 : StartLine.requestMethodLength(a, p, e);
            known = ml > 0 ? Names.knownMethod(a, p, ml) : null;
        }
        int junk = 0;
        if (!isStatus && known == null) {
            // ... else the rare paths: an extension method, junk before the start line, or no SIP at all (every
            // datagram offered to SIP comes here first, RTP included: it is turned away before the reset, and when
            // its first byte is no letter without a search for its line end). With no start line at p only the
            // junk rule is left (find would test p again).
            start = ml > 0 ? StartLine.find(a, p, end) : StartLine.afterJunk(a, p, end);
            if (start < 0) {
                return false;
            }
            junk = start - p;
            lf = StartLine.lineEnd(a, start, end);
            e = StartLine.trimCr(a, start, lf);
            isStatus = StartLine.isStatusLine(a, start, e);
            ml = isStatus ? 0 : StartLine.requestMethodLength(a, start, e);
            known = isStatus ? null : Names.method(a, start, ml);
        }
        reset(a, base, end, frame);
        if (junk > 0) {
            anomaly("sip.leading_junk", start - base, junk + " junk bytes before the start line");
        }
        if (isStatus) {
            statusLine(start, e);
        } else {
            requestLine(start, e, ml, known);
        }
        // the headers, then the summary (in this method: see above)
        int bodyStart = headers(lf + 1);
        if (!hasKey(SipSummary.CALL_ID)) {
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
        int body = available;
        if (contentLength >= 0) {
            if (contentLength < available) {
                body = contentLength;
            } else if (contentLength > available) {
                anomaly("sip.body.truncated", end - base, "Content-Length " + contentLength + " but "
                        + available + " body bytes present");
            }
        }
        String preview = null;
        if (request && "MESSAGE".equals(method) && body > 0 && contentType != null) {
            preview = TextPreview.of(a, bodyStart, bodyStart + body, contentType);
        }
        this.bodyLength = body;
        this.textPreview = preview;
        return true;
    }

    /** The summary of what {@link #scan} found. */
    SipSummary summary() {
        return new SipSummary(request, method, status, reasonPhrase, null, // the URI and names are in the keys
                null, null, null, cseq, cseqMethod, viaTransport, contentType,
                contentLength, bodyLength, expires(), reason, correlationId,
                userAgent, textPreview, event, subscriptionState, anomalyList(), packKeys());
    }

    /** The Expires header, else the first Contact's expires parameter, -1 when neither. */
    int expires() {
        return expires >= 0 ? expires : contactExpires;
    }

    /** What the scan found wrong, as the summary keeps it. */
    List<Anomaly> anomalyList() {
        return anomalies == null ? List.of() : List.copyOf(anomalies);
    }


    boolean hasKey(int which) {
        return keyEnd[which] >= 0 || keyText[which] != null;
    }

    /** Sets key {@code which} to the range packed as by {@link ParamScan#paramRange} (-1: absent). */
    void key(int which, long range) {
        if (range >= 0) {
            keyStart[which] = (int) (range >>> 32);
            keyEnd[which] = (int) range;
        }
    }

    /**
     * One array for the keys and the packed texts: the only per-message copy of them (see {@link SipSummary#keys}).
     * A key given as text (a folded Call-ID line) makes the four keys go through text, as the summary of Strings does.
     */
    private byte[] packKeys() {
        byte[][] rewritten = rewrittenKeys();
        int header = SipSummary.keysHeaderLength();
        int total = header;
        for (int i = 0; i < SipSummary.PARTS; i++) {
            total += Math.max(0, partLength(rewritten, i));
        }
        byte[] keys = new byte[total];
        int at = header;
        for (int i = 0; i < SipSummary.PARTS; i++) {
            int n = partLength(rewritten, i);
            SipSummary.putInt(keys, 4 * i, n);
            if (n > 0) {
                copyPart(rewritten, i, keys, at);
                at += n;
            }
        }
        return keys;
    }

    /**
     * The four keys as UTF-8 bytes of their text when one of them was given as text (a folded line), so that all four
     * go through text, as the summary of Strings does; null in the usual case, where they are ranges of {@link #a}.
     */
    byte[][] rewrittenKeys() {
        for (int i = 0; i < 4; i++) {
            if (keyText[i] != null) {
                byte[][] rewritten = new byte[4][]; // rare
                for (int k = 0; k < 4; k++) {
                    String v = keyString(k);
                    rewritten[k] = v == null ? null : v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                return rewritten;
            }
        }
        return null;
    }

    /** Copies part {@code i} (its {@link #partLength} bytes) to {@code to[at...]}. */
    void copyPart(byte[][] rewritten, int i, byte[] to, int at) {
        if (rewritten != null && i < 4) {
            System.arraycopy(rewritten[i], 0, to, at, rewritten[i].length);
        } else {
            System.arraycopy(a, keyStart[i], to, at, keyEnd[i] - keyStart[i]);
        }
    }

    /** Length of part {@code i} of the summary's keys (see {@link #rewrittenKeys}), -1 when absent. */
    int partLength(byte[][] rewritten, int i) {
        if (rewritten != null && i < 4) {
            return rewritten[i] == null ? -1 : rewritten[i].length;
        }
        return keyEnd[i] < 0 ? -1 : keyEnd[i] - keyStart[i];
    }

    private String keyString(int which) {
        return keyText[which] != null ? keyText[which]
                : keyEnd[which] < 0 ? null : ByteText.text(a, keyStart[which], keyEnd[which]);
    }

    /**
     * Walks the header lines from {@code p}; returns the body start, or -1 when there is no blank line. A line
     * written the usual way is told by its first words ({@link UsualHeaderLines}); of the others, only lines whose
     * name starts like a summary header are looked at further; all others (and their continuation lines, and lines
     * without a colon) are skipped once their end is found.
     */
    private int headers(int p) {
        int id = Names.OTHER; // the header being read, OTHER when it is one to skip
        int valueStart = -1;
        int valueEnd = -1;
        boolean folded = false;
        while (p < end) {
            int lf = StartLine.lineEnd(a, p, end);
            int e = StartLine.trimCr(a, p, lf);
            if (e - p > SipScanner.MAX_LINE) {
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
                long usual = p + 16 <= a.length ? UsualHeaderLines.of(a, p) : UsualHeaderLines.UNKNOWN;
                int nameAndColon = (int) usual & 0xff;
                if (usual != UsualHeaderLines.UNKNOWN && nameAndColon <= e - p) {
                    id = (int) (usual >>> 8);
                    valueStart = p + nameAndColon;
                    valueEnd = e;
                    folded = false;
                } else if (Names.mayBeSummaryHeader(c)) {
                    int colon = StartLine.indexOf(a, (byte) ':', p + 1, e, e);
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
        vs = ByteText.skipWsFold(a, vs, ve);
        ve = ByteText.trimEnd(a, vs, ve);
        switch (id) {
            case Names.CALL_ID:
                if (!hasKey(SipSummary.CALL_ID)) {
                    if (folded) {
                        keyText[SipSummary.CALL_ID] = Quoted.unfold(a, vs, ve);
                    } else {
                        key(SipSummary.CALL_ID, (long) vs << 32 | Math.max(vs, ve));
                    }
                }
                break;
            case Names.FROM:
                if (!haveFrom) {
                    haveFrom = true;
                    NameAddrScan.read(this, a, vs, ve, true);
                }
                break;
            case Names.TO:
                if (!haveTo) {
                    haveTo = true;
                    NameAddrScan.read(this, a, vs, ve, false);
                }
                break;
            case Names.CSEQ:
                if (!haveCseq) {
                    haveCseq = true;
                    CSeqScan.read(this, a, vs, ve);
                }
                break;
            case Names.VIA:
                if (!haveVia) {
                    haveVia = true;
                    ViaScan.read(this, a, vs, ve);
                }
                break;
            case Names.CONTENT_TYPE:
                if (contentType == null) {
                    int semi = ByteText.indexOf(a, (byte) ';', vs, ve);
                    contentType = Names.mediaType(a, vs, ByteText.trimEnd(a, vs, semi < 0 ? ve : semi));
                }
                break;
            case Names.CONTENT_LENGTH:
                if (!contentLengthSeen) {
                    contentLengthSeen = true;
                    long v = ByteText.number(a, vs, ve);
                    if (v < 0 || v > Integer.MAX_VALUE) {
                        anomaly("sip.content_length.invalid", vs - base,
                                "invalid Content-Length \"" + ByteText.value(a, vs, ve, folded) + "\"");
                    } else {
                        contentLength = (int) v;
                    }
                }
                break;
            case Names.EXPIRES:
                if (expires < 0) {
                    long v = ByteText.number(a, vs, ve);
                    expires = v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
                }
                break;
            case Names.CONTACT:
                if (!haveContact) {
                    haveContact = true;
                    contactExpires = ParamScan.contactExpires(a, vs, ve);
                }
                break;
            case Names.REASON:
                if (reason == null) {
                    reason = ByteText.value(a, vs, ve, folded);
                }
                break;
            case Names.CORRELATION:
                if (correlationId == null) {
                    correlationId = ByteText.value(a, vs, ve, folded);
                }
                break;
            case Names.USER_AGENT:
                if (userAgent == null) {
                    userAgent = value(vs, ve, folded);
                }
                break;
            case Names.EVENT:
                if (event == null) {
                    event = token(vs, ve, folded);
                }
                break;
            case Names.SUBSCRIPTION_STATE:
                if (subscriptionState == null) {
                    subscriptionState = token(vs, ve, folded);
                }
                break;
            default:
                break;
        }
    }

    /** The value up to its first parameter (";"), trimmed: "presence" of "presence;id=7". */
    private String token(int vs, int ve, boolean folded) {
        int semi = ByteText.indexOf(a, (byte) ';', vs, ve);
        return value(vs, ByteText.trimEnd(a, vs, semi < 0 ? ve : semi), folded);
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
}
