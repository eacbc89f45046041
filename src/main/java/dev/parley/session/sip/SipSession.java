package dev.parley.session.sip;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Flow;
import dev.parley.decode.sip.SipBatch;
import dev.parley.decode.sip.SipSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Everything seen for one Call-ID: its messages in capture order (as compact {@link SipMessageRef}s), transactions,
 * dialogs, and the view that fits its kind (call, registration, pager messages, subscription). Built by
 * {@link SipCorrelator}; read-only for everyone else.
 */
public final class SipSession {
    private static final int MAX_TAG_SLOTS = MessageTable.TAG_OVERFLOW - 1;
    private static final String INVITE = "INVITE";

    private final int callId; // id in the table's Call-IDs
    private final MessageTable table;
    private SessionKind kind;
    private boolean kindFromRequest;
    // message rows in capture order: a chain through the table's previous-row column, so that a session holds no
    // array of its own while loading (docs/DESIGN-NOTES.md note 20); the array by index is made when a view asks
    private int lastRow = -1;
    private int count;
    // what a session list's row shows, kept as the messages come so that a row needs no walk over them
    private int firstRow = -1;
    private int firstRequestRow = -1;
    private int lastResponseRow = -1;
    private int[] rowsByIndex; // null until asked for; stale once its length differs from count
    private int lastTx = -1; // newest transaction id; a session's transactions are those of its message rows
    // string pool ids of the distinct tags; a message keeps slot = position + 1. Most Call-IDs have two (a dialog's
    // From and To tags): those are fields, further ones go to an array
    private int tag1;
    private int tag2;
    private int[] moreTags;
    private int tagCount;
    // the views, kept up to date by DialogTracker and SessionViews, are rows of the table's view tables: the
    // call's and the registration's numbers, and the newest dialog's and pager message's (-1: none)
    int call = -1;
    int registration = -1;
    int lastPager = -1;
    private int lastDialog = -1;
    private String caller;
    private String callee;
    private String callerDisplay;
    private String userAgent;
    private long firstNanos = -1;
    private long lastNanos = -1;
    private SessionExtras extras; // rarely needed fields, made on first use
    private LiveState live; // null until the first message, and once settled; taken again if the Call-ID wakes up

    SessionExtras extras() {
        if (extras == null) {
            extras = new SessionExtras();
        }
        return extras;
    }

    SipSession(String callId, MessageTable table) {
        this(callId.getBytes(StandardCharsets.UTF_8), table);
    }

    private SipSession(byte[] callId, MessageTable table) {
        this(callId, 0, callId.length, table);
    }

    /** A session for the Call-ID in {@code a[off, off+len)} (UTF-8), added to the table's Call-IDs. */
    SipSession(byte[] a, int off, int len, MessageTable table) {
        this.callId = table.callIds.add(a, off, len, 0);
        this.table = table;
    }

    /** The newest transaction's id, -1 before the first: the head of the session's chain of transactions. */
    int lastTx() {
        return lastTx;
    }

    int callIdId() {
        return callId;
    }

    /**
     * Evicted past {@code Limits.maxCalls}: gives its rows and strings back to the table, so that memory stays bounded.
     * What remains is a shell with the summary fields (Call-ID, kind, parties, call, registration) but no messages,
     * transactions, dialogs or pager messages; refs to its messages taken before must not be read any more.
     */
    void release(LiveState.Pool pool) {
        keepCallIdText();
        for (int tx : TransactionIndex.ids(this)) {
            table.pool.release(table.transactions.branch(tx));
            table.transactions.release(tx);
        }
        for (int i = 0; i < tagCount; i++) {
            table.pool.release(tag(i));
        }
        for (int r = lastRow; r >= 0; ) {
            int before = table.previous(r); // read first: releasing its last row may drop the page
            table.release(r);
            r = before;
        }
        lastRow = -1;
        firstRow = -1;
        firstRequestRow = -1;
        lastResponseRow = -1;
        rowsByIndex = null;
        count = 0;
        tagCount = 0;
        lastTx = -1;
        if (live != null) {
            pool.giveBack(live);
            live = null;
        }
        for (int d = lastDialog; d >= 0; ) {
            int before = table.dialogs.before(d); // read first: a given-back number is reused
            table.dialogs.release(d);
            d = before;
        }
        lastDialog = -1;
        for (int p = lastPager; p >= 0; ) {
            int before = table.pager.before(p);
            table.pager.release(p);
            p = before;
        }
        lastPager = -1;
    }

    MessageTable table() {
        return table;
    }

    /**
     * Records message {@code i} of the batch, of this Call-ID, and updates every view; returns its row (its index).
     * {@code f} is the correlator's scratch for the message's facts, refilled here for the views.
     */
    int add(SipBatch b, int i, Interner in, Interner people, MessageFacts f, LiveState.Pool pool) {
        boolean request = b.request(i);
        NameTable names = table.names;
        String methodName = b.method(i);
        char methodId = names.id(methodName);
        String method = names.name(methodId, methodName);
        String cseqMethodName = b.cseqMethod(i);
        char cseqMethodId = names.id(cseqMethodName);
        String cseqMethod = names.name(cseqMethodId, cseqMethodName);
        String reasonPhrase = b.reasonPhrase(i);
        char reasonId = names.id(reasonPhrase);
        long t = b.nanos(i);
        long cseq = b.cseq(i);
        int status = b.status(i);
        if (live == null) {
            live = pool.take(this, lastTx < 0 ? 0 : TransactionIndex.ids(this).length);
        }
        boolean resent = live.resend.isResent(b.flow(i), request, cseq, cseqMethod, status);

        boolean ackOfFailure = false;
        int tx = -1;
        byte[] keys = b.keyBytes();
        int fromTagAt = b.keyAt(i, SipSummary.FROM_TAG);
        int fromTagLength = b.keyLength(i, SipSummary.FROM_TAG);
        int toTagAt = b.keyAt(i, SipSummary.TO_TAG);
        int toTagLength = b.keyLength(i, SipSummary.TO_TAG);
        int branchAt = b.keyAt(i, SipSummary.BRANCH);
        int branchLength = b.keyLength(i, SipSummary.BRANCH);
        if (request && "ACK".equals(method)) {
            int invite = live.transactions.find(keys, branchAt, branchLength, cseq, names.id(INVITE), INVITE);
            int inviteFinal = invite < 0 ? -1 : table.transactions.finalResponse(invite);
            if (inviteFinal >= 0 && table.status(inviteFinal) >= 300) {
                tx = invite;
                ackOfFailure = true;
            }
        }
        if (tx < 0) {
            boolean byMethod = request || cseqMethod == null;
            String txMethod = byMethod ? method : cseqMethod;
            tx = live.transactions.find(keys, branchAt, branchLength, cseq, byMethod ? methodId : cseqMethodId,
                    txMethod);
            if (tx < 0) {
                tx = live.transactions.create(keys, branchAt, branchLength, cseq, txMethod);
                lastTx = tx;
            }
        }
        int fromSlot = slot(keys, fromTagAt, fromTagLength);
        int toSlot = slot(keys, toTagAt, toTagLength);
        // tags as text only past the slots (TAG_OVERFLOW): the common case makes no String
        String fromText = fromSlot == MessageTable.TAG_OVERFLOW ? b.fromTag(i) : null;
        String toText = toSlot == MessageTable.TAG_OVERFLOW ? b.toTag(i) : null;
        Flow flow = live.share(b.flow(i));
        int row = table.add(b.frame(i), t, flow, b.spreadOrigin(i), b.singleOffset(i), b.singleLength(i), request,
                methodId, method, status, reasonId, reasonPhrase, cseqMethodId, cseqMethod, b.is(i, SipBatch.SDP),
                resent, tx, fromSlot, fromText, toSlot, toText, b.bytes(i));
        if (ackOfFailure) {
            SipTransaction.addAck(table, tx, row);
        } else {
            SipTransaction.add(table, tx, row, request, status, this);
        }
        table.linkPrevious(row, lastRow);
        lastRow = row;
        count++;
        if (firstRow < 0) {
            firstRow = row;
        }
        if (!request) {
            lastResponseRow = row;
        } else if (firstRequestRow < 0) {
            firstRequestRow = row;
        }
        if (firstNanos < 0) {
            firstNanos = t;
        }
        lastNanos = Math.max(lastNanos, t);
        boolean named = noteFields(b, i, request, method, cseqMethod, in, people);
        f.where(this, b, i, row, t, flow);
        f.named = named;
        f.what(request, method, cseqMethod, status, names.name(reasonId, reasonPhrase), cseq);
        f.keys(tx, resent, fromSlot, fromText, toSlot, toText);
        DialogTracker.update(f);
        SessionViews.update(f, people);
        return row;
    }

    /** The tag's slot in this session (0 for none), adding it when new; past the slots, TAG_OVERFLOW. */
    private int slot(byte[] a, int off, int len) {
        if (len < 0) {
            return 0;
        }
        for (int i = 0; i < tagCount; i++) {
            if (table.pool.matches(tag(i), a, off, len)) {
                return i + 1;
            }
        }
        if (tagCount >= MAX_TAG_SLOTS) {
            return MessageTable.TAG_OVERFLOW;
        }
        int id = table.pool.add(a, off, len);
        if (tagCount == 0) {
            tag1 = id;
        } else if (tagCount == 1) {
            tag2 = id;
        } else {
            int at = tagCount - 2;
            if (moreTags == null || at == moreTags.length) {
                moreTags = moreTags == null ? new int[2] : Arrays.copyOf(moreTags, at * 2);
            }
            moreTags[at] = id;
        }
        return ++tagCount;
    }

    /** String pool id of the i-th distinct tag. */
    private int tag(int i) {
        return i == 0 ? tag1 : i == 1 ? tag2 : moreTags[i - 2];
    }

    String slotTag(int slot) {
        return slot == 0 ? null : table.pool.get(tag(slot - 1));
    }

    /**
     * The session's summary fields from message {@code i}, read from the batch only when a field is there; true when
     * the session's names (caller, callee, display name) were just taken from it.
     */
    private boolean noteFields(SipBatch b, int i, boolean request, String method, String cseqMethod, Interner in,
                            Interner people) {
        boolean named = false;
        if (kind == null || (request && !kindFromRequest)) {
            kind = SessionKind.of(request ? method : cseqMethod);
            kindFromRequest = request;
            if (request || caller == null) {
                caller = b.fromUser(i, people);
                callee = b.toUser(i, people);
                callerDisplay = b.fromDisplay(i, people);
                named = true;
            }
        }
        if (userAgent == null && b.is(i, SipBatch.USER_AGENT)) {
            userAgent = in.intern(b.userAgent(i));
        }
        if (b.is(i, SipBatch.CORRELATION) && correlationId() == null) {
            extras().correlationId = b.correlationId(i);
        }
        if (b.is(i, SipBatch.REASON)) {
            extras().reason = people.intern(b.reason(i));
        }
        if (b.is(i, SipBatch.ANOMALIES)) {
            List<Anomaly> found = b.anomalies(i);
            SessionExtras x = extras();
            if (x.anomalies.isEmpty()) {
                x.anomalies = new ArrayList<>(found.size());
            }
            x.anomalies.addAll(found);
        }
        return named;
    }

    int rowCount() {
        return count;
    }

    /** The table row of the i-th message (for views: the first call after new messages walks the chain once). */
    int row(int i) {
        int[] byIndex = rowsByIndex;
        if (byIndex == null || byIndex.length != count) {
            byIndex = new int[count];
            int k = count;
            for (int r = lastRow; r >= 0 && k > 0; r = table.previous(r)) {
                byIndex[--k] = r;
            }
            rowsByIndex = byIndex;
        }
        return byIndex[i];
    }

    /** The newest row, -1 when none; older ones follow through {@link MessageTable#previous}. */
    int lastRow() {
        return lastRow;
    }

    void link(SipSession other) {
        if (other == this || relatedSessions().contains(other)) {
            return;
        }
        SessionExtras x = extras();
        if (x.related.isEmpty()) {
            x.related = new ArrayList<>(1);
        }
        x.related.add(other);
    }

    /**
     * Called when the Call-ID has been idle for a while in capture time: drops the state that only serves to match
     * messages still to come (retransmission memory, the string-sharing table, the transaction index), so that a long
     * capture keeps only what the views need. A later message simply remakes that state; only a retransmission
     * arriving after the idle time would then not be flagged as resent. The tag array is trimmed at the end
     * ({@link #finish}), not here: by the time a session settles its arrays are in the old generation, where a trimmed
     * copy is a new young object to promote and the untrimmed one stays as garbage until a full collection
     * (docs/DESIGN-NOTES.md note 26).
     */
    void settle(LiveState.Pool pool) {
        pool.giveBack(live);
        live = null;
    }

    /** Drops the growth slack of the tag array (it grows again if more tags come). */
    private void trim() {
        if (moreTags != null) {
            moreTags = Arrays.copyOf(moreTags, tagCount - 2);
        }
    }

    boolean isActiveSince(long nanos) {
        return lastNanos >= nanos;
    }

    /** False once settled (or evicted), until a message wakes the session up. */
    boolean isLive() {
        return live != null;
    }

    /** Settles unless already settled and quiet since. */
    void settleOnce(LiveState.Pool pool) {
        if (live != null) {
            settle(pool);
        }
    }

    void finish() {
        if (call >= 0 && !table.calls.state(call).isTerminal()) {
            table.calls.markOpenAtEnd(call);
        }
        trim();
    }

    /** True when nothing more is expected: a call in a terminal state, or another kind whose last transaction ended. */
    boolean isCompleted() {
        if (call >= 0) {
            return table.calls.state(call).isTerminal();
        }
        return lastTx >= 0 && table.transactions.finalResponse(lastTx) != TransactionTable.NONE;
    }

    public String callId() {
        return extras != null && extras.evictedCallId != null ? extras.evictedCallId : table.callIds.text(callId);
    }

    /** Before its Call-ID leaves the table's Call-IDs (eviction): keeps the text for the shell that stays. */
    void keepCallIdText() {
        extras().evictedCallId = callId();
    }

    public SessionKind kind() {
        return kind;
    }

    /** Messages in capture order. */
    public List<SipMessageRef> messages() {
        return new SessionMessages(this);
    }

    /** The first message, null when none (an evicted session keeps none). */
    public SipMessageRef firstMessage() {
        return firstRow < 0 ? null : new SipMessageRef(this, firstRow);
    }

    /** The first request, null while only responses were seen. */
    public SipMessageRef firstRequest() {
        return firstRequestRow < 0 ? null : new SipMessageRef(this, firstRequestRow);
    }

    /** The newest response, null while none was seen. */
    public SipMessageRef lastResponse() {
        return lastResponseRow < 0 ? null : new SipMessageRef(this, lastResponseRow);
    }

    /** Transactions in order of their first message. */
    public List<SipTransaction> transactions() {
        return TransactionIndex.list(this);
    }

    /** Dialogs (early, confirmed, terminated) in order of creation. */
    public List<SipDialog> dialogs() {
        List<SipDialog> newestFirst = new ArrayList<>(2);
        for (int d = lastDialog; d >= 0; d = table.dialogs.before(d)) {
            newestFirst.add(new SipDialog(this, d));
        }
        Collections.reverse(newestFirst);
        return Collections.unmodifiableList(newestFirst);
    }

    /** The newest dialog's number in the table's {@link DialogTable}, -1 when none. */
    int lastDialog() {
        return lastDialog;
    }

    void lastDialog(int d) {
        lastDialog = d;
    }

    /** The call view for kind CALL, else null. */
    public SipCall call() {
        return call < 0 ? null : new SipCall(table.calls, call);
    }

    /** The REGISTER view when this Call-ID carried REGISTER, else null. */
    public SipRegistration registration() {
        return registration < 0 ? null : new SipRegistration(table.registrations, registration);
    }

    /** MESSAGE requests (retransmissions excluded) with their delivery status. */
    public List<PagerMessage> pagerMessages() {
        List<PagerMessage> newestFirst = new ArrayList<>(1);
        for (int p = lastPager; p >= 0; p = table.pager.before(p)) {
            newestFirst.add(new PagerMessage(this, p));
        }
        Collections.reverse(newestFirst);
        return Collections.unmodifiableList(newestFirst);
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
