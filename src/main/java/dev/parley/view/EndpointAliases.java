package dev.parley.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text form of endpoint aliases, one "endpoint=alias" per line (endpoints never hold '=', aliases may): used by
 * the aliases dialog and by the remembered preferences. Pure functions, no JavaFX.
 */
public final class EndpointAliases {
    /** At most this many aliases are kept; the oldest go first. */
    public static final int MAX_ENTRIES = 200;
    /** Longer aliases are cut: they name a column header. */
    public static final int MAX_ALIAS_LENGTH = 64;

    private EndpointAliases() {
    }

    /** An alias as stored: one line, trimmed, bounded; empty means "no alias". */
    public static String clean(String alias) {
        if (alias == null) {
            return "";
        }
        String s = alias.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ').strip();
        return s.length() > MAX_ALIAS_LENGTH ? s.substring(0, MAX_ALIAS_LENGTH).strip() : s;
    }

    /** Parses "endpoint=alias" lines in order; blank, malformed and empty-alias lines are skipped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String alias = clean(line.substring(eq + 1));
            if (!key.isEmpty() && !alias.isEmpty()) {
                out.remove(key); // a repeated key counts as the newest
                out.put(key, alias);
            }
        }
        while (out.size() > MAX_ENTRIES) {
            out.remove(out.keySet().iterator().next());
        }
        return out;
    }

    /** The lines of {@link #parse}, in map order, each ending with '\n'. */
    public static String format(Map<String, String> aliases) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    /** Like {@link #format} but keeps only the newest (last) entries whose text fits in {@code maxChars}. */
    public static String format(Map<String, String> aliases, int maxChars) {
        String all = format(aliases);
        if (all.length() <= maxChars) {
            return all;
        }
        int cut = all.length() - maxChars;
        int nl = all.indexOf('\n', cut - 1);
        return nl < 0 ? "" : all.substring(nl + 1);
    }
}
