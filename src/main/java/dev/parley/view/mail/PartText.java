package dev.parley.view.mail;

import dev.parley.decode.mime.MimePart;

/** What the viewer shows for a part: its decoded text (HTML as source text, never rendered) or a line about it. */
final class PartText {
    /** Put above an HTML part's source so nobody takes it for a rendering. */
    static final String HTML_NOTE = "[HTML part shown as source text; it is never rendered]\n\n";

    private PartText() {
    }

    static String of(MimePart p) {
        if (p == null) {
            return "";
        }
        if (p.multipart()) {
            return "[" + p.mimeType() + ": " + p.children().size() + " parts; select one in the tree]";
        }
        if (p.text() != null) {
            return p.mimeType().equals("text/html") ? HTML_NOTE + p.text() : p.text();
        }
        return "[" + p.mimeType() + (p.filename() == null ? "" : " \u201c" + p.filename() + "\u201d") + ", " + p.size()
                + " octets" + (p.transferEncoding() == null ? "" : ", sent as " + p.transferEncoding())
                + ": not text; use Save attachment\u2026]";
    }

    /** One line for the part tree: "text/plain; charset=UTF-8 (412 octets)". */
    static String label(MimePart p) {
        StringBuilder b = new StringBuilder(p.mimeType());
        if (p.charset() != null && !p.multipart()) {
            b.append("; ").append(p.charset());
        }
        if (p.filename() != null) {
            b.append("  \u201c").append(p.filename()).append('\u201d');
        }
        if (!p.multipart()) {
            b.append("  (").append(p.size()).append(" octets");
            if (p.attachment()) {
                b.append(", attachment");
            }
            b.append(')');
        }
        return b.toString();
    }
}
