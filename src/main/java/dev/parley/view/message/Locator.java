package dev.parley.view.message;

import java.nio.charset.StandardCharsets;

/**
 * Finds where a parsed piece of text sits in the message bytes, for pieces the parser gives no offset for (a URI's
 * host, a tag parameter). Searches inside the parent's range only; when not found the parent's range is used.
 */
final class Locator {
    private final String latin1;

    Locator(byte[] bytes) {
        this.latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Adds a child for {@code needle} found in {@code parent}'s range at or after {@code from}; returns it. */
    Node child(Node parent, String label, String value, String needle) {
        int[] r = find(parent.offset, parent.offset + parent.length, needle);
        return r == null ? parent.addHere(label, value) : parent.add(label, value, r[0], r[1]);
    }

    /** [offset, length] of {@code needle} (as UTF-8) in [from, to), or null. */
    int[] find(int from, int to, String needle) {
        if (needle == null || needle.isEmpty() || from < 0) {
            return null;
        }
        String n = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        int end = Math.min(to, latin1.length());
        int i = latin1.indexOf(n, from);
        if (i < 0 || i + n.length() > end) {
            // parameter names may be written in another case than the parsed, lower-cased name
            i = indexOfIgnoreCase(n, from, end);
        }
        return i < 0 ? null : new int[] {i, n.length()};
    }

    /**
     * Adds a child for a "name=" parameter of a comma-separated list (digest), found only where a list item starts,
     * so "nonce=" is not found inside "cnonce=".
     */
    Node listParameter(Node parent, String label, String value, String name) {
        int from = parent.offset;
        int to = parent.offset + parent.length;
        while (from < to) {
            int[] r = find(from, to, name + "=");
            if (r == null) {
                break;
            }
            char before = r[0] > 0 ? latin1.charAt(r[0] - 1) : ' ';
            if (before == ' ' || before == ',' || before == '\t') {
                return parent.add(label, value, r[0], r[1]);
            }
            from = r[0] + 1;
        }
        return parent.addHere(label, value);
    }

    private int indexOfIgnoreCase(String n, int from, int end) {
        for (int i = from; i + n.length() <= end; i++) {
            if (latin1.regionMatches(true, i, n, 0, n.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Offset of the end of the line starting at or containing {@code from} (CR/LF excluded). */
    int lineEnd(int from) {
        int lf = latin1.indexOf('\n', Math.max(0, from));
        int e = lf < 0 ? latin1.length() : lf;
        return e > from && latin1.charAt(e - 1) == '\r' ? e - 1 : e;
    }
}
