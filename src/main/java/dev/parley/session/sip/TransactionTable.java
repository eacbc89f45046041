package dev.parley.session.sip;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The transactions of every session, one primitive column per field, as {@link MessageTable} keeps the messages: id
 * = order of creation. {@link SipTransaction} is a flyweight over one id. A load makes some 380 k transactions; as
 * objects (with an array of their responses each) they were the largest part of the model the young collections
 * copy (docs/DESIGN-NOTES.md note 20). A transaction's messages are chained through the message table's
 * previous-in-transaction column, newest first from {@link #lastRow}; a session's transactions through
 * {@link #previousInSession}, newest first from the session's last one.
 */
final class TransactionTable {
    static final int NONE = -1;
    private static final int BIG_CSEQ = Integer.MIN_VALUE;
    private static final int PAGE_BITS = 14;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    private final NameTable names;
    private int size;
    private Page[] pages = new Page[16];
    private final Map<Integer, Long> bigCseqs = new HashMap<>();
    private final Map<Integer, String> bigMethods = new HashMap<>();

    /** The columns of {@value #PAGE} consecutive transactions. */
    private static final class Page {
        final int[] branch = new int[PAGE]; // string pool id, 0 for none
        final int[] cseq = new int[PAGE]; // BIG_CSEQ: in bigCseqs
        final char[] method = new char[PAGE]; // name table id, FULL: in bigMethods
        final int[] request = new int[PAGE];
        final int[] finalResponse = new int[PAGE];
        final int[] lastRow = new int[PAGE];
        final int[] previous = new int[PAGE]; // the same session's transaction made before this one, NONE for none
        int live; // transactions not released
    }

    TransactionTable(NameTable names) {
        this.names = names;
    }

    /** A new transaction with no message yet, made after {@code previousInSession} in its session; returns its id. */
    int create(int branchId, long cseqNumber, String methodName, int previousInSession) {
        int id = size++;
        int p = id >>> PAGE_BITS;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        if (pages[p] == null) {
            pages[p] = new Page();
        }
        Page page = pages[p];
        int i = id & MASK;
        page.branch[i] = branchId;
        if (cseqNumber > BIG_CSEQ && cseqNumber <= Integer.MAX_VALUE) {
            page.cseq[i] = (int) cseqNumber;
        } else {
            page.cseq[i] = BIG_CSEQ;
            bigCseqs.put(id, cseqNumber);
        }
        char m = names.id(methodName);
        page.method[i] = m;
        if (m == NameTable.FULL) {
            bigMethods.put(id, methodName);
        }
        page.request[i] = NONE;
        page.finalResponse[i] = NONE;
        page.lastRow[i] = NONE;
        page.previous[i] = previousInSession;
        page.live++;
        return id;
    }

    /** Forgets a transaction of an evicted session; its page goes once none of its transactions is left. */
    void release(int id) {
        int p = id >>> PAGE_BITS;
        if (!bigCseqs.isEmpty()) {
            bigCseqs.remove(id);
        }
        if (!bigMethods.isEmpty()) {
            bigMethods.remove(id);
        }
        if (--pages[p].live == 0 && p != (size - 1) >>> PAGE_BITS) {
            pages[p] = null;
        }
    }

    private Page at(int id) {
        return pages[id >>> PAGE_BITS];
    }

    int branch(int id) {
        return at(id).branch[id & MASK];
    }

    long cseq(int id) {
        int c = at(id).cseq[id & MASK];
        return c != BIG_CSEQ ? c : bigCseqs.get(id);
    }

    /**
     * Same CSeq number and method as given: the method compared by its name table id ({@code methodName}'s), by its
     * text only past the table's cap. No String is touched on the common path.
     */
    boolean sameCseq(int id, long cseqNumber, char methodId, String methodName) {
        Page page = at(id);
        int i = id & MASK;
        int c = page.cseq[i];
        if (c != BIG_CSEQ ? c != cseqNumber : bigCseqs.get(id) != cseqNumber) {
            return false;
        }
        char m = page.method[i];
        return methodId != NameTable.FULL ? m == methodId
                : m == NameTable.FULL && bigMethods.get(id).equals(methodName);
    }

    /** The same session's transaction made before this one, {@link #NONE} for its first. */
    int previousInSession(int id) {
        return at(id).previous[id & MASK];
    }

    /** The CSeq method (the name table's copy), null when the message had none. */
    String method(int id) {
        char m = at(id).method[id & MASK];
        return m == NameTable.FULL ? bigMethods.get(id) : names.name(m);
    }

    int request(int id) {
        return at(id).request[id & MASK];
    }

    void request(int id, int row) {
        at(id).request[id & MASK] = row;
    }

    int finalResponse(int id) {
        return at(id).finalResponse[id & MASK];
    }

    void finalResponse(int id, int row) {
        at(id).finalResponse[id & MASK] = row;
    }

    /** The transaction's newest message row, {@link #NONE} before its first. */
    int lastRow(int id) {
        return at(id).lastRow[id & MASK];
    }

    void lastRow(int id, int row) {
        at(id).lastRow[id & MASK] = row;
    }
}
