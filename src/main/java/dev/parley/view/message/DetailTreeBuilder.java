package dev.parley.view.message;

import dev.parley.decode.Anomaly;
import dev.parley.decode.sip.HeaderValue;
import dev.parley.decode.sip.NameAddr;
import dev.parley.decode.sip.SipHeader;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipRequest;
import dev.parley.decode.sip.SipResponse;
import dev.parley.decode.sip.SipUri;
import dev.parley.decode.sip.Via;
import dev.parley.session.sip.SipMessageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the detail tree of a parsed SIP message, as Wireshark's packet details pane shows it: start line, headers
 * with their parts and parameters, the body tree, and the anomalies. Pure Java, so the CLI and tests can use it.
 * Top-level nodes (children of the returned root): {@link #REQUEST_LINE} or {@link #STATUS_LINE},
 * {@link #HEADERS}, {@link #BODY} (when there is one) and {@link #ANOMALIES} (when there are any).
 */
public final class DetailTreeBuilder {
    public static final String REQUEST_LINE = "Request-Line";
    public static final String STATUS_LINE = "Status-Line";
    public static final String HEADERS = "Message Header";
    public static final String BODY = "Message Body";
    public static final String ANOMALIES = "Anomalies";

    private DetailTreeBuilder() {
    }

    /** The tree of {@code message}, parsed by SipParser from {@code bytes} (offsets refer to them). */
    public static DetailNode build(SipMessage message, byte[] bytes) {
        return build(message, bytes, new ArrayList<>());
    }

    /** As {@link #build(SipMessage, byte[])}, also collecting every anomaly (SIP and body decoders) into {@code out}. */
    static DetailNode build(SipMessage message, byte[] bytes, List<Anomaly> out) {
        Locator at = new Locator(bytes);
        Node root = new Node("SIP", message.isRequest() ? message.method() : statusText(message), 0, bytes.length);
        root.add(startLine(message, at));
        Node headers = root.add(HEADERS, message.headers().size() + " headers", -1, 0);
        int hs = Integer.MAX_VALUE;
        int he = -1;
        for (SipHeader h : message.headers().all()) {
            headers.add(HeaderNodes.header(message, h, at));
            hs = Math.min(hs, h.offset());
            he = Math.max(he, h.offset() + h.length());
        }
        if (he > 0) {
            headers.offset = hs;
            headers.length = he - hs;
        }
        List<Anomaly> bodyProblems = new ArrayList<>();
        Node body = BodyNodes.body(message.body(), message.contentType(), at, bytes, bodyProblems);
        if (body != null) {
            root.add(body);
        }
        out.addAll(message.anomalies());
        out.addAll(bodyProblems);
        if (!out.isEmpty()) {
            Node list = root.add(ANOMALIES, Integer.toString(out.size()), -1, 0);
            list.anomaly = true;
            for (Anomaly a : out) {
                int off = a.offset() >= 0 && a.offset() < bytes.length ? a.offset() : -1;
                Node n = list.add(a.severity().name().toLowerCase(Locale.ROOT) + " " + a.code(), a.message(), off,
                        off < 0 ? 0 : Math.max(1, at.lineEnd(off) - off));
                n.anomaly = true;
                if (off >= 0) {
                    markContaining(root, off);
                }
            }
        }
        return root.freeze();
    }

    /** Flags the deepest nodes on the path holding {@code offset}, so the anomaly shows where it happened. */
    private static void markContaining(Node n, int offset) {
        for (Node c : n.children) {
            if (c.label.equals(ANOMALIES)) {
                continue;
            }
            if (c.contains(offset)) {
                c.anomaly = true;
                markContaining(c, offset);
                return;
            }
        }
    }

    private static Node startLine(SipMessage message, Locator at) {
        int off = message.startOffset();
        int len = message.startLine().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (message instanceof SipRequest r) {
            Node n = new Node(REQUEST_LINE, r.startLine(), off, len);
            at.child(n, "Method", r.method(), r.method());
            if (r.requestUri() != null) {
                Node uri = at.child(n, "Request-URI", r.requestUri().raw(), r.requestUri().raw());
                uriParts(uri, r.requestUri(), at);
            }
            if (r.version() != null) {
                int[] v = at.find(off + len - r.version().length(), off + len, r.version());
                n.add("SIP-Version", r.version(), v == null ? off : v[0], v == null ? len : v[1]);
            }
            return n;
        }
        SipResponse r = (SipResponse) message;
        Node n = new Node(STATUS_LINE, r.startLine(), off, len);
        at.child(n, "SIP-Version", r.version(), r.version());
        n.add("Status-Code", Integer.toString(r.statusCode()), off + 8, Math.min(3, Math.max(0, len - 8)));
        if (!r.reasonPhrase().isEmpty()) {
            n.add("Reason-Phrase", r.reasonPhrase(), off + 12, Math.max(0, len - 12));
        }
        return n;
    }

    private static String statusText(SipMessage m) {
        SipResponse r = (SipResponse) m;
        return r.statusCode() + (r.reasonPhrase().isEmpty() ? "" : " " + r.reasonPhrase());
    }

    /** Scheme, user, host, port, parameters and headers of a URI as children of {@code n}. */
    static void uriParts(Node n, SipUri u, Locator at) {
        if (u.scheme() == null) {
            return;
        }
        at.child(n, "Scheme", u.scheme(), u.scheme() + ":");
        if (u.user() != null) {
            at.child(n, "User", u.user(), u.user());
        }
        if (u.password() != null) {
            at.child(n, "Password", u.password(), ":" + u.password());
        }
        if (u.host() != null) {
            at.child(n, "Host", u.host(), u.host());
        }
        if (u.port() >= 0) {
            at.child(n, "Port", Integer.toString(u.port()), ":" + u.port());
        }
        parameters(n, u.parameters(), at, "URI parameter ");
        for (Map.Entry<String, String> h : u.headers().entrySet()) {
            at.child(n, "URI header " + h.getKey(), h.getValue(), h.getKey() + "=");
        }
    }

    /** One child per parameter, placed on "name=value" (or "name" for a flag) inside {@code n}'s range. */
    static void parameters(Node n, Map<String, String> params, Locator at, String prefix) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            Node c = at.child(n, prefix + name, value.isEmpty() ? "(flag)" : value, ";" + name);
            if (c.offset != n.offset || c.length != n.length) {
                // extend from the name over "=value"
                c.offset++;
                c.length = name.length();
                if (!value.isEmpty()) {
                    int[] v = at.find(c.offset + c.length, n.offset + n.length, value);
                    if (v != null && v[0] - (c.offset + c.length) <= 3) {
                        c.length = v[0] + v[1] - c.offset;
                    }
                }
            }
        }
    }

    /** Name-addr parts: display name, URI (with its parts) and header parameters (tag, expires, q...). */
    static void nameAddr(Node n, NameAddr a, Locator at) {
        if (a.displayName() != null) {
            at.child(n, "Display name", a.displayName(), a.displayName());
        }
        if (a.uri() != null && !a.uri().raw().isEmpty()) {
            Node uri = at.child(n, "URI", a.uri().raw(), a.uri().raw());
            uriParts(uri, a.uri(), at);
        }
        // search after the URI so a ";tag" inside the URI is not taken for the header parameter
        Node after = n;
        int[] u = a.uri() == null ? null : at.find(n.offset, n.offset + n.length, a.uri().raw());
        if (u != null) {
            after = new Node(n.label, null, u[0] + u[1], n.offset + n.length - (u[0] + u[1]));
        }
        int before = after.children.size();
        parameters(after, a.parameters(), at, "");
        if (after != n) {
            n.children.addAll(after.children.subList(before, after.children.size()));
        }
    }

    /** A Via value: protocol, transport, sent-by and its parameters. */
    static void via(Node n, Via v, Locator at) {
        if (v.protocol() != null) {
            at.child(n, "Protocol", v.protocol(), v.protocol().substring(0, Math.min(3, v.protocol().length())));
        }
        if (v.transport() != null) {
            at.child(n, "Transport", v.transport(), v.transport());
        }
        if (v.host() != null) {
            Node sentBy = at.child(n, "Sent-by", v.host() + (v.port() >= 0 ? ":" + v.port() : ""),
                    v.host() + (v.port() >= 0 ? ":" + v.port() : ""));
            at.child(sentBy, "Host", v.host(), v.host());
            if (v.port() >= 0) {
                at.child(sentBy, "Port", Integer.toString(v.port()), Integer.toString(v.port()));
            }
        }
        parameters(n, v.parameters(), at, "");
    }

    /** Where a value of a multi-valued header sits: its own range. */
    static Node valueNode(String label, HeaderValue v) {
        return new Node(label, v.text(), v.offset(), v.length());
    }

    /** A tree for bytes that are not SIP: one node saying so. */
    static DetailNode notSip(byte[] bytes) {
        Node root = new Node("Data", bytes.length + " bytes", 0, bytes.length);
        Node n = root.add("Not a SIP message", bytes.length + " bytes", 0, bytes.length);
        n.anomaly = true;
        return root.freeze();
    }

    /** A tree from the indexed fields alone, when the message bytes cannot be read. */
    static DetailNode fromRef(SipMessageRef ref) {
        Node root = new Node("SIP", ref.label(), -1, 0);
        if (ref.request()) {
            root.add(REQUEST_LINE, ref.method(), -1, 0).add("Method", ref.method(), -1, 0);
        } else {
            Node s = root.add(STATUS_LINE, ref.label(), -1, 0);
            s.add("Status-Code", Integer.toString(ref.statusCode()), -1, 0);
            if (ref.reasonPhrase() != null) {
                s.add("Reason-Phrase", ref.reasonPhrase(), -1, 0);
            }
        }
        Node h = root.add("Indexed fields", MessageDetailViewModel.BYTES_NOT_AVAILABLE, -1, 0);
        h.add("CSeq", ref.cseq() + " " + ref.cseqMethod(), -1, 0);
        if (ref.branch() != null) {
            h.add("Via branch", ref.branch(), -1, 0);
        }
        if (ref.fromTag() != null) {
            h.add("From tag", ref.fromTag(), -1, 0);
        }
        if (ref.toTag() != null) {
            h.add("To tag", ref.toTag(), -1, 0);
        }
        h.add("Body", ref.sdp() ? "SDP" : "none or other", -1, 0);
        return root.freeze();
    }
}
