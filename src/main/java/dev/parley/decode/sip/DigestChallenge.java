package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/** WWW-Authenticate / Proxy-Authenticate: scheme and every parameter, names lower case, values unquoted. */
public record DigestChallenge(String scheme, Map<String, String> parameters, int offset, int length) {

    public static DigestChallenge parse(HeaderValue value) {
        return new DigestChallenge(DigestParams.scheme(value.text()), DigestParams.params(value.text()),
                value.offset(), value.length());
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    public String realm() {
        return parameters.get("realm");
    }

    public String nonce() {
        return parameters.get("nonce");
    }

    public String algorithm() {
        return parameters.get("algorithm");
    }

    public String qop() {
        return parameters.get("qop");
    }

    public boolean stale() {
        return "true".equalsIgnoreCase(parameters.get("stale"));
    }
}
