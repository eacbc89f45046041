package dev.parley.session.auth;

import java.util.Collection;

/**
 * Masking of plain-text secrets (passwords seen on the wire or typed by the user) for views and exports. The mask has
 * a fixed length so it never tells how long the secret is; secrets are shown only when the user asks.
 */
public final class Secrets {
    /** What every secret is replaced with. */
    public static final String MASK = "••••••";

    private Secrets() {
    }

    /** MASK for any secret, the empty string for none (null or empty: there is nothing to hide). */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASK;
    }

    /** The secret itself when {@code reveal} is set (the user asked), else its mask. */
    public static String show(String secret, boolean reveal) {
        if (reveal) {
            return secret == null ? "" : secret;
        }
        return mask(secret);
    }

    /**
     * Text with every occurrence of each secret replaced by MASK, for lines and exports that quote them (a PASS line,
     * a decoded AUTH PLAIN). Longer secrets are replaced first, so one that contains another is masked whole.
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        String[] sorted = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toArray(String[]::new);
        for (String s : sorted) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
