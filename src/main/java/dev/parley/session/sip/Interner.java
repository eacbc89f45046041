package dev.parley.session.sip;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings that repeat across messages (methods, reason phrases, user agents) so each message record
 * points at one copy. Bounded: past the cap new strings are returned as they are.
 */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();
    private final int cap;

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
}
