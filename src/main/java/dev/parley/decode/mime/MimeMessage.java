package dev.parley.decode.mime;

import java.util.List;

/**
 * A parsed mail: its header fields (decoded), the usual ones picked out, and the part tree.
 *
 * @param problems what was wrong in the mail (unknown charset, broken encoding); parsing went on
 */
public record MimeMessage(List<MimeHeader> headers, String subject, String from, String to, String cc, String date,
                          String messageId, MimePart root, List<String> problems) {

    /** The decoded value of the first header of that name (case-insensitive), or null. */
    public String header(String name) {
        for (MimeHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public List<MimePart> attachments() {
        return root.flatten().stream().filter(MimePart::attachment).toList();
    }

    /** The first text/plain part that is not an attachment, else the first text part, or null. */
    public MimePart textPart() {
        MimePart any = null;
        for (MimePart p : root.flatten()) {
            if (p.text() != null && !p.attachment()) {
                if (p.mimeType().equals("text/plain")) {
                    return p;
                }
                if (any == null) {
                    any = p;
                }
            }
        }
        return any;
    }
}
