package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.sip.SipBatch;
import dev.parley.decode.sip.TextInterner;

/**
 * The message a session is adding, as the values {@link SipSession#add} already holds, for the views it then updates
 * (dialogs, call, registration, pager messages, subscription). One instance per correlator, refilled for each
 * message: the views read plain fields instead of decoding the row back from the message table through a
 * {@link SipMessageRef} made per message.
 * Valid during that one {@code add} only.
 */
final class MessageFacts {
    SipSession session;
    /** The message as a row of its batch, for what only some views read (names, Reason, Expires, Event...). */
    SipBatch batch;
    int index;
    int row;
    long nanos;
    Flow flow;
    boolean request;
    /** Request method, or the CSeq method for a response (as {@link SipMessageRef#method}). */
    String method;
    String cseqMethod;
    int status;
    String reasonPhrase;
    long cseq;
    boolean resent;
    int fromSlot;
    /** The From tag's text, only past the session's tag slots (see {@link TagSlots}). */
    String fromText;
    int toSlot;
    String toText;
    int tx;
    /** The session's caller, callee and display name were just taken from this message (the same as its own). */
    boolean named;

    /** Whose message it is, its batch row, its table row, capture time and flow (the kept copy). */
    void where(SipSession session, SipBatch batch, int index, int row, long nanos, Flow flow) {
        this.session = session;
        this.batch = batch;
        this.index = index;
        this.row = row;
        this.nanos = nanos;
        this.flow = flow;
    }

    /** Its start line and CSeq, with the name table's copies of the names. */
    void what(boolean request, String method, String cseqMethod, int status, String reasonPhrase, long cseq) {
        this.request = request;
        this.method = method;
        this.cseqMethod = cseqMethod;
        this.status = status;
        this.reasonPhrase = reasonPhrase;
        this.cseq = cseq;
    }

    /** What the session matched it to: its transaction, whether it repeats one, its tags' slots. */
    void keys(int tx, boolean resent, int fromSlot, String fromText, int toSlot, String toText) {
        this.tx = tx;
        this.resent = resent;
        this.fromSlot = fromSlot;
        this.fromText = fromText;
        this.toSlot = toSlot;
        this.toText = toText;
    }

    // the names: the session's when it just took them from this message (the same Strings), else looked up again

    String fromUser(TextInterner names) {
        return named ? session.caller() : batch.fromUser(index, names);
    }

    String toUser(TextInterner names) {
        return named ? session.callee() : batch.toUser(index, names);
    }

    String fromDisplay(TextInterner names) {
        return named ? session.callerDisplay() : batch.fromDisplay(index, names);
    }

    String reason() {
        return batch.reason(index);
    }

    int expires() {
        return batch.expires(index);
    }

    String event() {
        return batch.event(index);
    }

    String subscriptionState() {
        return batch.subscriptionState(index);
    }

    String textPreview() {
        return batch.textPreview(index);
    }

    boolean hasToTag() {
        return toSlot != 0;
    }

    /** The method the views go by: the request's, or the CSeq method of a response. */
    String viewMethod() {
        return request ? method : cseqMethod;
    }

    /** "INVITE" for a request, "180 Ringing" for a response (as {@link SipMessageRef#label}). */
    String label() {
        if (request) {
            return method;
        }
        // concat, not "+": no StringConcatFactory bootstrap on the correlating thread during a load (note 43)
        String code = Integer.toString(status);
        return reasonPhrase == null || reasonPhrase.isEmpty() ? code : code.concat(" ").concat(reasonPhrase);
    }
}
