package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small ids for the few strings that repeat on every message (methods, reason phrases): a message stores a char
 * instead of a reference. Id 0 is null; past {@link #FULL} distinct names the caller keeps the string itself.
 */
final class NameTable {
    static final char FULL = 0xFFFF;
    private static final int RECENT = 64;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    // the ids of recently looked-up strings by reference: the scanner hands the same String objects again and again
    // (its method constants, its cache of reason phrases), so three lookups a message mostly skip the map
    private final String[] recent = new String[RECENT];
    private final char[] recentIds = new char[RECENT];

    NameTable() {
        names.add(null);
    }

    char id(String s) {
        if (s == null) {
            return 0;
        }
        int at = s.hashCode() & (RECENT - 1);
        if (recent[at] == s) {
            return recentIds[at];
        }
        char id = lookUp(s);
        recent[at] = s;
        recentIds[at] = id; // an id never changes, FULL included: the table only grows
        return id;
    }

    private char lookUp(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return (char) id.intValue();
        }
        if (names.size() >= FULL) {
            return FULL;
        }
        int next = names.size();
        names.add(s);
        ids.put(s, next);
        return (char) next;
    }

    String name(char id) {
        return names.get(id);
    }

    /** The kept copy for an id from {@link #id}, or {@code s} itself past the cap. */
    String name(char id, String s) {
        return id == FULL ? s : names.get(id);
    }
}
