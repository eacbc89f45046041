package dev.parley.decode.sip;

import java.util.Locale;
import java.util.Map;

/** Compact header forms (RFC 3261 section 7.3.3 and extensions) and canonical spellings of full names. */
final class HeaderNames {
    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("f", "From"), Map.entry("t", "To"), Map.entry("v", "Via"),
            Map.entry("m", "Contact"), Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"),
            Map.entry("k", "Supported"), Map.entry("s", "Subject"), Map.entry("e", "Content-Encoding"),
            Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"),
            Map.entry("b", "Referred-By"), Map.entry("x", "Session-Expires"), Map.entry("y", "Identity"));
    private static final Map<String, String> FULL = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("from", "From"), Map.entry("to", "To"),
            Map.entry("via", "Via"), Map.entry("contact", "Contact"), Map.entry("content-length", "Content-Length"),
            Map.entry("content-type", "Content-Type"), Map.entry("supported", "Supported"),
            Map.entry("subject", "Subject"), Map.entry("content-encoding", "Content-Encoding"),
            Map.entry("event", "Event"), Map.entry("allow-events", "Allow-Events"), Map.entry("refer-to", "Refer-To"),
            Map.entry("referred-by", "Referred-By"), Map.entry("session-expires", "Session-Expires"),
            Map.entry("identity", "Identity"), Map.entry("cseq", "CSeq"), Map.entry("www-authenticate", "WWW-Authenticate"),
            Map.entry("rseq", "RSeq"), Map.entry("rack", "RAck"), Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("record-route", "Record-Route"), Map.entry("route", "Route"), Map.entry("require", "Require"),
            Map.entry("expires", "Expires"), Map.entry("user-agent", "User-Agent"), Map.entry("server", "Server"),
            Map.entry("authorization", "Authorization"), Map.entry("proxy-authorization", "Proxy-Authorization"),
            Map.entry("proxy-authenticate", "Proxy-Authenticate"), Map.entry("allow", "Allow"),
            Map.entry("reason", "Reason"), Map.entry("mime-version", "MIME-Version"));

    private HeaderNames() {
    }

    /** "Call-ID" for "i", "I", "call-id"; unknown names unchanged. */
    static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String c = lower.length() == 1 ? COMPACT.get(lower) : FULL.get(lower);
        return c == null ? name : c;
    }
}
