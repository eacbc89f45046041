package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;

/**
 * One SIP message as the views see it (DESIGN.md decision 2): where its bytes are and the few fields the views need.
 * Full headers are re-parsed from {@link #origin()} on demand.
 *
 * <p>A light view over one row of the correlator's columnar message table, made on demand by the accessors of
 * sessions, transactions and dialogs: the fields live in primitive columns, so a loaded message costs some 40 bytes
 * and no object. Two refs to the same message are {@link #equals equal}, but not necessarily the same object: compare
 * with {@code equals}, never {@code ==}.
 */
public final class SipMessageRef {
    private final SipSession session;
    private final int index;

    SipMessageRef(SipSession session, int index) {
        this.session = session;
        this.index = index;
    }

    SipSession session() {
        return session;
    }

    int fromSlot() {
        return table().fromSlot(index);
    }

    private MessageTable table() {
        return session.table();
    }

    /** Position of the message in capture order (0-based, over all messages the correlator saw). */
    public int index() {
        return index;
    }

    /** Number of the frame that completed the message. */
    public long frame() {
        return table().frame(index);
    }

    public long timestampNanos() {
        return table().time(index);
    }

    public Flow flow() {
        return table().flow(index);
    }

    /** Where the message's bytes are in the capture (rebuilt for the common single-frame case). */
    public Origin origin() {
        return table().origin(index);
    }

    public boolean request() {
        return table().request(index);
    }

    /** Request method, or the CSeq method for a response. */
    public String method() {
        return table().method(index);
    }

    /** Response status, -1 for a request. */
    public int statusCode() {
        return table().status(index);
    }

    /** Response reason phrase, null for a request. */
    public String reasonPhrase() {
        return table().reason(index);
    }

    public long cseq() {
        return table().transactions.cseq(table().transaction(index));
    }

    public String cseqMethod() {
        return table().cseqMethod(index);
    }

    /** Top Via branch (the transaction's: a message always matches its transaction's branch). */
    public String branch() {
        MessageTable t = table();
        return t.pool.get(t.transactions.branch(t.transaction(index)));
    }

    public String fromTag() {
        return TagSlots.tag(session, index, 0, table().fromSlot(index));
    }

    public String toTag() {
        return TagSlots.tag(session, index, 1, table().toSlot(index));
    }

    /** {@code toTag() != null} without making the String (slot 0 is "no tag"). */
    boolean hasToTag() {
        return table().toSlot(index) != 0;
    }

    /** The body is SDP (or multipart, which usually carries SDP). */
    public boolean sdp() {
        return table().sdp(index);
    }

    /** A retransmission as tshark's {@code -z sip,stat} counts it (UDP only, same direction). */
    public boolean resent() {
        return table().resent(index);
    }

    /** The message's transaction, or null for a message without Call-ID. */
    public SipTransaction transaction() {
        int tx = table().transaction(index);
        return tx < 0 ? null : new SipTransaction(session, tx);
    }

    /** The message bytes when the loader kept them, else null (read them through {@link #origin()}). */
    public byte[] bytes() {
        return table().bytes(index);
    }

    public boolean isResponse() {
        return !request();
    }

    public boolean isProvisional() {
        return !request() && statusCode() < 200;
    }

    public boolean isFinal() {
        return !request() && statusCode() >= 200;
    }

    /** "INVITE" for a request, "180 Ringing" for a response: the label of an arrow. */
    public String label() {
        if (request()) {
            return method();
        }
        int statusCode = statusCode();
        String reasonPhrase = reasonPhrase();
        return reasonPhrase == null || reasonPhrase.isEmpty() ? Integer.toString(statusCode)
                : statusCode + " " + reasonPhrase;
    }

    /** Same message of the same correlator. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SipMessageRef r && r.index == index && r.table() == table();
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return "#" + index + " " + label() + " (" + cseq() + " " + cseqMethod() + ")" + (resent() ? " resent" : "");
    }
}
