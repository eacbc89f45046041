package dev.parley.view.pop3;

import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.session.auth.ApopCheck;
import dev.parley.session.auth.CheckResult;
import dev.parley.session.auth.CramMd5Check;
import dev.parley.session.pop3.AuthMethod;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks a typed password against a POP3 login: the APOP digest, the CRAM-MD5 response, or a clear-text password. */
final class PasswordCheck {
    private PasswordCheck() {
    }

    /** Why a login cannot be checked at all, or null when it can. */
    static String notCheckableReason(Pop3Session s, Pop3Login l) {
        if (l == null) {
            return "the session has no login";
        }
        switch (l.method()) {
            case APOP:
                return l.digest() == null ? "the APOP command holds no digest"
                        : s.greeting() == null && l.apopTimestamp() == null ? "the greeting is missing" : null;
            case CRAM_MD5:
                return cramSteps(s, l) == null ? "the CRAM-MD5 challenge or response is missing" : null;
            case USER_PASS:
            case PLAIN:
            case LOGIN:
                return l.password() == null ? "no password was seen" : null;
            default:
                return l.method().displayName() + " carries no password to check";
        }
    }

    static CheckResult check(Pop3Session s, Pop3Login l, String password) {
        String reason = notCheckableReason(s, l);
        if (reason != null) {
            return CheckResult.notCheckable(reason);
        }
        if (l.method() == AuthMethod.APOP) {
            return ApopCheck.verify(l.apopTimestamp() != null ? l.apopTimestamp() : s.greeting(), l.digest(), password);
        }
        if (l.method() == AuthMethod.CRAM_MD5) {
            String[] steps = cramSteps(s, l);
            return CramMd5Check.verify(steps[0], steps[1], password);
        }
        if (password == null) {
            return CheckResult.notCheckable("no password given");
        }
        // sent in clear: compare in constant time, like the digest checks
        return MessageDigest.isEqual(l.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8)) ? CheckResult.match() : CheckResult.mismatch();
    }

    /** How the check works for this login, for the panel. */
    static String how(Pop3Login l) {
        if (l == null) {
            return "";
        }
        switch (l.method()) {
            case APOP: return "against the APOP digest (MD5 of the greeting's timestamp and the password)";
            case CRAM_MD5: return "against the CRAM-MD5 response (HMAC-MD5 of the server's challenge)";
            default: return "against the password sent in clear text";
        }
    }

    /** The base64 challenge and response lines of the login's AUTH exchange, or null. */
    private static String[] cramSteps(Pop3Session s, Pop3Login l) {
        for (Pop3Exchange e : s.exchanges()) {
            if (e.command() == null || e.command().frame() != l.frame() || !e.verb().equals("AUTH")) {
                continue;
            }
            String challenge = null;
            String response = null;
            for (SaslStep st : e.sasl()) {
                if (st.fromServer() && challenge == null) {
                    challenge = st.text();
                } else if (!st.fromServer() && challenge != null && response == null) {
                    response = st.text();
                }
            }
            return challenge == null || response == null ? null : new String[] {challenge, response};
        }
        return null;
    }
}
