package dev.parley.decode.sip;

import dev.parley.decode.Anomaly;
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
 * @param callId         Call-ID (compact form i), null when missing
 * @param fromTag        tag parameter of From
 * @param toTag          tag parameter of To
 * @param fromUser       user part of the From URI (or the whole URI when it has no user part)
 * @param toUser         user part of the To URI
 * @param fromDisplay    display name of From, unquoted
 * @param cseq           CSeq number
 * @param cseqMethod     CSeq method
 * @param branch         branch parameter of the top Via
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
 */
public record SipSummary(
        boolean request, String method, int statusCode, String reasonPhrase, String requestUri,
        String callId, String fromTag, String toTag, String fromUser, String toUser, String fromDisplay,
        long cseq, String cseqMethod, String branch, String viaTransport,
        String contentType, int contentLength, int bodyLength,
        int expires, String reason, String correlationId, String userAgent, String textPreview,
        String event, String subscriptionState, List<Anomaly> anomalies) {

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
