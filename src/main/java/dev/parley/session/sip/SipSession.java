package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything seen for one Call-ID: its messages in capture order (as compact {@link SipMessageRef}s), transactions,
 * dialogs, and the view that fits its kind (call, registration, pager messages, subscription). Built by
 * {@link SipCorrelator}; read-only for everyone else.
 */
public final class SipSession {
    private static final int LINEAR_TX_SCAN = 16;
    private static final int SHARED_SLOTS = 8;

    private final String callId;
    private SessionKind kind;
    private boolean kindFromRequest;
    private final ArrayList<SipMessageRef> messages = new ArrayList<>(8);
    private final ArrayList<SipTransaction> transactions = new ArrayList<>(4);
    private Map<TxKey, SipTransaction> txIndex; // only for long-lived Call-IDs (keep-alives, refreshes)
    private List<SipDialog> dialogs = List.of();
    private SipCall call;
    private SipRegistration registration;
    private List<PagerMessage> pagerMessages = List.of();
    private SipSubscription subscription;
    private List<SipSession> related = List.of();
    private List<Anomaly> anomalies = List.of();
    private String caller;
    private String callee;
    private String callerDisplay;
    private String userAgent;
    private String correlationId;
    private String reason;
    private long firstNanos = -1;
    private long lastNanos = -1;
    private ResendDetector resend = new ResendDetector(); // null once settled, remade if the Call-ID wakes up
    private Object[] shared = new Object[SHARED_SLOTS]; // distinct flows and tags, to keep one copy of each
    private int sharedCount;

    private record TxKey(String branch, long cseq, String method) {
    }

    SipSession(String callId) {
        this.callId = callId;
    }

    /** Records one message of this Call-ID and updates every view; returns its compact record. */
    SipMessageRef add(SipEvent e, int index, Interner in) {
        SipSummary s = e.sip();
        boolean request = s.request();
        String method = in.intern(s.method());
        String cseqMethod = in.intern(s.cseqMethod());
        long t = e.timestampNanos();
        if (resend == null) {
            resend = new ResendDetector();
            shared = new Object[SHARED_SLOTS];
        }
        boolean resent = resend.isResent(e.flow(), request, s.cseq(), cseqMethod, s.statusCode());

        boolean ackOfFailure = false;
        SipTransaction tx = null;
        if (request && "ACK".equals(method)) {
            SipTransaction invite = findTx(s.branch(), s.cseq(), "INVITE");
            if (invite != null && invite.finalStatus() >= 300) {
                tx = invite;
                ackOfFailure = true;
            }
        }
        if (tx == null) {
            String txMethod = request || cseqMethod == null ? method : cseqMethod;
            tx = findTx(s.branch(), s.cseq(), txMethod);
            if (tx == null) {
                tx = newTx(s.branch(), s.cseq(), txMethod);
            }
        }
        // Flows, tags and branches repeat within a Call-ID: point at one copy so a message costs one small record.
        SipMessageRef m = new SipMessageRef(index, e.frame(), t, share(e.flow()), e.origin(), request, method,
                s.statusCode(), in.intern(s.reasonPhrase()), s.cseq(), cseqMethod,
                s.branch() != null && s.branch().equals(tx.branch()) ? tx.branch() : s.branch(),
                share(s.fromTag()), share(s.toTag()), s.hasSdp(), resent, tx, e.bytes());
        if (ackOfFailure) {
            tx.addAck(m);
        } else {
            tx.add(m);
        }
        messages.add(m);
        if (firstNanos < 0) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        noteFields(s, request, method, cseqMethod, in);
        updateDialogs(m, tx);
        updateViews(m, s);
        return m;
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < sharedCount; i++) {
            if (shared[i].equals(value)) {
                return (T) shared[i];
            }
        }
        if (sharedCount < SHARED_SLOTS) {
            shared[sharedCount++] = value;
        }
        return value;
    }

    private void noteFields(SipSummary s, boolean request, String method, String cseqMethod, Interner in) {
        if (kind == null || (request && !kindFromRequest)) {
            kind = SessionKind.of(request ? method : cseqMethod);
            kindFromRequest = request;
            if (request || caller == null) {
                caller = s.fromUser();
                callee = s.toUser();
                callerDisplay = s.fromDisplay();
            }
        }
        if (userAgent == null && s.userAgent() != null) {
            userAgent = in.intern(s.userAgent());
        }
        if (correlationId == null) {
            correlationId = s.correlationId();
        }
        if (s.reason() != null) {
            reason = s.reason();
        }
        List<Anomaly> found = s.anomalies();
        if (found != null && !found.isEmpty()) {
            if (anomalies.isEmpty()) {
                anomalies = new ArrayList<>(found.size());
            }
            anomalies.addAll(found);
        }
    }

    private void updateViews(SipMessageRef m, SipSummary s) {
        if (kind == SessionKind.CALL) {
            if (call == null) {
                call = new SipCall();
            }
            CallTracker.update(call, m, s);
        }
        String method = m.request() ? m.method() : m.cseqMethod();
        if (method == null) {
            return;
        }
        switch (method) {
            case "REGISTER":
                if (registration == null) {
                    registration = new SipRegistration();
                }
                registration.update(m, s);
                break;
            case "MESSAGE":
                updatePager(m, s);
                break;
            case "SUBSCRIBE": case "NOTIFY": case "PUBLISH":
                if (subscription == null) {
                    subscription = new SipSubscription();
                }
                subscription.update(m, s);
                break;
            default:
                break;
        }
    }

    private void updatePager(SipMessageRef m, SipSummary s) {
        if (m.request()) {
            if (m.transaction().request() == m) { // not a retransmission
                if (pagerMessages.isEmpty()) {
                    pagerMessages = new ArrayList<>(1);
                }
                pagerMessages.add(new PagerMessage(m, s.fromUser(), s.toUser(), s.fromDisplay(), s.textPreview()));
            }
            return;
        }
        if (m.statusCode() < 200) {
            return;
        }
        for (int i = pagerMessages.size() - 1; i >= 0; i--) {
            PagerMessage p = pagerMessages.get(i);
            if (p.request().cseq() == m.cseq()) {
                p.answer(m);
                return;
            }
        }
    }

    private void updateDialogs(SipMessageRef m, SipTransaction tx) {
        String fromTag = m.fromTag();
        String toTag = m.toTag();
        String method = m.request() ? m.method() : m.cseqMethod();
        int code = m.statusCode();
        if (fromTag != null && toTag != null && method != null) {
            SipDialog d = findDialog(fromTag, toTag);
            if (d == null) {
                if (m.request() && livesInDialog(method)) {
                    d = newDialog(fromTag, toTag, SipDialog.State.CONFIRMED, m.timestampNanos()); // joined late
                } else if (!m.request() && formsDialog(method) && code > 100 && code < 300) {
                    d = newDialog(fromTag, toTag, code < 200 ? SipDialog.State.EARLY : SipDialog.State.CONFIRMED,
                            m.timestampNanos());
                }
            }
            if (d != null) {
                d.add(m);
                if (!m.request() && code >= 200 && code < 300 && formsDialog(method)) {
                    d.confirm(m.timestampNanos());
                } else if (m.request() && "BYE".equals(method)) {
                    d.terminate(m.timestampNanos());
                } else if (!m.request() && code == 481) {
                    d.terminate(m.timestampNanos());
                }
            }
        }
        if (!m.request() && code >= 300 && "INVITE".equals(method)
                && (tx.request() == null || tx.request().toTag() == null)) {
            for (SipDialog d : dialogs) { // a failed initial INVITE ends every early dialog of its forks
                if (d.state() == SipDialog.State.EARLY) {
                    d.terminate(m.timestampNanos());
                }
            }
        }
    }

    private static boolean formsDialog(String method) {
        return "INVITE".equals(method) || "SUBSCRIBE".equals(method) || "REFER".equals(method)
                || "NOTIFY".equals(method);
    }

    private static boolean livesInDialog(String method) {
        return !("REGISTER".equals(method) || "OPTIONS".equals(method) || "MESSAGE".equals(method)
                || "PUBLISH".equals(method) || "CANCEL".equals(method));
    }

    private SipDialog findDialog(String fromTag, String toTag) {
        for (SipDialog d : dialogs) {
            if (d.matches(fromTag, toTag)) {
                return d;
            }
        }
        return null;
    }

    private SipDialog newDialog(String fromTag, String toTag, SipDialog.State state, long nanos) {
        if (dialogs.isEmpty()) {
            dialogs = new ArrayList<>(2);
        }
        SipDialog d = new SipDialog(callId, fromTag, toTag, state, nanos);
        dialogs.add(d);
        return d;
    }

    private SipTransaction findTx(String branch, long cseq, String method) {
        if (txIndex != null) {
            return txIndex.get(new TxKey(branch, cseq, method));
        }
        for (int i = transactions.size() - 1; i >= 0; i--) {
            SipTransaction tx = transactions.get(i);
            if (tx.matches(branch, cseq, method)) {
                return tx;
            }
        }
        return null;
    }

    private SipTransaction newTx(String branch, long cseq, String method) {
        SipTransaction tx = new SipTransaction(branch, cseq, method);
        transactions.add(tx);
        if (txIndex == null && transactions.size() > LINEAR_TX_SCAN) {
            txIndex = new HashMap<>();
            for (SipTransaction t : transactions) {
                txIndex.putIfAbsent(new TxKey(t.branch(), t.cseq(), t.method()), t);
            }
        } else if (txIndex != null) {
            txIndex.putIfAbsent(new TxKey(branch, cseq, method), tx);
        }
        return tx;
    }

    void link(SipSession other) {
        if (other == this || related.contains(other)) {
            return;
        }
        if (related.isEmpty()) {
            related = new ArrayList<>(1);
        }
        related.add(other);
    }

    /**
     * Called when the Call-ID has been idle for a while in capture time: drops the state that only serves to match
     * messages still to come (retransmission memory, the string-sharing table, the transaction index) and trims the
     * lists, so that a long capture keeps only what the views need. A later message simply remakes that state; only
     * a retransmission arriving after the idle time would then not be flagged as resent.
     */
    void settle() {
        resend = null;
        shared = null;
        sharedCount = 0;
        txIndex = null;
        messages.trimToSize();
        transactions.trimToSize();
        for (SipDialog d : dialogs) {
            d.trim();
        }
    }

    boolean isActiveSince(long nanos) {
        return lastNanos >= nanos;
    }

    /** Settles unless already settled and quiet since. */
    void settleOnce() {
        if (resend != null) {
            settle();
        }
    }

    void finish() {
        if (call != null && !call.state().isTerminal()) {
            call.openAtEnd = true;
        }
    }

    /** True when nothing more is expected: a call in a terminal state, or another kind whose last transaction ended. */
    boolean isCompleted() {
        if (call != null) {
            return call.state().isTerminal();
        }
        return !transactions.isEmpty() && transactions.get(transactions.size() - 1).isCompleted();
    }

    public String callId() {
        return callId;
    }

    public SessionKind kind() {
        return kind;
    }

    /** Messages in capture order. */
    public List<SipMessageRef> messages() {
        return Collections.unmodifiableList(messages);
    }

    /** Transactions in order of their first message. */
    public List<SipTransaction> transactions() {
        return Collections.unmodifiableList(transactions);
    }

    /** Dialogs (early, confirmed, terminated) in order of creation. */
    public List<SipDialog> dialogs() {
        return Collections.unmodifiableList(dialogs);
    }

    /** The call view for kind CALL, else null. */
    public SipCall call() {
        return call;
    }

    /** The REGISTER view when this Call-ID carried REGISTER, else null. */
    public SipRegistration registration() {
        return registration;
    }

    /** MESSAGE requests (retransmissions excluded) with their delivery status. */
    public List<PagerMessage> pagerMessages() {
        return Collections.unmodifiableList(pagerMessages);
    }

    /** The SUBSCRIBE/NOTIFY/PUBLISH view, else null. */
    public SipSubscription subscription() {
        return subscription;
    }

    /** Other legs of the same call, linked by X-Call-ID / X-CID in either direction. */
    public List<SipSession> relatedSessions() {
        return Collections.unmodifiableList(related);
    }

    /** Anomalies the scanner reported on this Call-ID's messages. */
    public List<Anomaly> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }

    /** From user of the first request (of the first message when no request was seen). */
    public String caller() {
        return caller;
    }

    /** To user of the first request. */
    public String callee() {
        return callee;
    }

    public String callerDisplay() {
        return callerDisplay;
    }

    /** First User-Agent or Server header seen. */
    public String userAgent() {
        return userAgent;
    }

    /** X-Call-ID / X-CID value naming another leg, or null. */
    public String correlationId() {
        return correlationId;
    }

    /** Last Reason header seen, or null. */
    public String reason() {
        return reason;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    @Override
    public String toString() {
        return "SipSession[" + callId + " " + kind + " " + messages.size() + " messages]";
    }
}
