package dev.parley.session.sip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a message to its transaction in one session, and makes the new ones: a newest-first walk over the session's
 * transactions while the Call-ID has few, a hash index once it has many (keep-alives, refreshes). Part of the
 * session's live state: dropped when the session settles, remade when it wakes up. Also lists a session's
 * transactions, from its chain of them. Transactions are ids of the message table's
 * {@link TransactionTable}.
 */
final class TransactionIndex {
    private static final int LINEAR_TX_SCAN = 16;

    private record TxKey(String branch, long cseq, String method) {
    }

    private SipSession session;
    private int txCount; // transactions so far (recounted when a settled session wakes up)
    private Map<TxKey, Integer> txIndex; // only past LINEAR_TX_SCAN transactions

    TransactionIndex(SipSession session, int txCount) {
        reset(session, txCount);
    }

    /** Starts over for {@code session}, which has {@code txCount} transactions (see {@link LiveState.Pool}). */
    void reset(SipSession session, int txCount) {
        this.session = session;
        this.txCount = txCount;
        this.txIndex = null;
    }

    /**
     * The transaction id of the branch in {@code a[off, off+len)} (len -1: none), CSeq number and method (its name
     * table id and text), or -1. A session has at most one transaction per key (one is made only when none matched),
     * so the order of the walk over its transactions, newest first, only makes the usual case short.
     */
    int find(byte[] a, int off, int len, long cseq, char methodId, String method) {
        Map<TxKey, Integer> index = txIndex;
        if (index != null) {
            Integer id = index.get(new TxKey(text(a, off, len), cseq, method));
            return id == null ? -1 : id;
        }
        MessageTable table = session.table();
        TransactionTable txs = table.transactions;
        for (int tx = session.lastTx(); tx >= 0; tx = txs.previousInSession(tx)) {
            if (txs.sameCseq(tx, cseq, methodId, method) && table.pool.matches(txs.branch(tx), a, off, len)) {
                return tx;
            }
        }
        return -1;
    }

    /** A new transaction (no row yet) of the branch in {@code a[off, off+len)}; returns its id. */
    int create(byte[] a, int off, int len, long cseq, String method) {
        MessageTable table = session.table();
        int tx = table.transactions.create(table.pool.add(a, off, len), cseq, method, session.lastTx());
        String branch = txIndex != null || txCount + 1 > LINEAR_TX_SCAN ? text(a, off, len) : null;
        txCount++;
        Map<TxKey, Integer> index = txIndex;
        if (index == null && txCount > LINEAR_TX_SCAN) {
            index = new HashMap<>();
            txIndex = index;
            for (int known : ids(session)) { // the new one has no row yet
                TransactionTable t = table.transactions;
                index.putIfAbsent(new TxKey(table.pool.get(t.branch(known)), t.cseq(known), t.method(known)), known);
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

    /**
     * The session's transaction ids in order of their first message: its chain of transactions (newest first, see
     * {@link TransactionTable#previousInSession}) read backwards. Ids are given in order of creation, and a
     * transaction is created at its first message.
     */
    static int[] ids(SipSession session) {
        TransactionTable txs = session.table().transactions;
        int n = 0;
        for (int tx = session.lastTx(); tx >= 0; tx = txs.previousInSession(tx)) {
            n++;
        }
        int[] ids = new int[n];
        for (int tx = session.lastTx(); tx >= 0; tx = txs.previousInSession(tx)) {
            ids[--n] = tx;
        }
        return ids;
    }

    /** The session's transactions in order of their first message, as views. */
    static List<SipTransaction> list(SipSession session) {
        return IdViews.of(ids(session), id -> new SipTransaction(session, id));
    }
}
