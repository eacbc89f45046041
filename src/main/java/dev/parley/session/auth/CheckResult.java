package dev.parley.session.auth;

/**
 * Outcome of one credential check. Checks never throw on what came from the wire: odd input is NOT_CHECKABLE with a
 * reason a user can read.
 *
 * @param reason empty for MATCH and MISMATCH, why the check could not be made otherwise
 */
public record CheckResult(Verdict verdict, String reason) {
    private static final CheckResult MATCH = new CheckResult(Verdict.MATCH, "");
    private static final CheckResult MISMATCH = new CheckResult(Verdict.MISMATCH, "");

    public CheckResult {
        if (verdict == null) {
            throw new IllegalArgumentException("verdict is null");
        }
        reason = reason == null ? "" : reason;
    }

    public static CheckResult match() {
        return MATCH;
    }

    public static CheckResult mismatch() {
        return MISMATCH;
    }

    public static CheckResult notCheckable(String reason) {
        return new CheckResult(Verdict.NOT_CHECKABLE, reason);
    }

    static CheckResult of(boolean matches) {
        return matches ? MATCH : MISMATCH;
    }

    public boolean matches() {
        return verdict == Verdict.MATCH;
    }
}
