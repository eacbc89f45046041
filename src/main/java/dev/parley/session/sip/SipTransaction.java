package dev.parley.session.sip;

import java.util.Arrays;
import java.util.List;

/**
 * One request and its responses, keyed by the top Via branch and the CSeq (number and method), as RFC 3261
 * section 17 and Wireshark's {@code sip_hash_key} do. The ACK of a non-2xx final response shares the INVITE's
 * branch and is kept here as {@link #ack()}; CANCEL has the same branch but is a transaction of its own.
 * Retransmissions of the request or of a response are counted, not listed twice.
 *
 * <p>A light view over one row of the correlator's {@link TransactionTable}, made on demand like
 * {@link SipMessageRef}: its messages are rows of the message table, chained newest first; each is either kept (the
 * request, a distinct response, the ACK of a failure) or a retransmission. Two views of the same transaction are
 * {@link #equals equal}, not necessarily the same object.
 */
public final class SipTransaction {
    private static final int NONE = TransactionTable.NONE;

    private final SipSession session;
    private final int id;

    SipTransaction(SipSession session, int id) {
        this.session = session;
        this.id = id;
    }

    int id() {
        return id;
    }

    private TransactionTable txs() {
        return session.table().transactions;
    }

    /**
     * Adds a request or response of the transaction (already in the message table with this transaction's id);
     * returns false when it repeats one already held (a retransmission). {@code request} and {@code status} are the
     * row's, as the caller holds them (not read back through the row's shape).
     */
    static boolean add(MessageTable t, int id, int row, boolean request, int status, SipSession session) {
        TransactionTable txs = t.transactions;
        int newest = txs.lastRow(id);
        t.linkInTransaction(row, newest);
        txs.lastRow(id, row);
        if (request) {
            if (txs.request(id) == NONE) {
                txs.request(id, row);
                t.keep(row);
                return true;
            }
            return false;
        }
        int finalRow = txs.finalResponse(id);
        if (status >= 200 && finalRow == NONE) {
            txs.finalResponse(id, row);
            t.keep(row);
            return true;
        }
        // a provisional response, or a further final one (a forked 2xx from another UAS): kept unless it repeats a
        // kept response of the same kind, code and To tag
        for (int r = newest; r >= 0; r = t.previousInTransaction(r)) {
            if (t.kept(r) && !t.request(r) && t.status(r) == status && TagSlots.sameToTag(session, r, row)) {
                return false;
            }
        }
        t.keep(row);
        return true;
    }

    /** Keeps the ACK of a non-2xx final response; a repeated ACK counts as a retransmission. */
    static void addAck(MessageTable t, int id, int row) {
        TransactionTable txs = t.transactions;
        int newest = txs.lastRow(id);
        boolean first = true;
        for (int r = newest; r >= 0; r = t.previousInTransaction(r)) {
            if (t.ackOfFailure(r)) {
                first = false;
                break;
            }
        }
        t.linkInTransaction(row, newest);
        txs.lastRow(id, row);
        if (first) {
            t.keepAck(row);
        }
    }

    /** The kept rows that pass {@code which} (0: provisional responses, 1: further finals, 2: the ACK), oldest first. */
    private int[] keptRows(int which) {
        MessageTable t = session.table();
        int finalRow = txs().finalResponse(id);
        int[] rows = new int[4];
        int n = 0;
        for (int r = txs().lastRow(id); r >= 0; r = t.previousInTransaction(r)) {
            boolean wanted;
            if (!t.kept(r)) {
                wanted = false;
            } else if (which == 2 || t.request(r)) {
                wanted = which == 2 && t.ackOfFailure(r);
            } else {
                wanted = which == 0 ? t.status(r) < 200 : t.status(r) >= 200 && r != finalRow;
            }
            if (wanted) {
                if (n == rows.length) {
                    rows = Arrays.copyOf(rows, n * 2);
                }
                rows[n++] = r;
            }
        }
        int[] oldestFirst = new int[n];
        for (int i = 0; i < n; i++) {
            oldestFirst[i] = rows[n - 1 - i];
        }
        return oldestFirst;
    }

    private List<SipMessageRef> refs(int[] rows) {
        return IdViews.of(rows, row -> new SipMessageRef(session, row));
    }

    private SipMessageRef ref(int row) {
        return row == NONE ? null : new SipMessageRef(session, row);
    }

    SipMessageRef requestRef() {
        return ref(requestRow());
    }

    int requestRow() {
        return txs().request(id);
    }

    int branchId() {
        return txs().branch(id);
    }

    public String branch() {
        return session.table().pool.get(branchId());
    }

    public long cseq() {
        return txs().cseq(id);
    }

    /** The CSeq method: INVITE, CANCEL, BYE, ... (ACK for the ACK of a 2xx, which is a transaction of its own). */
    public String method() {
        return txs().method(id);
    }

    /** The request, or null when only responses were captured. */
    public SipMessageRef request() {
        return ref(requestRow());
    }

    /** Distinct provisional responses (1xx), in arrival order. */
    public List<SipMessageRef> provisionalResponses() {
        return refs(keptRows(0));
    }

    /** The first final response (>= 200), or null while the transaction is pending. */
    public SipMessageRef finalResponse() {
        return ref(txs().finalResponse(id));
    }

    /** Further distinct final responses, e.g. 2xx from several forks of one INVITE. */
    public List<SipMessageRef> otherFinalResponses() {
        return refs(keptRows(1));
    }

    /** The ACK of a non-2xx final response to an INVITE, or null. */
    public SipMessageRef ack() {
        int[] ack = keptRows(2);
        return ack.length == 0 ? null : ref(ack[0]);
    }

    /** Repeated requests and responses seen for this transaction (any transport). */
    public int retransmissions() {
        MessageTable t = session.table();
        int n = 0;
        for (int r = txs().lastRow(id); r >= 0; r = t.previousInTransaction(r)) {
            if (!t.kept(r)) {
                n++;
            }
        }
        return n;
    }

    public boolean isCompleted() {
        return txs().finalResponse(id) != NONE;
    }

    /** Final status code, or -1 while pending. */
    public int finalStatus() {
        int row = txs().finalResponse(id);
        return row == NONE ? -1 : session.table().status(row);
    }

    /** Capture time from the request to the first final response, or -1 when either is missing. */
    public long responseTimeNanos() {
        MessageTable t = session.table();
        int request = requestRow();
        int finalRow = txs().finalResponse(id);
        return request == NONE || finalRow == NONE ? -1 : t.time(finalRow) - t.time(request);
    }

    /** The same transaction of the same correlator. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SipTransaction x && x.id == id && x.session.table() == session.table();
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "Transaction[" + cseq() + " " + method() + " branch=" + branch() + " final=" + finalStatus() + "]";
    }
}
