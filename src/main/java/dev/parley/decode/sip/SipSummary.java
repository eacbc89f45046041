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
 * @param cseq           CSeq number
 * @param cseqMethod     CSeq method
 * @param contentType    media type of the body, lower case, without parameters
 * @param contentLength  declared Content-Length, -1 when absent or invalid
 * @param bodyLength     bytes of body actually present
 * @param expires        Expires header, or expires parameter of the first Contact, -1 when absent
 * @param reason         Reason header value (who/why a call ended), null when absent
 * @param correlationId  X-Call-ID / X-CID header value linking legs of one call, null when absent
 * @param textPreview    for MESSAGE requests with a text body (text/plain or CPIM), the first 200 characters
 * @param event          event package of the Event header (compact o), without parameters, e.g. "presence"
 * @param subscriptionState value of Subscription-State without parameters: "active", "pending", "terminated"
 * @param anomalies      problems found while scanning (never thrown)
 * @param keys           the Call-ID, From tag, To tag, top Via branch, From and To values, User-Agent,
 *                       Request-URI and top Via transport, packed (see {@link #keyOffset}): values unique to a call
 *                       or a transaction travel as bytes, so the load makes no String for them and the correlator
 *                       matches and stores them from the bytes; values it reads only for the first messages of a
 *                       Call-ID (the parties, the User-Agent) or never (Request-URI, transport) are not parsed for
 *                       the others. {@link #callId()}, {@link #fromUser()} and the other accessors
 *                       of these decode them on each call
 */
public record SipSummary(
        boolean request, String method, int statusCode, String reasonPhrase,
        long cseq, String cseqMethod,
        String contentType, int contentLength, int bodyLength,
        int expires, String reason, String correlationId, String textPreview,
        String event, String subscriptionState, List<Anomaly> anomalies, byte[] keys) {

    /** Which packed value: the Call-ID, the From tag, the To tag, the top Via branch (the keys the correlator
     * matches on, first so that their offsets are quick to find), then the From and To values (as on the wire,
     * trimmed), the User-Agent (or Server) value, the Request-URI and the top Via's transport token. */
    public static final int CALL_ID = 0;
    public static final int FROM_TAG = 1;
    public static final int TO_TAG = 2;
    public static final int BRANCH = 3;
    static final int FROM = 4;
    static final int TO = 5;
    static final int USER_AGENT = 6;
    static final int REQUEST_URI = 7;
    static final int VIA_TRANSPORT = 8;
    static final int KEYS = 9;
    private static final int HEADER = 4 * KEYS;

    /** A summary from String values (tests, tools): the same as the scanner's, keys packed here. */
    public static SipSummary of(
            boolean request, String method, int statusCode, String reasonPhrase, String requestUri,
            String callId, String fromTag, String toTag, String fromUser, String toUser, String fromDisplay,
            long cseq, String cseqMethod, String branch, String viaTransport,
            String contentType, int contentLength, int bodyLength,
            int expires, String reason, String correlationId, String userAgent, String textPreview,
            String event, String subscriptionState, List<Anomaly> anomalies) {
        return new SipSummary(request, method, statusCode, reasonPhrase,
                cseq, cseqMethod, contentType, contentLength, bodyLength, expires, reason,
                correlationId, textPreview, event, subscriptionState, anomalies,
                packKeys(callId, fromTag, toTag, branch, NameAddrScan.format(fromDisplay, fromUser),
                        NameAddrScan.format(null, toUser), userAgent, requestUri, viaTransport));
    }

    /** Packs the values: nine big-endian lengths (-1 for an absent one), then the UTF-8 bytes in order. */
    private static byte[] packKeys(String... values) {
        byte[][] parts = new byte[KEYS][];
        int total = HEADER;
        for (int i = 0; i < KEYS; i++) {
            parts[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
            total += parts[i] == null ? 0 : parts[i].length;
        }
        byte[] keys = new byte[total];
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

    /** User part of the From URI (or the whole URI when it has no user part); parsed on each call. */
    public String fromUser() {
        int n = keyLength(FROM);
        return n < 0 ? null : NameAddrScan.user(keys, keyOffset(FROM), keyOffset(FROM) + n);
    }

    /** User part of the To URI; parsed on each call. */
    public String toUser() {
        int n = keyLength(TO);
        return n < 0 ? null : NameAddrScan.user(keys, keyOffset(TO), keyOffset(TO) + n);
    }

    /** Display name of From, unquoted, null when absent or empty; parsed on each call. */
    public String fromDisplay() {
        int n = keyLength(FROM);
        return n < 0 ? null : NameAddrScan.display(keys, keyOffset(FROM), keyOffset(FROM) + n);
    }

    /** Request-URI text, null for a response; decoded on each call. */
    public String requestUri() {
        int n = keyLength(REQUEST_URI);
        return n < 0 ? null : ByteText.text(keys, keyOffset(REQUEST_URI), keyOffset(REQUEST_URI) + n);
    }

    /** Transport named by the top Via (UDP, TCP, TLS, SCTP, WS, WSS), upper case; named on each call. */
    public String viaTransport() {
        int n = keyLength(VIA_TRANSPORT);
        return n < 0 ? null : Names.transport(keys, keyOffset(VIA_TRANSPORT), keyOffset(VIA_TRANSPORT) + n);
    }

    /** User-Agent (or Server) header, folded lines joined; decoded on each call. */
    public String userAgent() {
        int n = keyLength(USER_AGENT);
        return n < 0 ? null : Quoted.unfold(keys, keyOffset(USER_AGENT), keyOffset(USER_AGENT) + n);
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

    public boolean isResponse() {
        return !request;
    }

    public boolean hasSdp() {
        return "application/sdp".equals(contentType)
                || (contentType != null && contentType.startsWith("multipart/"));
    }

    /** "INVITE" for a request, "200 OK" for a response: the label of an arrow. */
    public String label() {
        return request ? method : statusCode + (reasonPhrase == null || reasonPhrase.isEmpty() ? "" : " " + reasonPhrase);
    }
}
