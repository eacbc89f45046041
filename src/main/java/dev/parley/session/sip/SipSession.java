package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.sip.SipEvent;
import dev.parley.decode.sip.SipSummary;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything seen for one Call-ID: its messages in capture order (as compact {@link SipMessageRef}s), transactions,
 * dialogs, and the view that fits its kind (call, registration, pager messages, subscription). Built by
 * {@link SipCorrelator}; read-only for everyone else.
 */
public final class SipSession {
    private static final int LINEAR_TX_SCAN = 16;
    private static final int SHARED_SLOTS = 8;
    private static final int MAX_TAG_SLOTS = MessageTable.TAG_OVERFLOW - 1;

    private final int callId; // string pool id
    private final MessageTable table;
    private SessionKind kind;
    private boolean kindFromRequest;
    private int[] rows = new int[8]; // message rows in capture order
    private int count;
    private SipTransaction lastTx; // the transactions are those of the message rows, in order of first message
    private int[] tags = new int[4]; // string pool ids of the distinct tags; a message keeps slot = position + 1
    private int tagCount;
    private List<SipDialog> dialogs = List.of();
    private SipCall call;
    private SipRegistration registration;
    private List<PagerMessage> pagerMessages = List.of();
    private String caller;
    private String callee;
    private String callerDisplay;
    private String userAgent;
    private long firstNanos = -1;
    private long lastNanos = -1;
    private Extras extras; // rarely needed fields, made on first use
    private Live live = new Live(); // null once settled, remade if the Call-ID wakes up

    private record TxKey(String branch, long cseq, String method) {
    }

    /** Fields most sessions never set: one reference in the session instead of five. */
    private static final class Extras {
        SipSubscription subscription;
        List<SipSession> related = List.of();
        List<Anomaly> anomalies = List.of();
        String correlationId;
        String reason;
        String evictedCallId; // set once the session was evicted and its packed strings released
    }

    /** State that only serves to match messages still to come (dropped by {@link #settle()}). */
    private static final class Live {
        final ResendDetector resend = new ResendDetector();
        final Object[] shared = new Object[SHARED_SLOTS]; // distinct flows, to keep one copy of each
        int sharedCount;
        int txCount; // transactions so far (recounted when a settled session wakes up)
        Map<TxKey, SipTransaction> txIndex; // only for long-lived Call-IDs (keep-alives, refreshes)
    }

    private Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    SipSession(String callId, MessageTable table) {
        this.callId = table.pool.add(callId);
        this.table = table;
    }

    int callIdId() {
        return callId;
    }

    /**
     * Evicted past {@code Limits.maxCalls}: gives its rows and strings back to the table, so that memory stays bounded.
     * What remains is a shell with the summary fields (Call-ID, kind, parties, call, registration) but no messages,
     * transactions, dialogs or pager messages; refs to its messages taken before must not be read any more.
     */
    void release() {
        extras().evictedCallId = callId();
        for (SipTransaction tx : listTransactions()) {
            table.pool.release(tx.branchId());
            table.forgetCseq(tx);
        }
        for (int i = 0; i < tagCount; i++) {
            table.pool.release(tags[i]);
        }
        table.pool.release(callId);
        for (int i = 0; i < count; i++) {
            table.release(rows[i]);
        }
        rows = new int[0];
        count = 0;
        tagCount = 0;
        lastTx = null;
        live = null;
        dialogs = List.of();
        pagerMessages = List.of();
    }

    /** Messages of this session that belong to the transaction. */
    int rowsOf(SipTransaction tx) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (table.transaction(rows[i]) == tx) {
                n++;
            }
        }
        return n;
    }

    MessageTable table() {
        return table;
    }

    /** Records one message of this Call-ID and updates every view; returns its row (its index). */
    int add(SipEvent e, Interner in, Interner people) {
        SipSummary s = e.sip();
        boolean request = s.request();
        NameTable names = table.names;
        char methodId = names.id(s.method());
        String method = names.name(methodId, s.method());
        char cseqMethodId = names.id(s.cseqMethod());
        String cseqMethod = names.name(cseqMethodId, s.cseqMethod());
        char reasonId = names.id(s.reasonPhrase());
        long t = e.timestampNanos();
        if (live == null) {
            live = new Live();
            live.txCount = listTransactions().size();
        }
        boolean resent = live.resend.isResent(e.flow(), request, s.cseq(), cseqMethod, s.statusCode());

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
        int fromSlot = slot(s.fromTag());
        int toSlot = slot(s.toTag());
        int row = table.add(e.frame(), t, share(e.flow()), e.origin(), request, methodId, method, s.statusCode(),
                reasonId, s.reasonPhrase(), cseqMethodId, cseqMethod, s.hasSdp(), resent, tx, fromSlot, s.fromTag(),
                toSlot, s.toTag(), e.bytes());
        if (ackOfFailure) {
            tx.addAck(row);
        } else {
            tx.add(row);
        }
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2 + 2);
        }
        rows[count++] = row;
        if (firstNanos < 0) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        noteFields(s, request, method, cseqMethod, in, people);
        SipMessageRef m = new SipMessageRef(this, row);
        updateDialogs(m, row, fromSlot, s.fromTag(), toSlot, s.toTag(), request, method, cseqMethod,
                s.statusCode(), tx);
        updateViews(m, s, people);
        return row;
    }

    /** The tag's slot in this session (0 for none), adding it when new; past the slots, TAG_OVERFLOW. */
    private int slot(String tag) {
        if (tag == null) {
            return 0;
        }
        for (int i = 0; i < tagCount; i++) {
            if (table.pool.matches(tags[i], tag)) {
                return i + 1;
            }
        }
        if (tagCount >= MAX_TAG_SLOTS) {
            return MessageTable.TAG_OVERFLOW;
        }
        if (tagCount == tags.length) {
            tags = Arrays.copyOf(tags, tagCount * 2 + 2);
        }
        tags[tagCount++] = table.pool.add(tag);
        return tagCount;
    }

    String slotTag(int slot) {
        return slot == 0 ? null : table.pool.get(tags[slot - 1]);
    }

    /** The From (which 0) or To (1) tag of a row of this session. */
    String tag(int row, int which, int slot) {
        return slot == MessageTable.TAG_OVERFLOW ? table.overflowTag(row, which) : slotTag(slot);
    }

    boolean sameTag(int slotA, String textA, int slotB, String textB) {
        if (slotA != MessageTable.TAG_OVERFLOW && slotB != MessageTable.TAG_OVERFLOW) {
            return slotA == slotB;
        }
        String a = slotA == MessageTable.TAG_OVERFLOW ? textA : slotTag(slotA);
        String b = slotB == MessageTable.TAG_OVERFLOW ? textB : slotTag(slotB);
        return a == null ? b == null : a.equals(b);
    }

    boolean sameToTag(int rowA, int rowB) {
        int a = table.toSlot(rowA);
        int b = table.toSlot(rowB);
        if (a != MessageTable.TAG_OVERFLOW && b != MessageTable.TAG_OVERFLOW) {
            return a == b;
        }
        return Objects.equals(tag(rowA, 1, a), tag(rowB, 1, b));
    }


    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        if (value == null) {
            return null;
        }
        Object[] shared = live.shared;
        for (int i = 0; i < live.sharedCount; i++) {
            if (shared[i].equals(value)) {
                return (T) shared[i];
            }
        }
        if (live.sharedCount < SHARED_SLOTS) {
            shared[live.sharedCount++] = value;
        }
        return value;
    }

    private void noteFields(SipSummary s, boolean request, String method, String cseqMethod, Interner in,
                            Interner people) {
        if (kind == null || (request && !kindFromRequest)) {
            kind = SessionKind.of(request ? method : cseqMethod);
            kindFromRequest = request;
            if (request || caller == null) {
                caller = people.intern(s.fromUser());
                callee = people.intern(s.toUser());
                callerDisplay = people.intern(s.fromDisplay());
            }
        }
        if (userAgent == null && s.userAgent() != null) {
            userAgent = in.intern(s.userAgent());
        }
        if (s.correlationId() != null && correlationId() == null) {
            extras().correlationId = s.correlationId();
        }
        if (s.reason() != null) {
            extras().reason = people.intern(s.reason());
        }
        List<Anomaly> found = s.anomalies();
        if (found != null && !found.isEmpty()) {
            Extras x = extras();
            if (x.anomalies.isEmpty()) {
                x.anomalies = new ArrayList<>(found.size());
            }
            x.anomalies.addAll(found);
        }
    }

    private void updateViews(SipMessageRef m, SipSummary s, Interner people) {
        if (kind == SessionKind.CALL) {
            if (call == null) {
                call = new SipCall();
            }
            CallTracker.update(call, m, s, people);
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
                registration.update(m, s, people);
                break;
            case "MESSAGE":
                updatePager(m, s, people);
                break;
            case "SUBSCRIBE": case "NOTIFY": case "PUBLISH":
                Extras x = extras();
                if (x.subscription == null) {
                    x.subscription = new SipSubscription();
                }
                x.subscription.update(m, s);
                break;
            default:
                break;
        }
    }

    private void updatePager(SipMessageRef m, SipSummary s, Interner people) {
        if (m.request()) {
            if (m.transaction().requestRow() == m.index()) { // not a retransmission
                if (pagerMessages.isEmpty()) {
                    pagerMessages = new ArrayList<>(1);
                }
                pagerMessages.add(new PagerMessage(m, people.intern(s.fromUser()), people.intern(s.toUser()),
                        people.intern(s.fromDisplay()), s.textPreview()));
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

    private void updateDialogs(SipMessageRef m, int row, int fromSlot, String fromTag, int toSlot, String toTag,
                               boolean request, String requestMethod, String cseqMethod, int code,
                               SipTransaction tx) {
        String method = request ? requestMethod : cseqMethod;
        long t = m.timestampNanos();
        if (fromTag != null && toTag != null && method != null) {
            SipDialog d = findDialog(fromSlot, fromTag, toSlot, toTag);
            if (d == null) {
                if (request && livesInDialog(method)) {
                    d = newDialog(fromSlot, fromTag, toSlot, toTag, SipDialog.State.CONFIRMED, t); // joined late
                } else if (!request && formsDialog(method) && code > 100 && code < 300) {
                    d = newDialog(fromSlot, fromTag, toSlot, toTag,
                            code < 200 ? SipDialog.State.EARLY : SipDialog.State.CONFIRMED, t);
                }
            }
            if (d != null) {
                d.add(row);
                if (!request && code >= 200 && code < 300 && formsDialog(method)) {
                    d.confirm(t);
                } else if (request && "BYE".equals(method)) {
                    d.terminate(t);
                } else if (!request && code == 481) {
                    d.terminate(t);
                }
            }
        }
        if (!request && code >= 300 && "INVITE".equals(method)) {
            int req = tx.requestRow();
            if (req < 0 || table.toSlot(req) == 0) {
                for (SipDialog d : dialogs) { // a failed initial INVITE ends every early dialog of its forks
                    if (d.state() == SipDialog.State.EARLY) {
                        d.terminate(t);
                    }
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

    private SipDialog findDialog(int fromSlot, String fromTag, int toSlot, String toTag) {
        for (SipDialog d : dialogs) {
            if (d.matches(fromSlot, fromTag, toSlot, toTag)) {
                return d;
            }
        }
        return null;
    }

    private SipDialog newDialog(int fromSlot, String fromTag, int toSlot, String toTag, SipDialog.State state,
                                long nanos) {
        if (dialogs.isEmpty()) {
            dialogs = new ArrayList<>(2);
        }
        SipDialog d = new SipDialog(this, fromSlot, fromTag, toSlot, toTag, state, nanos);
        dialogs.add(d);
        return d;
    }

    private SipTransaction findTx(String branch, long cseq, String method) {
        Map<TxKey, SipTransaction> txIndex = live.txIndex;
        if (txIndex != null) {
            return txIndex.get(new TxKey(branch, cseq, method));
        }
        SipTransaction seen = null;
        for (int i = count - 1; i >= 0; i--) { // newest first; a transaction's messages are mostly adjacent
            SipTransaction tx = table.transaction(rows[i]);
            if (tx != seen && tx.matches(branch, cseq, method)) {
                return tx;
            }
            seen = tx;
        }
        return null;
    }

    /** Distinct transactions of the message rows, in order of their first message (= order of creation). */
    private List<SipTransaction> listTransactions() {
        if (count == 0) {
            return List.of();
        }
        List<SipTransaction> out = new ArrayList<>();
        Set<SipTransaction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < count; i++) {
            SipTransaction tx = table.transaction(rows[i]);
            if (seen.add(tx)) {
                out.add(tx);
            }
        }
        return out;
    }

    private SipTransaction newTx(String branch, long cseq, String method) {
        SipTransaction tx = new SipTransaction(this, branch, cseq, method);
        lastTx = tx;
        live.txCount++;
        Map<TxKey, SipTransaction> txIndex = live.txIndex;
        if (txIndex == null && live.txCount > LINEAR_TX_SCAN) {
            txIndex = new HashMap<>();
            live.txIndex = txIndex;
            for (SipTransaction t : listTransactions()) { // the new one has no row yet
                txIndex.putIfAbsent(new TxKey(t.branch(), t.cseq(), t.method()), t);
            }
            txIndex.putIfAbsent(new TxKey(branch, cseq, method), tx);
        } else if (txIndex != null) {
            txIndex.putIfAbsent(new TxKey(branch, cseq, method), tx);
        }
        return tx;
    }

    void link(SipSession other) {
        if (other == this || relatedSessions().contains(other)) {
            return;
        }
        Extras x = extras();
        if (x.related.isEmpty()) {
            x.related = new ArrayList<>(1);
        }
        x.related.add(other);
    }

    /**
     * Called when the Call-ID has been idle for a while in capture time: drops the state that only serves to match
     * messages still to come (retransmission memory, the string-sharing table, the transaction index) and trims the
     * lists, so that a long capture keeps only what the views need. A later message simply remakes that state; only
     * a retransmission arriving after the idle time would then not be flagged as resent.
     */
    void settle() {
        live = null;
        trim();
    }

    /** Drops the growth slack of the arrays (they grow again if more messages come). */
    private void trim() {
        rows = Arrays.copyOf(rows, count);
        tags = Arrays.copyOf(tags, tagCount);
        for (SipDialog d : dialogs) {
            d.trim();
        }
        if (dialogs instanceof ArrayList<SipDialog> list) {
            list.trimToSize();
        }
    }

    boolean isActiveSince(long nanos) {
        return lastNanos >= nanos;
    }

    /** Settles unless already settled and quiet since. */
    void settleOnce() {
        if (live != null) {
            settle();
        }
    }

    void finish() {
        if (call != null && !call.state().isTerminal()) {
            call.openAtEnd = true;
        }
        trim();
        if (call != null) {
            call.trim();
        }
    }

    /** True when nothing more is expected: a call in a terminal state, or another kind whose last transaction ended. */
    boolean isCompleted() {
        if (call != null) {
            return call.state().isTerminal();
        }
        return lastTx != null && lastTx.isCompleted();
    }

    public String callId() {
        return extras != null && extras.evictedCallId != null ? extras.evictedCallId : table.pool.get(callId);
    }

    public SessionKind kind() {
        return kind;
    }

    /** Messages in capture order. */
    public List<SipMessageRef> messages() {
        return new AbstractList<>() { // a live read-only view, as the list it replaces
            @Override
            public SipMessageRef get(int i) {
                Objects.checkIndex(i, count);
                return new SipMessageRef(SipSession.this, rows[i]);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** Transactions in order of their first message. */
    public List<SipTransaction> transactions() {
        return Collections.unmodifiableList(listTransactions());
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
        return extras == null ? null : extras.subscription;
    }

    /** Other legs of the same call, linked by X-Call-ID / X-CID in either direction. */
    public List<SipSession> relatedSessions() {
        return extras == null ? List.of() : Collections.unmodifiableList(extras.related);
    }

    /** Anomalies the scanner reported on this Call-ID's messages. */
    public List<Anomaly> anomalies() {
        return extras == null ? List.of() : Collections.unmodifiableList(extras.anomalies);
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
        return extras == null ? null : extras.correlationId;
    }

    /** Last Reason header seen, or null. */
    public String reason() {
        return extras == null ? null : extras.reason;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    @Override
    public String toString() {
        return "SipSession[" + callId() + " " + kind + " " + count + " messages]";
    }
}
