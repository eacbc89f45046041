package dev.parley.export;

import dev.parley.capture.file.OriginReader;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.Pop3Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Mails retrieved over POP3 as .eml files holding exactly the octets the client received (dot-unstuffed, CRLF as on
 * the wire). Never redacted: a mail is evidence, copied byte for byte like packets. File names sort by session, then
 * retrieval order, as {@code parley export-mails} names them: {@code s001-r001-msg5.eml}, {@code -top} for a TOP
 * reply, {@code -incomplete} when bytes are missing.
 */
public final class MailExporter {
    private MailExporter() {
    }

    /** The retrieved mails of the sessions, in session then retrieval order. */
    public static List<Mail> mails(List<Pop3Session> sessions) {
        List<Mail> out = new ArrayList<>();
        for (Pop3Session s : sessions) {
            out.addAll(s.mails());
        }
        return out;
    }

    /**
     * Writes each mail of the sessions into {@code dir} (created when missing), each file first under a temporary
     * name so a failure never leaves half a mail.
     *
     * @param sessionCount how many POP3 sessions the capture holds (sets the width of the session number)
     * @return the files written, in order
     */
    public static List<Path> writeAll(List<Pop3Session> sessions, int sessionCount, OriginReader reader, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        int sessionWidth = Math.max(3, Integer.toString(Math.max(1, sessionCount)).length());
        for (Pop3Session s : sessions) {
            int retrievalWidth = Math.max(3, Integer.toString(s.mails().size()).length());
            int r = 0;
            for (Mail m : s.mails()) {
                r++;
                Path target = dir.resolve(name(m, r, sessionWidth, retrievalWidth));
                Path part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
                try {
                    Files.write(part, m.bytes(reader));
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(part);
                }
                written.add(target);
            }
        }
        return written;
    }

    /** "s001-r002-msg2.eml": session index, retrieval order within the session, message number, TOP / incomplete. */
    public static String name(Mail m, int retrieval, int sessionWidth, int retrievalWidth) {
        return "s" + pad(m.session().index(), sessionWidth) + "-r" + pad(retrieval, retrievalWidth) + "-msg"
                + (m.number() < 0 ? "unknown" : Integer.toString(m.number()))
                + (m.partial() ? "-top" : "") + (m.complete() ? "" : "-incomplete") + ".eml";
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
