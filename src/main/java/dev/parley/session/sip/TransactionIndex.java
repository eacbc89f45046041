package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a message to its transaction in one session, and makes the new ones: a newest-first scan of the session's
 * rows while the Call-ID has few transactions, a hash index once it has many (keep-alives, refreshes). Part of the
 * session's live state: dropped when the session settles, remade when it wakes up. Also lists a session's
 * transactions from its rows (they are not kept anywhere else).
 */
final class TransactionIndex {
    private static final int LINEAR_TX_SCAN = 16;

    private record TxKey(String branch, long cseq, String method) {
    }

    private final SipSession session;
    private int txCount; // transactions so far (recounted when a settled session wakes up)
    private Map<TxKey, SipTransaction> txIndex; // only past LINEAR_TX_SCAN transactions

    TransactionIndex(SipSession session, int txCount) {
        this.session = session;
        this.txCount = txCount;
    }

    SipTransaction find(String branch, long cseq, String method) {
        byte[] b = branch == null ? null : branch.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return find(b, 0, b == null ? -1 : b.length, cseq, method);
    }

    /** The transaction of the branch in {@code a[off, off+len)} (len -1: none), CSeq number and method, or null. */
    SipTransaction find(byte[] a, int off, int len, long cseq, String method) {
        Map<TxKey, SipTransaction> index = txIndex;
        if (index != null) {
            return index.get(new TxKey(text(a, off, len), cseq, method));
        }
        MessageTable table = session.table();
        SipTransaction seen = null;
        // newest first; a transaction's messages are mostly adjacent
        for (int r = session.lastRow(); r >= 0; r = table.previous(r)) {
            SipTransaction tx = table.transaction(r);
            if (tx != seen && tx.matches(a, off, len, cseq, method)) {
                return tx;
            }
            seen = tx;
        }
        return null;
    }

    SipTransaction create(byte[] a, int off, int len, long cseq, String method) {
        SipTransaction tx = new SipTransaction(session, session.table().pool.add(a, off, len), cseq, method);
        String branch = txIndex != null || txCount + 1 > LINEAR_TX_SCAN ? text(a, off, len) : null;
        txCount++;
        Map<TxKey, SipTransaction> index = txIndex;
        if (index == null && txCount > LINEAR_TX_SCAN) {
            index = new HashMap<>();
            txIndex = index;
            List<SipTransaction> known = list(session); // the new one has no row yet
            for (SipTransaction t : known) {
                index.putIfAbsent(new TxKey(t.branch(), t.cseq(), t.method()), t);
            }
            index.putIfAbsent(new TxKey(branch, cseq, method), tx);
        } else if (index != null) {
            index.putIfAbsent(new TxKey(branch, cseq, method), tx);
        }
        return tx;
    }

    private static String text(byte[] a, int off, int len) {
        return len < 0 ? null : new String(a, off, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Distinct transactions of the session's rows, in order of their first message (= order of creation). */
    static List<SipTransaction> list(SipSession session) {
        int count = session.rowCount();
        if (count == 0) {
            return List.of();
        }
        MessageTable table = session.table();
        SipTransaction[] byRow = new SipTransaction[count]; // the chain runs newest first
        int k = count;
        for (int r = session.lastRow(); r >= 0 && k > 0; r = table.previous(r)) {
            byRow[--k] = table.transaction(r);
        }
        List<SipTransaction> out = new ArrayList<>();
        Set<SipTransaction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SipTransaction tx : byRow) {
            if (seen.add(tx)) {
                out.add(tx);
            }
        }
        return out;
    }

    /** Messages of the session that belong to the transaction. */
    static int rowsOf(SipSession session, SipTransaction tx) {
        MessageTable table = session.table();
        int n = 0;
        for (int r = session.lastRow(); r >= 0; r = table.previous(r)) {
            if (table.transaction(r) == tx) {
                n++;
            }
        }
        return n;
    }
}
