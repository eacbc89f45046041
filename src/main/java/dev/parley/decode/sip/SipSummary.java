package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The key fields of one SIP message, scanned cheaply on load (DESIGN.md decision 2: index, don't copy). The full
 * header tree is parsed on demand by {@code SipParser}. Absent text fields are null, absent numbers -1.
 *
 * @param request        true for a request, false for a response
 * @param method         request method, or for a response the CSeq method
 * @param statusCode     response status (100..699), -1 for a request
 * @param reasonPhrase   response reason phrase, null for a request
 * @param requestUri     Request-URI text, null for a response
 * @param fromUser       user part of the From URI (or the whole URI when it has no user part)
 * @param toUser         user part of the To URI
 * @param fromDisplay    display name of From, unquoted
 * @param cseq           CSeq number
 * @param cseqMethod     CSeq method
 * @param viaTransport   transport named by the top Via (UDP, TCP, TLS, SCTP, WS, WSS), upper case
 * @param contentType    media type of the body, lower case, without parameters
 * @param contentLength  declared Content-Length, -1 when absent or invalid
 * @param bodyLength     bytes of body actually present
 * @param expires        Expires header, or expires parameter of the first Contact, -1 when absent
 * @param reason         Reason header value (who/why a call ended), null when absent
 * @param correlationId  X-Call-ID / X-CID header value linking legs of one call, null when absent
 * @param userAgent      User-Agent or Server header
 * @param textPreview    for MESSAGE requests with a text body (text/plain or CPIM), the first 200 characters
 * @param event          event package of the Event header (compact o), without parameters, e.g. "presence"
 * @param subscriptionState value of Subscription-State without parameters: "active", "pending", "terminated"
 * @param anomalies      problems found while scanning (never thrown)
 * @param keys           the Call-ID, From tag, To tag and top Via branch, packed (see {@link #keyOffset}): values
 *                       unique to a call or a transaction travel as bytes, so the load makes no String for them and
 *                       the correlator matches and stores them from the bytes; {@link #callId()} and friends decode
 *                       them on demand. The scanner packs the From and To users, the From display name and the
 *                       Request-URI there too, and leaves their components null: most messages never need them (the
 *                       correlator reads the names of a Call-ID's first request), so their Strings are made only
 *                       when asked for, by {@link #fromUser()} and the other accessors
 */
public record SipSummary(
        boolean request, String method, int statusCode, String reasonPhrase, String requestUri,
        String fromUser, String toUser, String fromDisplay,
        long cseq, String cseqMethod, String viaTransport,
        String contentType, int contentLength, int bodyLength,
        int expires, String reason, String correlationId, String userAgent, String textPreview,
        String event, String subscriptionState, List<Anomaly> anomalies, byte[] keys) {

    /** Which packed key: the Call-ID, the From tag, the To tag, the top Via branch. */
    public static final int CALL_ID = 0;
    public static final int FROM_TAG = 1;
    public static final int TO_TAG = 2;
    public static final int BRANCH = 3;
    /** The texts packed for their accessors (scanner summaries): users, the display name (quoted or not), the URI. */
    static final int FROM_USER = 4;
    static final int TO_USER = 5;
    static final int FROM_DISPLAY_QUOTED = 6;
    static final int FROM_DISPLAY_TOKEN = 7;
    static final int REQUEST_URI = 8;
    static final int PARTS = 9;
    private static final int KEYS = 4;
    private static final int HEADER = 4 * PARTS;

    /** A summary from String values (tests, tools): the same as the scanner's, keys packed here. */
    public static SipSummary of(
            boolean request, String method, int statusCode, String reasonPhrase, String requestUri,
            String callId, String fromTag, String toTag, String fromUser, String toUser, String fromDisplay,
            long cseq, String cseqMethod, String branch, String viaTransport,
            String contentType, int contentLength, int bodyLength,
            int expires, String reason, String correlationId, String userAgent, String textPreview,
            String event, String subscriptionState, List<Anomaly> anomalies) {
        return new SipSummary(request, method, statusCode, reasonPhrase, requestUri, fromUser, toUser, fromDisplay,
                cseq, cseqMethod, viaTransport, contentType, contentLength, bodyLength, expires, reason,
                correlationId, userAgent, textPreview, event, subscriptionState, anomalies,
                packKeys(callId, fromTag, toTag, branch));
    }

    /**
     * Packs the four keys: a big-endian length per part (-1 for an absent one; the texts after the keys are absent
     * here, their components hold them), then the UTF-8 bytes in order.
     */
    static byte[] packKeys(String callId, String fromTag, String toTag, String branch) {
        byte[][] parts = new byte[KEYS][];
        String[] values = {callId, fromTag, toTag, branch};
        int total = HEADER;
        for (int i = 0; i < KEYS; i++) {
            parts[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
            total += parts[i] == null ? 0 : parts[i].length;
        }
        byte[] keys = new byte[total];
        for (int i = KEYS; i < PARTS; i++) {
            putInt(keys, 4 * i, -1);
        }
        int at = HEADER;
        for (int i = 0; i < KEYS; i++) {
            int n = parts[i] == null ? -1 : parts[i].length;
            putInt(keys, 4 * i, n);
            if (n > 0) {
                System.arraycopy(parts[i], 0, keys, at, n);
                at += n;
            }
        }
        return keys;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int keysHeaderLength() {
        return HEADER;
    }

    /** Length in bytes of key {@code which} in {@link #keys}, -1 when the message has none. */
    public int keyLength(int which) {
        byte[] b = keys;
        int at = 4 * which;
        return (b[at] << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /** Where key {@code which} starts in {@link #keys}. */
    public int keyOffset(int which) {
        int at = HEADER;
        for (int i = 0; i < which; i++) {
            at += Math.max(0, keyLength(i));
        }
        return at;
    }

    private String key(int which) {
        int n = keyLength(which);
        return n < 0 ? null : new String(keys, keyOffset(which), n, StandardCharsets.UTF_8);
    }

    /** Call-ID (compact form i), null when missing; decoded on each call. */
    public String callId() {
        return key(CALL_ID);
    }

    /** Tag parameter of From, null when absent. */
    public String fromTag() {
        return key(FROM_TAG);
    }

    /** Tag parameter of To, null when absent. */
    public String toTag() {
        return key(TO_TAG);
    }

    /** Branch parameter of the top Via, null when absent. */
    public String branch() {
        return key(BRANCH);
    }

    /** Request-URI text, null for a response. */
    @Override
    public String requestUri() {
        return requestUri != null ? requestUri : text(REQUEST_URI, null);
    }

    /** User part of the From URI (or the whole URI when it has no user part), null when absent. */
    @Override
    public String fromUser() {
        return fromUser(null);
    }

    /** {@link #fromUser()} through {@code names} (null: a new String). */
    public String fromUser(TextInterner names) {
        return fromUser != null ? shared(names, fromUser) : text(FROM_USER, names);
    }

    /** User part of the To URI, null when absent. */
    @Override
    public String toUser() {
        return toUser(null);
    }

    /** {@link #toUser()} through {@code names} (null: a new String). */
    public String toUser(TextInterner names) {
        return toUser != null ? shared(names, toUser) : text(TO_USER, names);
    }

    /** Display name of From, unquoted; null when absent or empty. */
    @Override
    public String fromDisplay() {
        return fromDisplay(null);
    }

    /** {@link #fromDisplay()} through {@code names} (null: a new String). */
    public String fromDisplay(TextInterner names) {
        if (fromDisplay != null) {
            return shared(names, fromDisplay);
        }
        return display(keys, keyOffset(FROM_DISPLAY_QUOTED), keyLength(FROM_DISPLAY_QUOTED),
                keyOffset(FROM_DISPLAY_TOKEN), keyLength(FROM_DISPLAY_TOKEN), names);
    }

    /**
     * The From display name of packed parts: the quoted one unquoted, else the token one; null when absent or empty.
     * Shared with {@link SipBatch}, whose rows hold the same parts.
     */
    static String display(byte[] b, int quotedAt, int quotedLength, int tokenAt, int tokenLength,
                          TextInterner names) {
        String d;
        if (quotedLength >= 0) {
            d = Quoted.isPlain(b, quotedAt, quotedAt + quotedLength) ? text(b, quotedAt, quotedLength, names)
                    : shared(names, Quoted.unquote(b, quotedAt, quotedAt + quotedLength));
        } else {
            d = text(b, tokenAt, tokenLength, names);
        }
        return d == null || d.isEmpty() ? null : d;
    }

    private static String shared(TextInterner names, String s) {
        return names == null ? s : names.intern(s);
    }

    /** A packed text part as a String ("" when empty), through {@code names} when given; null when absent. */
    private String text(int which, TextInterner names) {
        return text(keys, keyOffset(which), keyLength(which), names);
    }

    /** The text part {@code b[at, at+n)} ("" when empty), through {@code names} when given; null when n < 0. */
    static String text(byte[] b, int at, int n, TextInterner names) {
        if (n < 0) {
            return null;
        }
        return names == null ? ByteText.text(b, at, at + n) : names.intern(b, at, n);
    }

    public boolean isResponse() {
        return !request;
    }

    public boolean hasSdp() {
        return hasSdp(contentType);
    }

    /** Whether a body of this media type may carry SDP (SDP itself, or a multipart body). */
    static boolean hasSdp(String contentType) {
        return "application/sdp".equals(contentType)
                || (contentType != null && contentType.startsWith("multipart/"));
    }

    /** "INVITE" for a request, "200 OK" for a response: the label of an arrow. */
    public String label() {
        return request ? method : statusCode + (reasonPhrase == null || reasonPhrase.isEmpty() ? "" : " " + reasonPhrase);
    }
}
