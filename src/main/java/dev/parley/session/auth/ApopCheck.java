package dev.parley.session.auth;

/**
 * APOP (RFC 1939 section 7): the client sends MD5(timestamp + secret) in hex, where the timestamp is the
 * {@code <...>} msg-id of the server's greeting, angle brackets included.
 */
public final class ApopCheck {
    private ApopCheck() {
    }

    /**
     * @param greeting the server's greeting line ({@code +OK ... <1896.697170952@dbc.mtview.ca.us>}) or the bare
     *                 timestamp
     * @param digest   the second argument of the APOP command, 32 hex digits
     * @param password the secret the user typed
     */
    public static CheckResult verify(String greeting, String digest, String password) {
        if (password == null) {
            return CheckResult.notCheckable("no password given");
        }
        String timestamp = timestamp(greeting);
        if (timestamp == null) {
            return CheckResult.notCheckable("the greeting holds no <timestamp>");
        }
        String sent = digest == null ? null : digest.strip();
        if (!Digests.isHex(sent, 32)) {
            return CheckResult.notCheckable("the APOP digest is not 32 hex digits");
        }
        return CheckResult.of(Digests.sameHex(digest(timestamp, password), sent));
    }

    /** The hex digest a client with this secret sends for that timestamp. */
    public static String digest(String timestamp, String password) {
        return Digests.hex(Digests.digest("MD5"), timestamp + password);
    }

    /** The {@code <...>} timestamp of a greeting line, brackets included, or null when there is none. */
    public static String timestamp(String greeting) {
        if (greeting == null) {
            return null;
        }
        int open = greeting.indexOf('<');
        int close = open < 0 ? -1 : greeting.indexOf('>', open + 1);
        return close < 0 ? null : greeting.substring(open, close + 1);
    }
}
