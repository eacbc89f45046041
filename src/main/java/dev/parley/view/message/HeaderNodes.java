package dev.parley.view.message;

import dev.parley.decode.sip.CSeq;
import dev.parley.decode.sip.Contact;
import dev.parley.decode.sip.DigestChallenge;
import dev.parley.decode.sip.DigestCredentials;
import dev.parley.decode.sip.HeaderValue;
import dev.parley.decode.sip.NameAddr;
import dev.parley.decode.sip.SipHeader;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.Via;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The node of one header line with its parts: name-addr, Via, CSeq, digest and media type parameters, lists. */
final class HeaderNodes {
    /** Headers whose value is a comma-separated list of name-addr. */
    private static final Set<String> NAME_ADDR_LISTS = Set.of("contact", "route", "record-route", "path",
            "service-route", "p-asserted-identity", "p-preferred-identity", "diversion", "history-info");
    /** Headers holding one name-addr. */
    private static final Set<String> NAME_ADDRS = Set.of("from", "to", "refer-to", "referred-by", "reply-to",
            "p-called-party-id", "remote-party-id");
    /** Comma-separated token lists. */
    private static final Set<String> TOKEN_LISTS = Set.of("supported", "require", "proxy-require", "unsupported",
            "allow", "allow-events", "accept", "accept-encoding", "accept-language", "content-encoding");
    /** "token;param=value" headers. */
    private static final Set<String> TOKEN_PARAMS = Set.of("content-type", "reason", "event", "subscription-state",
            "content-disposition", "accept-contact", "session-expires", "retry-after", "min-se");

    private HeaderNodes() {
    }

    static Node header(SipMessage m, SipHeader h, Locator at) {
        String full = h.fullName();
        String label = h.name().equalsIgnoreCase(full) ? full : full + " (" + h.name() + ")";
        Node n = new Node(label, h.value(), h.offset(), h.length());
        String key = full.toLowerCase(Locale.ROOT);
        HeaderValue whole = new HeaderValue(h.value(), h.valueOffset(), h.offset() + h.length() - h.valueOffset());
        if (key.equals("via")) {
            List<HeaderValue> vs = valuesOf(m, h);
            for (int i = 0; i < vs.size(); i++) {
                Node target = vs.size() == 1 ? n : n.add(DetailTreeBuilder.valueNode("Via " + (i + 1), vs.get(i)));
                DetailTreeBuilder.via(target, Via.parse(vs.get(i)), at);
            }
        } else if (NAME_ADDRS.contains(key)) {
            DetailTreeBuilder.nameAddr(n, NameAddr.parse(whole), at);
        } else if (NAME_ADDR_LISTS.contains(key)) {
            List<HeaderValue> vs = valuesOf(m, h);
            for (int i = 0; i < vs.size(); i++) {
                Node target = vs.size() == 1 ? n : n.add(DetailTreeBuilder.valueNode(full + " " + (i + 1), vs.get(i)));
                if (key.equals("contact")) {
                    Contact c = Contact.parse(vs.get(i));
                    if (c.wildcard()) {
                        target.addHere("Wildcard", "*");
                        continue;
                    }
                }
                DetailTreeBuilder.nameAddr(target, NameAddr.parse(vs.get(i)), at);
            }
        } else if (key.equals("cseq")) {
            CSeq c = CSeq.parse(whole);
            at.child(n, "Sequence number", c.number() < 0 ? "invalid" : Long.toString(c.number()),
                    c.number() < 0 ? null : Long.toString(c.number()));
            if (c.method() != null) {
                int[] r = at.find(h.valueOffset(), h.offset() + h.length(), c.method());
                n.add("Method", c.method(), r == null ? n.offset : r[0], r == null ? n.length : r[1]);
            }
        } else if (key.equals("authorization") || key.equals("proxy-authorization")) {
            DigestCredentials d = DigestCredentials.parse(whole);
            digest(n, d.scheme(), d.parameters(), at);
        } else if (key.equals("www-authenticate") || key.equals("proxy-authenticate")) {
            DigestChallenge d = DigestChallenge.parse(whole);
            digest(n, d.scheme(), d.parameters(), at);
        } else if (TOKEN_LISTS.contains(key)) {
            for (HeaderValue v : valuesOf(m, h)) {
                n.add(DetailTreeBuilder.valueNode(key.startsWith("allow") && !key.equals("allow-events") ? "Method"
                        : "Value", v));
            }
        } else if (TOKEN_PARAMS.contains(key)) {
            tokenParams(n, h, at);
        }
        return n;
    }

    /** The comma-separated values of this very header line (not of every line with the name). */
    private static List<HeaderValue> valuesOf(SipMessage m, SipHeader h) {
        List<HeaderValue> out = new ArrayList<>(2);
        int end = h.offset() + h.length();
        for (HeaderValue v : m.headers().values(h.fullName())) {
            if (v.offset() >= h.valueOffset() && v.offset() < end) {
                out.add(v);
            }
        }
        return out;
    }

    private static void digest(Node n, String scheme, Map<String, String> params, Locator at) {
        if (scheme != null && !scheme.isEmpty() && scheme.indexOf('=') < 0) {
            at.child(n, "Scheme", scheme, scheme);
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            Node c = at.listParameter(n, p.getKey(), p.getValue(), p.getKey());
            if (c.offset != n.offset || c.length != n.length) {
                int[] v = at.find(c.offset + c.length, n.offset + n.length, p.getValue());
                if (v != null && !p.getValue().isEmpty() && v[0] - (c.offset + c.length) <= 1) {
                    c.length = v[0] + v[1] - c.offset + (v[0] > c.offset + c.length ? 1 : 0);
                }
            }
        }
    }

    /** "token;name=value;...": the token then the parameters. */
    private static void tokenParams(Node n, SipHeader h, Locator at) {
        String v = h.value();
        int semi = v.indexOf(';');
        String token = (semi < 0 ? v : v.substring(0, semi)).strip();
        if (!token.isEmpty()) {
            at.child(n, h.fullName().equalsIgnoreCase("Content-Type") ? "Media type" : "Value", token, token);
        }
        if (semi >= 0) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String item : v.substring(semi + 1).split(";")) {
                int eq = item.indexOf('=');
                String name = (eq < 0 ? item : item.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : unquote(item.substring(eq + 1).strip());
                if (!name.isEmpty()) {
                    params.putIfAbsent(name, value);
                }
            }
            DetailTreeBuilder.parameters(n, params, at, "");
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
