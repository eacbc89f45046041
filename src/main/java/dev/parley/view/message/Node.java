package dev.parley.view.message;

import java.util.ArrayList;
import java.util.List;

/** Mutable node used while building a tree; {@link #freeze()} turns it into the immutable {@link DetailNode}. */
final class Node {
    final String label;
    final String value;
    int offset;
    int length;
    boolean anomaly;
    final List<Node> children = new ArrayList<>();

    Node(String label, String value, int offset, int length) {
        this.label = label;
        this.value = value;
        this.offset = offset;
        this.length = length;
    }

    Node add(String childLabel, String childValue, int childOffset, int childLength) {
        Node n = new Node(childLabel, childValue, childOffset, childLength);
        children.add(n);
        return n;
    }

    Node add(Node child) {
        children.add(child);
        return child;
    }

    /** A child covering the same bytes as this node. */
    Node addHere(String childLabel, String childValue) {
        return add(childLabel, childValue, offset, length);
    }

    boolean contains(int position) {
        return offset >= 0 && position >= offset && position <= offset + length;
    }

    DetailNode freeze() {
        List<DetailNode> c = new ArrayList<>(children.size());
        for (Node n : children) {
            c.add(n.freeze());
        }
        return new DetailNode(label, value, offset, length, anomaly, c);
    }
}
