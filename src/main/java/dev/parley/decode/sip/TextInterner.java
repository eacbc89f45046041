package dev.parley.decode.sip;

/**
 * Shares equal texts: the correlator keeps one copy of each name that repeats across Call-IDs (users, display
 * names). The bytes form lets a {@link SipSummary} hand over a packed name without making a String when an equal one
 * is kept already, which is the usual case: the same phones call again and again.
 */
public interface TextInterner {
    /** The kept String equal to {@code s}, else {@code s} (kept when there is room); null for null. */
    String intern(String s);

    /** {@link #intern(String)} of the UTF-8 text in {@code a[off, off+len)}, made only when none equal is kept. */
    String intern(byte[] a, int off, int len);
}
