package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;

/**
 * The compact record kept for each SIP message (DESIGN.md decision 2): where its bytes are and the few fields the
 * views need. Full headers are re-parsed from {@link #origin()} on demand.
 *
 * <p>A class rather than a record so that the common case, a message carried whole by one frame, keeps its location
 * as two numbers instead of an {@link Origin} object: at 885k messages that is some 60 MB less. Flows, tags, branch
 * and method strings are shared with the session, transaction and correlator.
 */
public final class SipMessageRef {
    private static final byte REQUEST = 1;
    private static final byte SDP = 2;
    private static final byte RESENT = 4;

    private final int index;
    private final long frame;
    private final long timestampNanos;
    private final Flow flow;
    private final long fileOffset; // single-run origin in this frame; -1 when {@link #spread} holds the origin
    private final int length;
    private final Origin spread;
    private final byte flags;
    private final short statusCode;
    private final String method;
    private final String reasonPhrase;
    private final long cseq;
    private final String cseqMethod;
    private final String branch;
    private final String fromTag;
    private final String toTag;
    private final SipTransaction transaction;
    private final byte[] bytes;

    /**
     * @param index        position of the message in capture order (0-based, over all messages the correlator saw)
     * @param method       request method, or the CSeq method for a response (interned)
     * @param statusCode   response status, -1 for a request
     * @param reasonPhrase response reason phrase (interned), null for a request
     * @param sdp          the body is SDP (or multipart, which usually carries SDP)
     * @param resent       a retransmission as tshark's {@code -z sip,stat} counts it (UDP only, same direction)
     * @param transaction  the transaction the message belongs to
     * @param bytes        the message bytes when the loader kept them, else null
     */
    SipMessageRef(int index, long frame, long timestampNanos, Flow flow, Origin origin,
                  boolean request, String method, int statusCode, String reasonPhrase,
                  long cseq, String cseqMethod, String branch, String fromTag, String toTag,
                  boolean sdp, boolean resent, SipTransaction transaction, byte[] bytes) {
        this.index = index;
        this.frame = frame;
        this.timestampNanos = timestampNanos;
        this.flow = flow;
        boolean single = origin != null && origin.runCount() == 1 && origin.frame(0) == frame
                && origin.inlineBytes() == null;
        this.fileOffset = single ? origin.fileOffset(0) : -1;
        this.length = single ? origin.length(0) : 0;
        this.spread = single ? null : origin;
        this.flags = (byte) ((request ? REQUEST : 0) | (sdp ? SDP : 0) | (resent ? RESENT : 0));
        this.statusCode = (short) statusCode;
        this.method = method;
        this.reasonPhrase = reasonPhrase;
        this.cseq = cseq;
        this.cseqMethod = cseqMethod;
        this.branch = branch;
        this.fromTag = fromTag;
        this.toTag = toTag;
        this.transaction = transaction;
        this.bytes = bytes;
    }

    public int index() {
        return index;
    }

    /** Number of the frame that completed the message. */
    public long frame() {
        return frame;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public Flow flow() {
        return flow;
    }

    /** Where the message's bytes are in the capture (rebuilt for the common single-frame case). */
    public Origin origin() {
        return spread != null ? spread : fileOffset >= 0 ? Origin.of(frame, fileOffset, length) : null;
    }

    public boolean request() {
        return (flags & REQUEST) != 0;
    }

    public String method() {
        return method;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    public long cseq() {
        return cseq;
    }

    public String cseqMethod() {
        return cseqMethod;
    }

    public String branch() {
        return branch;
    }

    public String fromTag() {
        return fromTag;
    }

    public String toTag() {
        return toTag;
    }

    public boolean sdp() {
        return (flags & SDP) != 0;
    }

    public boolean resent() {
        return (flags & RESENT) != 0;
    }

    public SipTransaction transaction() {
        return transaction;
    }

    /** The message bytes when the loader kept them, else null (read them through {@link #origin()}). */
    public byte[] bytes() {
        return bytes;
    }

    public boolean isResponse() {
        return !request();
    }

    public boolean isProvisional() {
        return !request() && statusCode < 200;
    }

    public boolean isFinal() {
        return !request() && statusCode >= 200;
    }

    /** "INVITE" for a request, "180 Ringing" for a response: the label of an arrow. */
    public String label() {
        if (request()) {
            return method;
        }
        return reasonPhrase == null || reasonPhrase.isEmpty() ? Integer.toString(statusCode)
                : statusCode + " " + reasonPhrase;
    }

    @Override
    public String toString() {
        return "#" + index + " " + label() + " (" + cseq + " " + cseqMethod + ")" + (resent() ? " resent" : "");
    }
}
