package dev.parley.export;

import dev.parley.decode.pop3.Pop3Body;
import dev.parley.decode.pop3.Pop3Command;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.session.auth.Secrets;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * POP3 sessions as a transcript: a heading per session, then every command ("C:"), SASL line and reply ("S:") in
 * order with its frame, listing bodies (CAPA, LIST, UIDL) line by line and mails as a one-line summary (their bytes
 * go to .eml files). Passwords, AUTH initial responses, the client's SASL lines, APOP digests and OAuth tokens are
 * masked unless revealed; an active redactor also replaces the user names and never reveals.
 */
public final class Pop3TextExporter {
    private Pop3TextExporter() {
    }

    public static void write(List<Pop3Session> sessions, boolean reveal, Redactor redactor, Writer out)
            throws IOException {
        for (Pop3Session s : sessions) {
            out.write(heading(s, redactor));
            out.write('\n');
            out.write(text(s, reveal, redactor));
            out.write('\n');
        }
        out.flush();
    }

    /** "===== POP3 session 1 (alice)  127.0.0.1:40000 -> 127.0.0.1:110  2024-...Z  UPDATE". */
    public static String heading(Pop3Session s, Redactor redactor) {
        return "===== " + Pop3Diagram.title(s, redactor) + "  " + s.client() + " -> " + s.server() + "  "
                + (s.firstNanos() < 0 ? "" : Instant.ofEpochSecond(0, s.firstNanos()) + "  ") + s.outcome();
    }

    /** The exchanges of one session, one line each (listing bodies indented under their reply). */
    public static String text(Pop3Session s, boolean reveal, Redactor redactor) {
        boolean show = reveal && !redactor.active();
        List<String> secrets = new ArrayList<>();
        for (Pop3Login l : s.logins()) {
            secrets.add(l.password());
            secrets.add(l.token());
            secrets.add(l.digest());
        }
        StringBuilder b = new StringBuilder(1024);
        for (Pop3Exchange e : s.exchanges()) {
            Pop3Command c = e.command();
            if (c != null) {
                line(b, "C: ", command(c, show), c.frame(), secrets, show, s, redactor);
            }
            for (SaslStep step : e.sasl()) {
                String t = step.fromServer() ? "+ " + step.text() : show || step.cancel() ? step.text() : Secrets.MASK;
                line(b, step.fromServer() ? "S: " : "C: ", t, step.frame(), secrets, show, s, redactor);
            }
            Pop3Reply r = e.reply();
            if (r == null) {
                if (c != null) {
                    b.append("   (no reply)\n");
                }
                continue;
            }
            String status = r.text() == null || r.text().isEmpty() ? r.status().wire()
                    : r.status().wire() + " " + r.text();
            line(b, "S: ", status, r.frame(), secrets, show, s, redactor);
            Pop3Body body = r.body();
            if (body == null) {
                continue;
            }
            String verb = e.verb();
            if (verb.equals("RETR") || verb.equals("TOP")) {
                b.append("   [").append(verb.equals("TOP") ? "partial mail, " : "mail, ").append(body.octets())
                        .append(" octets, ").append(body.lineCount()).append(body.lineCount() == 1 ? " line" : " lines")
                        .append(body.complete() ? "" : ", incomplete").append("; export it as .eml]\n");
            } else {
                for (String l : body.lines()) {
                    b.append("S: ").append(clean(l, secrets, show, s, redactor)).append('\n');
                }
                b.append("S: .").append(body.complete() ? "" : "   (incomplete)").append('\n');
            }
        }
        return b.toString();
    }

    /** The command as sent, with PASS's argument, APOP's digest and AUTH's initial response masked. */
    static String command(Pop3Command c, boolean reveal) {
        String arg = c.argument();
        if (!reveal) {
            String[] a = c.arguments();
            if (c.verb().equals("PASS") && !arg.isEmpty()) {
                arg = Secrets.MASK;
            } else if ((c.verb().equals("APOP") || c.verb().equals("AUTH")) && a.length > 1) {
                arg = a[0] + " " + Secrets.MASK;
            }
        }
        return arg.isEmpty() ? c.rawVerb() : c.rawVerb() + " " + arg;
    }

    private static void line(StringBuilder b, String who, String text, long frame, List<String> secrets, boolean show,
                             Pop3Session s, Redactor redactor) {
        b.append(who).append(clean(text, secrets, show, s, redactor)).append("   (frame ").append(frame).append(")\n");
    }

    private static String clean(String text, List<String> secrets, boolean show, Pop3Session s, Redactor redactor) {
        String t = show ? text : Secrets.redact(text, secrets);
        return Pop3Diagram.users(t, s, redactor);
    }
}
