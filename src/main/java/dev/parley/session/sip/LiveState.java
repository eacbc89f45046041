package dev.parley.session.sip;

/**
 * The part of a session that only serves to match messages still to come: retransmission memory, the distinct flows
 * its messages share one copy of, and the transaction index. Dropped when the session settles, remade when it wakes.
 */
final class LiveState {
    private static final int SHARED_SLOTS = 8;

    final ResendDetector resend = new ResendDetector();
    final TransactionIndex transactions;
    private final Object[] shared = new Object[SHARED_SLOTS]; // distinct flows, to keep one copy of each
    private int sharedCount;

    LiveState(SipSession session, int txCount) {
        transactions = new TransactionIndex(session, txCount);
    }

    /** The copy already kept of an equal value, else the value itself (kept while there is room). */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < sharedCount; i++) {
            Object kept = shared[i];
            if (kept == value || kept.equals(value)) { // the reader's flow cache mostly hands the same object
                return (T) shared[i];
            }
        }
        if (sharedCount < SHARED_SLOTS) {
            shared[sharedCount++] = value;
        }
        return value;
    }
}
