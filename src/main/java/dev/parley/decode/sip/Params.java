package dev.parley.decode.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splitting of header text: ";name=value" parameters and comma-separated lists, quotes and brackets respected. */
final class Params {
    private Params() {
    }

    /** Parameters after {@code from} in {@code s} separated by {@code sep}; names lower case, flags map to "". */
    static Map<String, String> parse(String s, int from, char sep) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int[] r : split(s, from, s.length(), sep)) {
            String item = s.substring(r[0], r[1]);
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : unquote(item.substring(eq + 1).strip());
            out.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Trimmed ranges of [from, to) split on {@code sep} outside quotes and angle brackets. */
    static List<int[]> split(String s, int from, int to, char sep) {
        List<int[]> out = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            } else if (c == sep && angle == 0) {
                out.add(trim(s, start, i));
                start = i + 1;
            }
        }
        out.add(trim(s, start, to));
        return out;
    }

    static int[] trim(String s, int b, int e) {
        while (b < e && Character.isWhitespace(s.charAt(b))) {
            b++;
        }
        while (e > b && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return new int[] {b, e};
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            StringBuilder b = new StringBuilder(v.length());
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                b.append(c);
            }
            return b.toString();
        }
        return v;
    }

    /** Index of {@code c} in [from, length) outside quotes (and angle brackets when asked), or -1. */
    static int indexOutside(String s, char c, int from, boolean skipAngle) {
        boolean quoted = false;
        int angle = 0;
        for (int i = from; i < s.length(); i++) {
            char x = s.charAt(i);
            if (quoted) {
                if (x == '\\') {
                    i++;
                } else if (x == '"') {
                    quoted = false;
                }
            } else if (x == '"') {
                quoted = true;
            } else if (skipAngle && x == '<') {
                angle++;
            } else if (skipAngle && x == '>' && angle > 0) {
                angle--;
            } else if (x == c && angle == 0) {
                return i;
            }
        }
        return -1;
    }

    static long parseLong(String s, long fallback) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > 18) {
            return fallback;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return fallback;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
