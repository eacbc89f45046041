package dev.parley.session.auth;

import java.nio.charset.StandardCharsets;

/**
 * SASL CRAM-MD5 (RFC 2195, used by POP3 AUTH per RFC 5034): the server sends base64(challenge), the client answers
 * base64(user + " " + hex(HMAC-MD5(key = secret, challenge))).
 */
public final class CramMd5Check {
    private CramMd5Check() {
    }

    /**
     * @param challenge the server's continuation: the base64 text, with or without its leading {@code "+ "}
     * @param response  the client's base64 line
     * @param password  the secret the user typed
     */
    public static CheckResult verify(String challenge, String response, String password) {
        if (password == null) {
            return CheckResult.notCheckable("no password given");
        }
        byte[] c = Digests.base64(stripContinuation(challenge));
        if (c == null || c.length == 0) {
            return CheckResult.notCheckable("the challenge is not base64");
        }
        if (response != null && response.strip().equals("*")) {
            return CheckResult.notCheckable("the client cancelled the exchange");
        }
        byte[] r = Digests.base64(response);
        if (r == null) {
            return CheckResult.notCheckable("the response is not base64");
        }
        String text = new String(r, StandardCharsets.UTF_8);
        int sp = text.lastIndexOf(' ');
        String sent = sp < 0 ? "" : text.substring(sp + 1);
        if (sp <= 0 || !Digests.isHex(sent, 32)) {
            return CheckResult.notCheckable("the response is not \"user hexdigest\"");
        }
        return CheckResult.of(Digests.sameHex(digest(c, password), sent));
    }

    /** The user name in a base64 response, or null when the response is not "user digest". */
    public static String user(String response) {
        byte[] r = Digests.base64(response);
        if (r == null) {
            return null;
        }
        String text = new String(r, StandardCharsets.UTF_8);
        int sp = text.lastIndexOf(' ');
        return sp <= 0 ? null : text.substring(0, sp);
    }

    /** hex(HMAC-MD5(secret, challenge)) for the decoded challenge bytes. */
    public static String digest(byte[] challenge, String password) {
        return Digests.hex(Digests.hmacMd5(Digests.utf8(password), challenge));
    }

    private static String stripContinuation(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.startsWith("+") ? t.substring(1) : t;
    }
}
