package dev.parley.session.auth;

import dev.parley.decode.sip.DigestCredentials;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipRequest;
import java.util.List;

/**
 * The digest credentials a password check of one SIP request works on: the first Authorization, else the first
 * Proxy-Authorization, the same choice as {@link SipDigestCheck#verifyRequest}.
 *
 * @param header "Authorization" or "Proxy-Authorization"
 */
public record DigestTarget(String header, DigestCredentials credentials) {

    /** The target of a parsed message, or null when it is no request or carries no Digest credentials. */
    public static DigestTarget of(SipMessage m) {
        if (!(m instanceof SipRequest r)) {
            return null;
        }
        List<DigestCredentials> c = r.authorizations();
        String header = "Authorization";
        if (c.isEmpty()) {
            c = r.proxyAuthorizations();
            header = "Proxy-Authorization";
        }
        if (c.isEmpty() || !"Digest".equalsIgnoreCase(c.get(0).scheme())) {
            return null;
        }
        return new DigestTarget(header, c.get(0));
    }

    /** "user alice, realm parley.test, MD5, qop auth": what was checked, never the secret. */
    public String describe() {
        DigestCredentials c = credentials;
        return "user " + orDash(c.username()) + ", realm " + orDash(c.realm()) + ", "
                + (c.algorithm() == null ? "MD5" : c.algorithm().strip())
                + (c.parameter("qop") == null ? ", no qop" : ", qop " + c.parameter("qop"));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
