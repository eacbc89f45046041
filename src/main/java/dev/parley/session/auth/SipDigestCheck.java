package dev.parley.session.auth;

import dev.parley.decode.Bytes;
import dev.parley.decode.sip.DigestCredentials;
import dev.parley.decode.sip.HeaderValue;
import dev.parley.decode.sip.SipBody;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import dev.parley.decode.sip.SipRequest;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * SIP digest Authorization / Proxy-Authorization (RFC 3261 section 22.4 over RFC 2617, algorithms of RFC 7616):
 * HA1 = H(user:realm:password), for -sess H(H(user:realm:password):nonce:cnonce); HA2 = H(method:uri), for
 * auth-int H(method:uri:H(body)); response = H(HA1:nonce:HA2) without qop (RFC 2069), else
 * H(HA1:nonce:nc:cnonce:qop:HA2). H is MD5 (the default), SHA-256 or SHA-512-256. Text is hashed as UTF-8.
 */
public final class SipDigestCheck {
    private SipDigestCheck() {
    }

    /**
     * @param credentials a parsed Authorization or Proxy-Authorization value
     * @param method      the request's method (for SIP, the one of the request line)
     * @param body        the request's body, only read for qop=auth-int; null means empty
     * @param password    the secret the user typed
     */
    public static CheckResult verify(DigestCredentials credentials, String method, byte[] body, String password) {
        if (credentials == null) {
            return CheckResult.notCheckable("no credentials");
        }
        if (password == null) {
            return CheckResult.notCheckable("no password given");
        }
        if (!"Digest".equalsIgnoreCase(credentials.scheme())) {
            return CheckResult.notCheckable("scheme " + credentials.scheme() + " is not Digest");
        }
        if ("true".equalsIgnoreCase(credentials.parameter("userhash"))) {
            return CheckResult.notCheckable("the username is hashed (userhash=true)");
        }
        String algorithm = credentials.algorithm() == null ? "MD5" : credentials.algorithm().strip();
        String jca = jcaName(algorithm);
        if (jca == null) {
            return CheckResult.notCheckable("unsupported algorithm " + algorithm);
        }
        String missing = missing(credentials, method);
        if (missing != null) {
            return CheckResult.notCheckable("missing " + missing);
        }
        String qop = credentials.parameter("qop");
        String nc = credentials.parameter("nc");
        String cnonce = credentials.parameter("cnonce");
        boolean sess = algorithm.toLowerCase(Locale.ROOT).endsWith("-sess");
        if (qop != null && !"auth".equalsIgnoreCase(qop) && !"auth-int".equalsIgnoreCase(qop)) {
            return CheckResult.notCheckable("unsupported qop " + qop);
        }
        if (qop != null && (nc == null || cnonce == null)) {
            return CheckResult.notCheckable("qop=" + qop + " without nc and cnonce");
        }
        if (sess && cnonce == null) {
            return CheckResult.notCheckable(algorithm + " without cnonce");
        }
        String response = credentials.response().strip();
        MessageDigest md = Digests.digest(jca);
        if (!Digests.isHex(response, md.getDigestLength() * 2)) {
            return CheckResult.notCheckable("the response is not a " + algorithm + " hex digest");
        }
        String nonce = credentials.nonce();
        String ha1 = Digests.hex(md, credentials.username() + ":" + credentials.realm() + ":" + password);
        if (sess) {
            ha1 = Digests.hex(md, ha1 + ":" + nonce + ":" + cnonce);
        }
        String a2 = method + ":" + credentials.uri();
        if ("auth-int".equalsIgnoreCase(qop)) {
            a2 = a2 + ":" + Digests.hex(md.digest(body == null ? new byte[0] : body));
        }
        String ha2 = Digests.hex(md, a2);
        String expected = qop == null
                ? Digests.hex(md, ha1 + ":" + nonce + ":" + ha2)
                : Digests.hex(md, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        return CheckResult.of(Digests.sameHex(expected, response));
    }

    /** The same for the text of an Authorization / Proxy-Authorization header value ("Digest username=..."). */
    public static CheckResult verify(String headerValue, String method, byte[] body, String password) {
        if (headerValue == null) {
            return CheckResult.notCheckable("no credentials");
        }
        return verify(DigestCredentials.parse(new HeaderValue(headerValue, 0, headerValue.length())), method, body,
                password);
    }

    /**
     * Checks the first Authorization of a whole SIP request, else its first Proxy-Authorization, with the request's
     * own method and body.
     */
    public static CheckResult verifyRequest(byte[] request, String password) {
        if (request == null) {
            return CheckResult.notCheckable("no message");
        }
        SipMessage m = SipParser.parse(Bytes.of(request));
        if (!(m instanceof SipRequest r)) {
            return CheckResult.notCheckable("not a request");
        }
        List<DigestCredentials> c = r.authorizations();
        if (c.isEmpty()) {
            c = r.proxyAuthorizations();
        }
        if (c.isEmpty()) {
            return CheckResult.notCheckable("the request carries no credentials");
        }
        return verify(c.get(0), r.method(), body(r.body(), request), password);
    }

    private static byte[] body(SipBody body, byte[] message) {
        int from = Math.max(0, Math.min(body.offset(), message.length));
        int to = Math.max(from, Math.min(message.length, from + Math.max(0, body.length())));
        byte[] out = new byte[to - from];
        System.arraycopy(message, from, out, 0, out.length);
        return out;
    }

    private static String missing(DigestCredentials c, String method) {
        if (c.username() == null) {
            return c.parameter("username*") != null ? "username (only username* is given)" : "username";
        }
        if (c.realm() == null) {
            return "realm";
        }
        if (c.nonce() == null) {
            return "nonce";
        }
        if (c.uri() == null) {
            return "uri";
        }
        if (c.response() == null) {
            return "response";
        }
        return method == null || method.isEmpty() ? "method" : null;
    }

    private static String jcaName(String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        if (a.endsWith("-SESS")) {
            a = a.substring(0, a.length() - 5);
        }
        if (a.equals("MD5")) {
            return "MD5";
        }
        if (a.equals("SHA-256")) {
            return "SHA-256";
        }
        if (a.equals("SHA-512-256")) {
            return "SHA-512/256";
        }
        return null;
    }
}
