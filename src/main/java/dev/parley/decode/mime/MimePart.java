package dev.parley.decode.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity of a mail's part tree.
 *
 * @param mimeType          "text/plain", "multipart/mixed"... (lower case)
 * @param charset           the declared charset, or null
 * @param transferEncoding  "7bit", "base64", "quoted-printable"...
 * @param disposition       "inline", "attachment" or null
 * @param filename          the file name (decoded), or null
 * @param size              decoded octets of a leaf part (base64 / quoted-printable undone), 0 for a multipart
 * @param content           decoded octets of a leaf part, empty for a multipart
 * @param text              a text part's content decoded with its charset (ISO-8859-1 when unknown), else null
 * @param children          parts of a multipart, or the parsed mail of a message/rfc822 part
 */
public record MimePart(String mimeType, String charset, String transferEncoding, String disposition, String filename,
                       long size, byte[] content, String text, List<MimeHeader> headers, List<MimePart> children) {

    public boolean multipart() {
        return mimeType.startsWith("multipart/");
    }

    /** An attachment: says so, or has a file name, or is a leaf that is neither text nor a nested mail. */
    public boolean attachment() {
        if (multipart() || mimeType.equals("message/rfc822")) {
            return false;
        }
        return "attachment".equalsIgnoreCase(disposition) || filename != null;
    }

    /** This part and all below it, depth first. */
    public List<MimePart> flatten() {
        List<MimePart> out = new ArrayList<>();
        add(this, out);
        return out;
    }

    private static void add(MimePart p, List<MimePart> out) {
        out.add(p);
        for (MimePart c : p.children()) {
            add(c, out);
        }
    }
}
