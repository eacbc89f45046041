package dev.parley.view.message;

import dev.parley.decode.Bytes;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers over detail trees: parse and build, find nodes by label path, read a node's bytes. */
final class DetailTrees {
    private DetailTrees() {
    }

    static DetailNode tree(byte[] bytes) {
        SipMessage m = SipParser.parse(Bytes.of(bytes));
        if (m == null) {
            throw new AssertionError("not SIP");
        }
        return DetailTreeBuilder.build(m, bytes);
    }

    static List<String> labels(DetailNode n) {
        List<String> out = new ArrayList<>();
        for (DetailNode c : n.children()) {
            out.add(c.label());
        }
        return out;
    }

    /** The first node, depth first, whose label equals {@code label}; null when none. */
    static DetailNode find(DetailNode n, String label) {
        if (n.label().equals(label)) {
            return n;
        }
        for (DetailNode c : n.children()) {
            DetailNode f = find(c, label);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    static List<DetailNode> findAll(DetailNode n, String label, List<DetailNode> out) {
        if (n.label().equals(label)) {
            out.add(n);
        }
        for (DetailNode c : n.children()) {
            findAll(c, label, out);
        }
        return out;
    }

    /** The bytes a node covers, as text. */
    static String text(byte[] bytes, DetailNode n) {
        return new String(bytes, n.offset(), n.length(), StandardCharsets.UTF_8);
    }
}
