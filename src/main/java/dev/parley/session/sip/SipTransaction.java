package dev.parley.session.sip;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * One request and its responses, keyed by the top Via branch and the CSeq (number and method), as RFC 3261
 * section 17 and Wireshark's {@code sip_hash_key} do. The ACK of a non-2xx final response shares the INVITE's
 * branch and is kept here as {@link #ack()}; CANCEL has the same branch but is a transaction of its own.
 * Retransmissions of the request or of a response are counted, not listed twice.
 *
 * <p>Messages are held as rows of the correlator's message table; the branch is packed in its string pool.
 */
public final class SipTransaction {
    private static final int NONE = -1;
    private static final int BIG_CSEQ = Integer.MIN_VALUE;
    private static final int[] EMPTY = new int[0];

    private final SipSession session;
    private final int branch; // string pool id
    private final int cseq; // BIG_CSEQ: the value is kept by the message table
    private final String method;
    private int request = NONE;
    private int finalResponse = NONE;
    /** Distinct provisional and further final responses in arrival order, and the ACK of a failure as ~row. */
    private int[] more = EMPTY;

    /** @param branch the branch's string pool id (0: none) */
    SipTransaction(SipSession session, int branch, long cseq, String method) {
        this.session = session;
        this.branch = branch;
        if (cseq > BIG_CSEQ && cseq <= Integer.MAX_VALUE) {
            this.cseq = (int) cseq;
        } else {
            this.cseq = BIG_CSEQ;
            session.table().bigCseq(this, cseq);
        }
        this.method = method;
    }

    /** Same CSeq, method and branch (the branch as UTF-8 in {@code a[off, off+len)}, len -1 for none). */
    boolean matches(byte[] a, int off, int len, long otherCseq, String otherMethod) {
        return cseq() == otherCseq && (method == null ? otherMethod == null : method.equals(otherMethod))
                && session.table().pool.matches(branch, a, off, len);
    }

    /**
     * Adds a request or response; returns false when it repeats one already held (a retransmission). Every message
     * of the transaction is either kept or a retransmission, so retransmissions are counted from the rows on demand.
     */
    boolean add(int row) {
        MessageTable t = session.table();
        if (t.request(row)) {
            if (request == NONE) {
                request = row;
                return true;
            }
            return false;
        }
        int status = t.status(row);
        if (status < 200) {
            for (int r : more) {
                if (r >= 0 && t.status(r) < 200 && sameResponse(r, row)) {
                    return false;
                }
            }
            append(row);
            return true;
        }
        if (finalResponse == NONE) {
            finalResponse = row;
            return true;
        }
        if (sameResponse(finalResponse, row)) {
            return false;
        }
        for (int r : more) {
            if (r >= 0 && t.status(r) >= 200 && sameResponse(r, row)) {
                return false;
            }
        }
        append(row); // forked 2xx from another UAS: a second final in one client transaction
        return true;
    }

    /** Keeps the ACK of a non-2xx final response; a repeated ACK counts as a retransmission. */
    void addAck(int row) {
        if (ackRow() == NONE) {
            append(~row);
        } // else a repeated ACK: a retransmission
    }

    private void append(int value) {
        int[] next = Arrays.copyOf(more, more.length + 1);
        next[more.length] = value;
        more = next;
    }

    private int ackRow() {
        for (int r : more) {
            if (r < 0) {
                return ~r;
            }
        }
        return NONE;
    }

    private boolean sameResponse(int a, int b) {
        MessageTable t = session.table();
        return t.status(a) == t.status(b) && TagSlots.sameToTag(session, a, b);
    }

    private SipMessageRef ref(int row) {
        return row == NONE ? null : new SipMessageRef(session, row);
    }

    private List<SipMessageRef> responses(boolean provisional) {
        MessageTable t = session.table();
        int n = 0;
        for (int r : more) {
            if (r >= 0 && (t.status(r) < 200) == provisional) {
                n++;
            }
        }
        if (n == 0) {
            return List.of();
        }
        int[] rows = new int[n];
        n = 0;
        for (int r : more) {
            if (r >= 0 && (t.status(r) < 200) == provisional) {
                rows[n++] = r;
            }
        }
        return new AbstractList<>() {
            @Override
            public SipMessageRef get(int i) {
                return new SipMessageRef(session, rows[i]);
            }

            @Override
            public int size() {
                return rows.length;
            }
        };
    }

    SipMessageRef requestRef() {
        return ref(request);
    }

    int requestRow() {
        return request;
    }

    int branchId() {
        return branch;
    }

    public String branch() {
        return session.table().pool.get(branch);
    }

    public long cseq() {
        return cseq != BIG_CSEQ ? cseq : session.table().bigCseq(this);
    }

    /** The CSeq method: INVITE, CANCEL, BYE, ... (ACK for the ACK of a 2xx, which is a transaction of its own). */
    public String method() {
        return method;
    }

    /** The request, or null when only responses were captured. */
    public SipMessageRef request() {
        return ref(request);
    }

    /** Distinct provisional responses (1xx), in arrival order. */
    public List<SipMessageRef> provisionalResponses() {
        return responses(true);
    }

    /** The first final response (>= 200), or null while the transaction is pending. */
    public SipMessageRef finalResponse() {
        return ref(finalResponse);
    }

    /** Further distinct final responses, e.g. 2xx from several forks of one INVITE. */
    public List<SipMessageRef> otherFinalResponses() {
        return responses(false);
    }

    /** The ACK of a non-2xx final response to an INVITE, or null. */
    public SipMessageRef ack() {
        return ref(ackRow());
    }

    /** Repeated requests and responses seen for this transaction (any transport). */
    public int retransmissions() {
        int kept = (request != NONE ? 1 : 0) + (finalResponse != NONE ? 1 : 0) + more.length;
        return TransactionIndex.rowsOf(session, this) - kept;
    }

    public boolean isCompleted() {
        return finalResponse != NONE;
    }

    /** Final status code, or -1 while pending. */
    public int finalStatus() {
        return finalResponse == NONE ? -1 : session.table().status(finalResponse);
    }

    /** Capture time from the request to the first final response, or -1 when either is missing. */
    public long responseTimeNanos() {
        MessageTable t = session.table();
        return request == NONE || finalResponse == NONE ? -1 : t.time(finalResponse) - t.time(request);
    }

    @Override
    public String toString() {
        return "Transaction[" + cseq() + " " + method + " branch=" + branch() + " final=" + finalStatus() + "]";
    }
}
