package dev.parley.view.callflow;

import dev.parley.session.sip.CallState;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.callflow.Rows.Field;
import dev.parley.view.callflow.Rows.MediaRow;
import dev.parley.view.callflow.Rows.PagerRow;
import dev.parley.view.callflow.Rows.Party;
import dev.parley.view.callflow.Rows.TimelineRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The call flow summary of one SIP session (Wireshark's VoIP call detail, sngrep's flow summary): parties, state,
 * timings, state timeline, negotiated media; for non-call sessions the registration, pager or subscription facts.
 * Holds no Node. {@link #show} parses a few messages (INVITE, 2xx, re-INVITE) through the bytes function.
 */
public final class CallFlowViewModel {
    private static final String NA = Durations.NOT_APPLICABLE;

    private final ReadOnlyObjectWrapper<SipSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyBooleanWrapper isCall = new ReadOnlyBooleanWrapper(this, "call");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);
    private final ReadOnlyObjectWrapper<CallState> callState = new ReadOnlyObjectWrapper<>(this, "callState");
    private final ReadOnlyStringWrapper postDialDelay = new ReadOnlyStringWrapper(this, "postDialDelay", NA);
    private final ReadOnlyStringWrapper setupTime = new ReadOnlyStringWrapper(this, "setupTime", NA);
    private final ReadOnlyStringWrapper ringTime = new ReadOnlyStringWrapper(this, "ringTime", NA);
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper(this, "duration", NA);
    private final ReadOnlyStringWrapper endedBy = new ReadOnlyStringWrapper(this, "endedBy", NA);
    private final ReadOnlyStringWrapper endReason = new ReadOnlyStringWrapper(this, "endReason", NA);
    private final ReadOnlyObjectWrapper<Party> caller = new ReadOnlyObjectWrapper<>(this, "caller");
    private final ReadOnlyObjectWrapper<Party> callee = new ReadOnlyObjectWrapper<>(this, "callee");
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<MediaRow> media = FXCollections.observableArrayList();
    private final ObservableList<MediaRow> mediaView = FXCollections.unmodifiableObservableList(media);
    private final ObservableList<Field> details = FXCollections.observableArrayList();
    private final ObservableList<Field> detailsView = FXCollections.unmodifiableObservableList(details);
    private final ObservableList<PagerRow> pagerMessages = FXCollections.observableArrayList();
    private final ObservableList<PagerRow> pagerMessagesView = FXCollections.unmodifiableObservableList(pagerMessages);

    /**
     * Shows a session (after loading; the session must not change meanwhile). {@code bytes} gives a message's bytes
     * (ref::bytes, or an OriginReader), null or returning null when they cannot be read.
     */
    public void show(SipSession s, Function<SipMessageRef, byte[]> bytes) {
        if (s == null) {
            clear();
            return;
        }
        apply(s, SessionSummarizer.summarize(s, bytes));
    }

    public void clear() {
        session.set(null);
        isCall.set(false);
        kind.set("");
        headline.set("");
        state.set("");
        tone.set(Tone.NEUTRAL);
        callState.set(null);
        postDialDelay.set(NA);
        setupTime.set(NA);
        ringTime.set(NA);
        duration.set(NA);
        endedBy.set(NA);
        endReason.set(NA);
        caller.set(null);
        callee.set(null);
        timeline.clear();
        media.clear();
        details.clear();
        pagerMessages.clear();
    }

    private void apply(SipSession s, SessionSummary m) {
        session.set(s);
        isCall.set(m.callState() != null);
        kind.set(m.kind());
        headline.set(m.headline());
        state.set(m.state());
        tone.set(m.tone());
        callState.set(m.callState());
        postDialDelay.set(m.postDialDelay());
        setupTime.set(m.setupTime());
        ringTime.set(m.ringTime());
        duration.set(m.duration());
        endedBy.set(m.endedBy());
        endReason.set(m.endReason());
        caller.set(m.caller());
        callee.set(m.callee());
        timeline.setAll(m.timeline());
        media.setAll(m.media());
        details.setAll(m.details());
        pagerMessages.setAll(m.pagerMessages());
    }

    public ReadOnlyObjectProperty<SipSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** True for an INVITE session: the timings, end and media apply. */
    public ReadOnlyBooleanProperty callProperty() {
        return isCall.getReadOnlyProperty();
    }

    /** "Call", "Registration", "Message", "Subscription", "Options", "Other". */
    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** "Alice &lt;sip:alice@a&gt; → &lt;sip:bob@b&gt;", or "REGISTER alice" for a registration. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Badge text: the call state's display name, "REGISTERED", "DELIVERED", "ACTIVE"... */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** The call state, null for non-call sessions. */
    public ReadOnlyObjectProperty<CallState> callStateProperty() {
        return callState.getReadOnlyProperty();
    }

    /** INVITE to first 18x, formatted; "—" when not applicable. */
    public ReadOnlyStringProperty postDialDelayProperty() {
        return postDialDelay.getReadOnlyProperty();
    }

    /** INVITE to first 2xx. */
    public ReadOnlyStringProperty setupTimeProperty() {
        return setupTime.getReadOnlyProperty();
    }

    /** First 18x to answer (or to the end when never answered). */
    public ReadOnlyStringProperty ringTimeProperty() {
        return ringTime.getReadOnlyProperty();
    }

    /** Answer to end for calls; first to last message for other sessions. */
    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** "caller", "callee", "unknown" or "—". */
    public ReadOnlyStringProperty endedByProperty() {
        return endedBy.getReadOnlyProperty();
    }

    /** "BYE", "CANCEL", "486 Busy Here", with " (Reason: ...)" when a Reason header said why; "—" otherwise. */
    public ReadOnlyStringProperty endReasonProperty() {
        return endReason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Party> callerProperty() {
        return caller.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Party> calleeProperty() {
        return callee.getReadOnlyProperty();
    }

    /** Call state changes (for other sessions: transactions) with times from the session start. */
    public ObservableList<TimelineRow> timeline() {
        return timelineView;
    }

    /** m= lines of the offer and answer of the initial INVITE and of the latest re-INVITE. */
    public ObservableList<MediaRow> media() {
        return mediaView;
    }

    /** Facts as label/value pairs: Call-ID, counts; registration AoR, challenged, authorized, expires... */
    public ObservableList<Field> details() {
        return detailsView;
    }

    /** Pager-mode MESSAGEs of the session with their text and delivery status. */
    public ObservableList<PagerRow> pagerMessages() {
        return pagerMessagesView;
    }

    /** The value of a detail by label, or null: convenient for tests and tooltips. */
    public String detail(String label) {
        for (Field f : details) {
            if (f.label().equals(label)) {
                return f.value();
            }
        }
        return null;
    }
}
