package dev.parley.decode.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses a mail's bytes with mime4j (lenient: no line or header limits, broken encodings decoded as far as they
 * go). Never throws on the mail's content: what mime4j rejects is a problem in the result.
 */
public final class MimeParser {
    private MimeParser() {
    }

    public static MimeMessage parse(byte[] mail) {
        List<String> problems = new ArrayList<>();
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        Message m;
        try {
            m = builder.parseMessage(new ByteArrayInputStream(mail));
        } catch (IOException | RuntimeException e) {
            problems.add("not a MIME mail: " + e.getMessage());
            MimePart empty = new MimePart("text/plain", null, "7bit", null, null, mail.length, mail.clone(),
                    new String(mail, StandardCharsets.ISO_8859_1), List.of(), List.of());
            return new MimeMessage(List.of(), null, null, null, null, null, null, empty, List.copyOf(problems));
        }
        MimePart root = part(m, problems);
        return new MimeMessage(root.headers(), decoded(root.headers(), "Subject"), decoded(root.headers(), "From"),
                decoded(root.headers(), "To"), decoded(root.headers(), "Cc"), decoded(root.headers(), "Date"),
                decoded(root.headers(), "Message-ID"), root, List.copyOf(problems));
    }

    private static MimePart part(Entity e, List<String> problems) {
        List<MimeHeader> headers = new ArrayList<>();
        if (e.getHeader() != null) {
            for (Field f : e.getHeader().getFields()) {
                String raw = f.getBody() == null ? "" : f.getBody();
                headers.add(new MimeHeader(f.getName(), raw, decodeWords(raw)));
            }
        }
        String type = e.getMimeType() == null ? "text/plain" : e.getMimeType().toLowerCase(Locale.ROOT);
        String filename = e.getFilename() == null ? null : decodeWords(e.getFilename());
        Body body = e.getBody();
        List<MimePart> children = new ArrayList<>();
        byte[] content = new byte[0];
        String text = null;
        if (body instanceof Multipart mp) {
            for (Entity child : mp.getBodyParts()) {
                children.add(part(child, problems));
            }
        } else if (body instanceof Message nested) {
            children.add(part(nested, problems));
        } else if (body instanceof SingleBody single) {
            content = read(single, problems);
            if (type.startsWith("text/")) {
                text = new String(content, charset(e.getCharset(), problems));
            }
        }
        return new MimePart(type, e.getCharset(), e.getContentTransferEncoding(), e.getDispositionType(), filename,
                content.length, content, text, List.copyOf(headers), List.copyOf(children));
    }

    private static byte[] read(SingleBody body, List<String> problems) {
        try (InputStream in = body.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            problems.add("body could not be decoded: " + e.getMessage());
            return new byte[0];
        }
    }

    private static Charset charset(String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            problems.add("unknown charset " + name + ": text shown as ISO-8859-1");
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** RFC 2047 encoded words decoded, folding removed. */
    static String decodeWords(String raw) {
        String unfolded = raw.replace("\r\n", "").replace("\n", "");
        try {
            return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return unfolded;
        }
    }

    private static String decoded(List<MimeHeader> headers, String name) {
        for (MimeHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
