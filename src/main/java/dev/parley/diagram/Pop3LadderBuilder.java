package dev.parley.diagram;

import dev.parley.decode.pop3.Pop3Body;
import dev.parley.decode.pop3.Pop3Command;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.session.auth.Secrets;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a POP3 session into a {@link LadderModel}: two columns (client, server), one arrow per command, per SASL
 * continuation line and per reply; a multi-line reply is one arrow labelled with its size ("+OK 816 octets (mail, 18
 * lines)"). Secrets (PASS, an AUTH initial response, the client's SASL lines, the APOP digest) are shown as
 * {@link Secrets#MASK} unless {@code revealSecrets}, so every exporter drawing this model masks them too.
 */
public final class Pop3LadderBuilder {
    /** Longest reply or challenge text kept in a label; the full line is in the session view. */
    static final int MAX_TEXT = 48;

    private Pop3LadderBuilder() {
    }

    /** The ladder of a session, with secrets masked. */
    public static LadderModel build(Pop3Session session, LadderOptions options) {
        return build(session, options, false);
    }

    public static LadderModel build(Pop3Session session, LadderOptions options, boolean revealSecrets) {
        return ladder(session, options, revealSecrets).model();
    }

    /** For each arrow of {@link #build}, in order, the exchange it belongs to (its command, SASL line or reply). */
    public static List<Pop3Exchange> exchangesOfArrows(Pop3Session session) {
        return ladder(session, LadderOptions.DEFAULT, false).exchanges();
    }

    private record Step(long nanos, long frame, int order, boolean fromClient, String label, String detail,
                        int colour, Pop3Exchange exchange) {
    }

    private record Built(LadderModel model, List<Pop3Exchange> exchanges) {
    }

    private static Built ladder(Pop3Session session, LadderOptions options, boolean reveal) {
        if (session == null) {
            return new Built(LadderModel.EMPTY, List.of());
        }
        LadderOptions opts = options == null ? LadderOptions.DEFAULT : options;
        List<String> secrets = new ArrayList<>();
        for (Pop3Login l : session.logins()) {
            secrets.add(l.password());
        }
        List<Step> steps = new ArrayList<>();
        int n = 0;
        for (Pop3Exchange e : session.exchanges()) {
            int colour = n++;
            String state = e.stateBefore() == null ? "" : ", " + e.stateBefore();
            Pop3Command c = e.command();
            if (c != null) {
                steps.add(new Step(c.timestampNanos(), c.frame(), steps.size(), true,
                        redact(commandLabel(c, reveal), secrets, reveal), "frame " + c.frame() + state, colour, e));
            }
            for (SaslStep s : e.sasl()) {
                String label = s.fromServer() ? shorten("+ " + s.text())
                        : reveal || s.cancel() ? shorten(s.text()) : Secrets.MASK;
                steps.add(new Step(s.timestampNanos(), s.frame(), steps.size(), !s.fromServer(),
                        redact(label, secrets, reveal), "frame " + s.frame() + ", SASL", colour, e));
            }
            Pop3Reply r = e.reply();
            if (r != null) {
                String detail = "frame " + (r.lastFrame() == r.frame() ? Long.toString(r.frame())
                        : r.frame() + "-" + r.lastFrame()) + (e.greeting() ? ", greeting" : "")
                        + (e.stateAfter() == null ? "" : ", then " + e.stateAfter());
                steps.add(new Step(r.timestampNanos(), r.frame(), steps.size(), false,
                        redact(replyLabel(e, r), secrets, reveal), detail, colour, e));
            }
        }
        // Capture order: pipelined commands may be sent before the previous reply arrives.
        steps.sort(Comparator.comparingLong(Step::nanos).thenComparingLong(Step::frame).thenComparingInt(Step::order));

        String clientKey = LadderModelBuilder.key(session.client(), opts);
        String serverKey = LadderModelBuilder.key(session.server(), opts);
        List<LadderColumn> columns = new ArrayList<>(2);
        columns.add(column(0, clientKey, opts));
        columns.add(column(1, serverKey, opts));
        List<LadderArrow> arrows = new ArrayList<>(steps.size());
        List<Pop3Exchange> exchanges = new ArrayList<>(steps.size());
        long first = steps.isEmpty() ? 0 : steps.get(0).nanos();
        long previous = first;
        for (Step s : steps) {
            int from = s.fromClient() ? 0 : 1;
            arrows.add(new LadderArrow(arrows.size(), from, 1 - from, s.label(), s.detail(), s.nanos(),
                    s.nanos() - previous, s.colour(), false, null, null));
            exchanges.add(s.exchange());
            previous = s.nanos();
        }
        return new Built(new LadderModel(columns, arrows, first), List.copyOf(exchanges));
    }

    private static LadderColumn column(int index, String key, LadderOptions opts) {
        String alias = opts.aliases().get(key);
        return new LadderColumn(index, key, alias == null || alias.isBlank() ? key : alias);
    }

    /** The command as sent (its verb's case kept), with PASS's argument, APOP's digest and AUTH's initial response masked. */
    public static String commandLabel(Pop3Command c, boolean reveal) {
        String arg = c.argument();
        if (!reveal) {
            String[] a = c.arguments();
            if (c.verb().equals("PASS") && !arg.isEmpty()) {
                arg = Secrets.MASK;
            } else if ((c.verb().equals("APOP") || c.verb().equals("AUTH")) && a.length > 1) {
                arg = a[0] + " " + Secrets.MASK;
            }
        }
        return shorten(arg.isEmpty() ? c.rawVerb() : c.rawVerb() + " " + arg);
    }

    /** "+OK Logged in.", or for a multi-line reply "+OK 816 octets (mail, 18 lines)". */
    public static String replyLabel(Pop3Exchange e, Pop3Reply r) {
        String text = r.text() == null ? "" : r.text().strip();
        String head = shorten(text.isEmpty() ? r.status().wire() : r.status().wire() + " " + text);
        Pop3Body b = r.body();
        if (b == null) {
            return head;
        }
        String verb = e.verb();
        String kind = verb.equals("RETR") ? "mail" : verb.equals("TOP") ? "partial mail" : "listing";
        StringBuilder out = new StringBuilder(head).append(" (").append(kind);
        if (!text.contains("octets") || !verb.equals("RETR")) {
            out.append(", ").append(b.octets()).append(" octets");
        }
        out.append(", ").append(b.lineCount()).append(b.lineCount() == 1 ? " line" : " lines");
        if (!b.complete()) {
            out.append(", incomplete");
        }
        return out.append(')').toString();
    }

    private static String shorten(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "\u2026";
    }

    private static String redact(String label, List<String> secrets, boolean reveal) {
        return reveal ? label : Secrets.redact(label, secrets);
    }
}
