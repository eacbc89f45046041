package dev.parley.session.sip;

import dev.parley.decode.sip.SipSummary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings that repeat across messages (methods, reason phrases, user agents, the parties' names) so each
 * message record points at one copy. Bounded: past the cap new strings are returned as they are. The parties' names
 * are also found by their bytes in the summary ({@link #fromUser} and friends): a name seen before costs a hash of its
 * bytes, not a decoded String and a map lookup (the same phones call again and again; on the synthetic capture about
 * half a million lookups a load).
 */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();
    private final int cap;
    private final KeyTable byBytes = new KeyTable();
    private String[] byBytesText = new String[64];

    Interner(int cap) {
        this.cap = cap;
    }

    String intern(String s) {
        if (s == null) {
            return null;
        }
        String kept = strings.get(s);
        if (kept != null) {
            return kept;
        }
        if (strings.size() < cap) {
            strings.put(s, s);
        }
        return s;
    }

    /** {@code intern(s.fromUser())}. */
    String fromUser(SipSummary s) {
        int n = s.keyLength(SipSummary.FROM_USER);
        return n < 0 ? intern(s.fromUser()) : intern(s.keys(), s.keyOffset(SipSummary.FROM_USER), n);
    }

    /** {@code intern(s.toUser())}. */
    String toUser(SipSummary s) {
        int n = s.keyLength(SipSummary.TO_USER);
        return n < 0 ? intern(s.toUser()) : intern(s.keys(), s.keyOffset(SipSummary.TO_USER), n);
    }

    /** {@code intern(s.fromDisplay())}: by its bytes when it is a token (a quoted one is unquoted first). */
    String fromDisplay(SipSummary s) {
        int n = s.keyLength(SipSummary.FROM_DISPLAY_TOKEN);
        if (n < 0) {
            return intern(s.fromDisplay());
        }
        return n == 0 ? null : intern(s.keys(), s.keyOffset(SipSummary.FROM_DISPLAY_TOKEN), n);
    }

    /** The interned text of the UTF-8 bytes {@code a[off, off+len)}, as {@code intern(new String(...))} gives it. */
    private String intern(byte[] a, int off, int len) {
        int id = byBytes.find(a, off, len, 0);
        if (id >= 0) {
            return byBytesText[id];
        }
        String s = intern(len == 0 ? "" : new String(a, off, len, StandardCharsets.UTF_8));
        if (byBytes.size() < cap) {
            id = byBytes.add(a, off, len, 0);
            if (id >= byBytesText.length) {
                byBytesText = Arrays.copyOf(byBytesText, Math.max(id + 1, 2 * byBytesText.length));
            }
            byBytesText[id] = s;
        }
        return s;
    }
}
