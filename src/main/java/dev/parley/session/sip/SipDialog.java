package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A dialog: Call-ID plus the two tags (RFC 3261 section 12). Responses of several forks to one INVITE, with different
 * To tags, make separate early dialogs; a 2xx confirms one. Tags are kept as the initial request named them:
 * {@link #localTag()} is the From tag of the dialog-creating request, {@link #remoteTag()} the To tag of the answer.
 */
public final class SipDialog {

    /** RFC 3261 dialog states, plus TERMINATED once a BYE or a failure ended it. */
    public enum State { EARLY, CONFIRMED, TERMINATED }

    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private final long createdNanos;
    private State state;
    private long confirmedNanos = -1;
    private long terminatedNanos = -1;
    private final ArrayList<SipMessageRef> messages = new ArrayList<>(4);

    SipDialog(String callId, String localTag, String remoteTag, State state, long createdNanos) {
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        this.state = state;
        this.createdNanos = createdNanos;
        if (state == State.CONFIRMED) {
            confirmedNanos = createdNanos;
        }
    }

    /** Same dialog whichever side sent the message (the tags swap between From and To). */
    boolean matches(String fromTag, String toTag) {
        return (localTag.equals(fromTag) && remoteTag.equals(toTag))
                || (localTag.equals(toTag) && remoteTag.equals(fromTag));
    }

    void add(SipMessageRef m) {
        messages.add(m);
    }

    void confirm(long nanos) {
        if (state == State.EARLY) {
            state = State.CONFIRMED;
            confirmedNanos = nanos;
        }
    }

    void terminate(long nanos) {
        if (state != State.TERMINATED) {
            state = State.TERMINATED;
            terminatedNanos = nanos;
        }
    }

    public String callId() {
        return callId;
    }

    public String localTag() {
        return localTag;
    }

    public String remoteTag() {
        return remoteTag;
    }

    public State state() {
        return state;
    }

    public long createdNanos() {
        return createdNanos;
    }

    /** When a 2xx confirmed the dialog, -1 if never. */
    public long confirmedNanos() {
        return confirmedNanos;
    }

    /** When a BYE or a failure ended it, -1 if never. */
    public long terminatedNanos() {
        return terminatedNanos;
    }

    /** Messages that carried both tags of this dialog, in capture order. */
    void trim() {
        messages.trimToSize();
    }

    public List<SipMessageRef> messages() {
        return Collections.unmodifiableList(messages);
    }

    @Override
    public String toString() {
        return "Dialog[" + callId + " " + localTag + "/" + remoteTag + " " + state + "]";
    }
}
