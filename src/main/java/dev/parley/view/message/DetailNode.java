package dev.parley.view.message;

import java.util.List;

/**
 * One node of a message's detail tree (pure model, no JavaFX).
 *
 * @param label    what the node is ("From", "tag", "m=audio")
 * @param value    its value, or null for a pure grouping node
 * @param offset   first byte in the message bytes, -1 when the node has no place in them
 * @param length   bytes covered, 0 when unknown
 * @param anomaly  true when the node reports (or contains) something wrong on the wire
 * @param children sub-nodes in display order
 */
public record DetailNode(String label, String value, int offset, int length, boolean anomaly,
                         List<DetailNode> children) {

    public DetailNode {
        children = List.copyOf(children);
    }

    /** "label: value", or the label alone. */
    public String text() {
        return value == null ? label : label + ": " + value;
    }

    public boolean hasRange() {
        return offset >= 0 && length > 0;
    }

    /** The first direct child with that label, or null. */
    public DetailNode child(String childLabel) {
        for (DetailNode c : children) {
            if (c.label.equals(childLabel)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text() + (offset >= 0 ? " [" + offset + "+" + length + "]" : "");
    }
}
