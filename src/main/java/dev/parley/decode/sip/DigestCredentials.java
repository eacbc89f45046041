package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/** Authorization / Proxy-Authorization: scheme ("Digest") and every parameter, names lower case, values unquoted. */
public record DigestCredentials(String scheme, Map<String, String> parameters, int offset, int length) {

    public static DigestCredentials parse(HeaderValue value) {
        return new DigestCredentials(DigestParams.scheme(value.text()), DigestParams.params(value.text()),
                value.offset(), value.length());
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    public String username() {
        return parameters.get("username");
    }

    public String realm() {
        return parameters.get("realm");
    }

    public String nonce() {
        return parameters.get("nonce");
    }

    public String uri() {
        return parameters.get("uri");
    }

    public String response() {
        return parameters.get("response");
    }

    public String algorithm() {
        return parameters.get("algorithm");
    }
}
