package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;

/**
 * The compact record kept for each SIP message (DESIGN.md decision 2): where its bytes are and the few fields the
 * views need. Full headers are re-parsed from {@link #origin()} on demand.
 *
 * @param index          position of the message in capture order (0-based, over all messages the correlator saw)
 * @param method         request method, or the CSeq method for a response (interned)
 * @param statusCode     response status, -1 for a request
 * @param reasonPhrase   response reason phrase (interned), null for a request
 * @param sdp            the body is SDP (or multipart, which usually carries SDP)
 * @param resent         a retransmission as tshark's {@code -z sip,stat} counts it (UDP only, same direction)
 * @param transaction    the transaction the message belongs to
 * @param bytes          the message bytes when the loader kept them, else null
 */
public record SipMessageRef(int index, long frame, long timestampNanos, Flow flow, Origin origin,
                            boolean request, String method, int statusCode, String reasonPhrase,
                            long cseq, String cseqMethod, String branch, String fromTag, String toTag,
                            boolean sdp, boolean resent, SipTransaction transaction, byte[] bytes) {

    public boolean isResponse() {
        return !request;
    }

    public boolean isProvisional() {
        return !request && statusCode < 200;
    }

    public boolean isFinal() {
        return !request && statusCode >= 200;
    }

    /** "INVITE" for a request, "180 Ringing" for a response: the label of an arrow. */
    public String label() {
        if (request) {
            return method;
        }
        return reasonPhrase == null || reasonPhrase.isEmpty() ? Integer.toString(statusCode)
                : statusCode + " " + reasonPhrase;
    }

    @Override
    public String toString() {
        return "#" + index + " " + label() + " (" + cseq + " " + cseqMethod + ")" + (resent ? " resent" : "");
    }
}
