package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps many short, mostly unique strings (Via branches, tags) packed in one Latin-1 byte array, so each costs its
 * length plus an offset instead of a String and its array (some 40 bytes of headers). Ids: 0 is null, positive ids
 * index the packed bytes, negative ids the rare strings with characters beyond Latin-1, kept as they are. Strings are
 * rebuilt on each {@link #get}; {@link #matches} compares without building one. No deduplication: callers share ids.
 */
final class StringPool {
    private byte[] blob = new byte[1 << 12];
    private int used;
    private int[] starts = new int[1 << 10]; // starts[id] = offset of id; starts[id + 1] = its end
    private int count = 1;
    private final List<String> wide = new ArrayList<>();

    int add(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                wide.add(s);
                return -wide.size();
            }
        }
        if (used + n > blob.length) {
            blob = Arrays.copyOf(blob, Math.max(used + n, blob.length + (blob.length >> 1)));
        }
        for (int i = 0; i < n; i++) {
            blob[used + i] = (byte) s.charAt(i);
        }
        used += n;
        if (count + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1));
        }
        int id = count++;
        starts[id + 1] = used;
        return id;
    }

    String get(int id) {
        if (id == 0) {
            return null;
        }
        if (id < 0) {
            return wide.get(-id - 1);
        }
        int from = starts[id];
        return new String(blob, from, starts[id + 1] - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Same text as {@code s} (both null counts as a match). */
    boolean matches(int id, String s) {
        if (id == 0 || s == null) {
            return id == 0 && s == null;
        }
        if (id < 0) {
            return wide.get(-id - 1).equals(s);
        }
        int from = starts[id];
        int n = starts[id + 1] - from;
        if (n != s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((blob[from + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean same(int a, int b) {
        if (a == b) {
            return true;
        }
        if (a <= 0 || b <= 0) {
            return a != 0 && b != 0 && get(a).equals(get(b));
        }
        return Arrays.equals(blob, starts[a], starts[a + 1], blob, starts[b], starts[b + 1]);
    }

    void trim() {
        blob = Arrays.copyOf(blob, used);
        starts = Arrays.copyOf(starts, count + 1);
    }
}
