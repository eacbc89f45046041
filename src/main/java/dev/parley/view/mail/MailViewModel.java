package dev.parley.view.mail;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.mime.MimeHeader;
import dev.parley.decode.mime.MimeMessage;
import dev.parley.decode.mime.MimeParser;
import dev.parley.decode.mime.MimePart;
import dev.parley.session.pop3.Mail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One retrieved mail as the viewer shows it: decoded headers, the MIME part tree, the selected part's text (an HTML
 * part as its source, never rendered), attachments, and saving the byte-exact mail or an attachment. The mail is read
 * (re-read from the capture when the loader kept no bytes) and parsed once per {@link #show}. Holds no Node.
 */
public final class MailViewModel {
    private final ReadOnlyObjectWrapper<Mail> mail = new ReadOnlyObjectWrapper<>(this, "mail");
    private final ReadOnlyObjectWrapper<MimeMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper partial = new ReadOnlyBooleanWrapper(this, "partial");
    private final ReadOnlyStringWrapper partialNote = new ReadOnlyStringWrapper(this, "partialNote", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper partText = new ReadOnlyStringWrapper(this, "partText", "");
    private final ObjectProperty<MimePart> selectedPart = new SimpleObjectProperty<>(this, "selectedPart");
    private final ObservableList<MimeHeader> headers = FXCollections.observableArrayList();
    private final ObservableList<MimeHeader> headersView = FXCollections.unmodifiableObservableList(headers);
    private final ObservableList<MimePart> attachments = FXCollections.observableArrayList();
    private final ObservableList<MimePart> attachmentsView = FXCollections.unmodifiableObservableList(attachments);
    private byte[] bytes;

    public MailViewModel() {
        selectedPart.addListener((o, a, p) -> partText.set(PartText.of(p)));
    }

    /** Shows a mail of a loaded capture; {@code reader} re-reads its bytes when the loader did not keep them. */
    public void show(Mail m, OriginReader reader) {
        if (m == null) {
            clear();
            return;
        }
        byte[] b;
        try {
            b = m.bytes(reader);
        } catch (IOException | RuntimeException e) {
            clear();
            mail.set(m);
            status.set("Cannot read the mail from the capture: " + e.getMessage());
            return;
        }
        bytes = b;
        MimeMessage parsed = MimeParser.parse(b);
        mail.set(m);
        message.set(parsed);
        headers.setAll(parsed.headers());
        attachments.setAll(parsed.attachments());
        subject.set(parsed.subject() == null || parsed.subject().isBlank() ? "(no subject)" : parsed.subject());
        summary.set((m.partial() ? "TOP " + m.number() + " " + m.topLines() : "RETR " + m.number()) + "  \u2022  "
                + b.length + " octets, " + m.lines() + " lines  \u2022  "
                + (m.lastFrame() == m.frame() ? "frame " + m.frame() : "frames " + m.frame() + "-" + m.lastFrame())
                + (m.complete() ? "" : "  \u2022  INCOMPLETE: the capture lacks part of it"));
        partial.set(m.partial());
        partialNote.set(m.partial() ? "Partial mail: TOP " + m.number() + " " + m.topLines()
                + " retrieved only the headers and the first " + m.topLines() + " body lines" : "");
        status.set(parsed.problems().isEmpty() ? "" : String.join("; ", parsed.problems()));
        MimePart text = parsed.textPart();
        selectedPart.set(text != null ? text : parsed.root());
    }

    public void clear() {
        bytes = null;
        mail.set(null);
        message.set(null);
        headers.clear();
        attachments.clear();
        subject.set("");
        summary.set("");
        partial.set(false);
        partialNote.set("");
        status.set("");
        selectedPart.set(null);
        partText.set("");
    }

    /** Writes the mail as the client received it (an .eml file). */
    public void saveEml(Path target) throws IOException {
        if (bytes == null) {
            throw new IOException("no mail shown");
        }
        Files.write(target, bytes);
    }

    /** Writes an attachment's decoded content. */
    public void saveAttachment(MimePart part, Path target) throws IOException {
        Files.write(target, part.content());
    }

    /** "pop3-1-mail-2.eml" ("-top" for a partial mail): a default file name for {@link #saveEml}. */
    public String suggestedEmlName() {
        Mail m = mail.get();
        if (m == null) {
            return "mail.eml";
        }
        return "pop3-" + m.session().index() + "-mail-" + (m.number() < 0 ? "x" : Integer.toString(m.number()))
                + (m.partial() ? "-top" : "") + ".eml";
    }

    /** The attachment's file name made safe for a file system, or "attachment-N.bin". */
    public static String suggestedAttachmentName(MimePart part, int position) {
        String name = part.filename();
        if (name == null || name.isBlank()) {
            return "attachment-" + (position + 1) + ".bin";
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c == '/' || c == '\\' || c == ':' || c < 0x20 ? '_' : c);
        }
        String s = out.toString().strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "attachment-" + (position + 1) + ".bin" : s;
    }

    public ReadOnlyObjectProperty<Mail> mailProperty() {
        return mail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MimeMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** "RETR 2 • 816 octets, 18 lines • frames 20-22". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A TOP reply: headers and the first lines only. */
    public ReadOnlyBooleanProperty partialProperty() {
        return partial.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty partialNoteProperty() {
        return partialNote.getReadOnlyProperty();
    }

    /** Problems found while parsing or reading, "" when none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The part whose text is shown (the text part by default). */
    public ObjectProperty<MimePart> selectedPartProperty() {
        return selectedPart;
    }

    /** The selected part as plain text (see {@link PartText}). */
    public ReadOnlyStringProperty partTextProperty() {
        return partText.getReadOnlyProperty();
    }

    /** Decoded header fields in order. */
    public ObservableList<MimeHeader> headers() {
        return headersView;
    }

    public ObservableList<MimePart> attachments() {
        return attachmentsView;
    }
}
