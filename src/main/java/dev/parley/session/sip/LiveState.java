package dev.parley.session.sip;

import java.util.Arrays;

/**
 * The part of a session that only serves to match messages still to come: retransmission memory, the distinct flows
 * its messages share one copy of, and the transaction index. Given back to a {@link Pool} when the session settles,
 * taken from it when a session starts or wakes.
 */
final class LiveState {
    private static final int SHARED_SLOTS = 8;

    final ResendDetector resend = new ResendDetector();
    final TransactionIndex transactions;
    private final Object[] shared = new Object[SHARED_SLOTS]; // distinct flows, to keep one copy of each
    private int sharedCount;

    private LiveState(SipSession session, int txCount) {
        transactions = new TransactionIndex(session, txCount);
    }

    /** The copy already kept of an equal value, else the value itself (kept while there is room). */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < sharedCount; i++) { // by identity first: the reader's flow cache mostly hands the same object
            if (shared[i] == value) {
                return value;
            }
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

    /**
     * The live states of settled sessions, for starting and waking sessions to reuse. A live state lives as long as
     * its Call-ID is active, a few minutes of capture time: long enough to survive young collections and be promoted,
     * then garbage in the old generation. Reused, the states of the sessions live at the busiest moment (about 18,000
     * on the synthetic capture) serve all of its 140,000 Call-IDs, instead of about eight objects per Call-ID being
     * promoted and left behind (docs/DESIGN-NOTES.md note 27).
     */
    static final class Pool {
        private LiveState[] free = new LiveState[64];
        private int count;

        LiveState take(SipSession session, int txCount) {
            if (count == 0) {
                return new LiveState(session, txCount);
            }
            LiveState s = free[--count];
            free[count] = null;
            s.resend.reset();
            s.transactions.reset(session, txCount);
            Arrays.fill(s.shared, 0, s.sharedCount, null);
            s.sharedCount = 0;
            return s;
        }

        void giveBack(LiveState s) {
            if (count == free.length) {
                free = Arrays.copyOf(free, count * 2);
            }
            free[count++] = s;
        }
    }
}
