package dev.parley.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The session list of a capture: one line per call, registration, pager exchange, subscription or other dialog, then
 * one per POP3 session (kind POP3, numbered after the SIP ones; for POP3, method is the login method, from the user,
 * state where the session ended and messages the commands sent).
 */
@Command(name = "summary", description = "List the sessions of a capture: SIP calls, registrations, messages..., "
        + "then POP3 sessions (kind POP3).")
final class SummaryCommand implements Callable<Integer> {
    static final String[] COLUMNS = {"index", "start", "kind", "method", "from", "to", "state", "messages",
        "duration_s", "pdd_s", "setup_s", "last_status", "transport", "source", "destination", "call_id", "related"};

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @ArgGroup(exclusive = true)
    OutputFormat format = new OutputFormat();

    static final class OutputFormat {
        @picocli.CommandLine.Option(names = "--json", description = "a JSON array of sessions")
        boolean json;
        @picocli.CommandLine.Option(names = "--csv", description = "CSV with a header line")
        boolean csv;
    }

    @Override
    public Integer call() throws IOException {
        CaptureModel model = new CaptureLoader().load(file);
        List<SessionSummary> rows = rows(model);
        List<Pop3Session> pop3 = model.pop3().sessions();
        if (format.json) {
            json(rows, pop3, System.out);
        } else if (format.csv) {
            csv(rows, pop3, System.out);
        } else {
            text(model, rows, System.out);
            pop3Text(pop3, System.out);
        }
        return 0;
    }

    static List<SessionSummary> rows(CaptureModel model) {
        List<SessionSummary> rows = new ArrayList<>();
        int i = 1;
        for (SipSession s : model.sip().sessions()) {
            rows.add(SessionSummary.of(i++, s));
        }
        return rows;
    }

    private static void text(CaptureModel model, List<SessionSummary> rows, PrintStream out) {
        out.printf("%s: %d frames, %d SIP sessions, %d anomalies%n", model.file().getFileName(), model.frames(),
                rows.size(), model.anomalies().total());
        String fmt = "%4s  %-23s  %-9s  %-18s  %-18s  %-12s  %4s  %8s  %6s  %4s  %-5s  %-45s  %s%n";
        out.printf(fmt, "#", "start (UTC)", "method", "from", "to", "state", "msgs", "duration", "pdd", "last",
                "via", "source -> destination", "call-id");
        for (SessionSummary r : rows) {
            out.printf(fmt, r.index(), Format.time(r.startNanos()), Format.orDash(r.method()), clip(r.from(), 18),
                    clip(r.to(), 18), Format.orDash(r.state()), r.messages(), Format.seconds(r.durationNanos()),
                    Format.seconds(r.postDialDelayNanos()), r.lastStatus() < 0 ? "-" : r.lastStatus(),
                    r.transport(), clip(r.source() + " -> " + r.destination(), 45), r.callId());
        }
    }

    private static String kindName(SessionSummary r) {
        return r.kind() == null ? "OTHER" : r.kind().name();
    }

    private static String clip(String s, int width) {
        s = Format.orDash(s);
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    private static void pop3Text(List<Pop3Session> sessions, PrintStream out) {
        if (sessions.isEmpty()) {
            return;
        }
        out.printf("%n%d POP3 sessions%n", sessions.size());
        String fmt = "%4s  %-23s  %-14s  %-24s  %-9s  %-24s  %4s  %5s  %8s  %s%n";
        out.printf(fmt, "#", "start (UTC)", "login", "user", "result", "state", "cmds", "mails", "duration",
                "client -> server");
        for (Pop3Session s : sessions) {
            Pop3Login l = s.login();
            out.printf(fmt, s.index(), Format.time(s.firstNanos()), l == null ? "-" : l.method().displayName(),
                    clip(s.user(), 24), l == null ? "-" : l.result().name(), s.outcome(), s.commandCount(),
                    s.mails().size(), Format.seconds(s.durationNanos()), s.client() + " -> " + s.server());
        }
    }

    private static String loginName(Pop3Session s) {
        return s.login() == null ? "" : s.login().method().displayName();
    }

    private static void json(List<SessionSummary> rows, List<Pop3Session> pop3, PrintStream out)
            throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartArray();
            for (SessionSummary r : rows) {
                g.writeStartObject();
                g.writeNumberField("index", r.index());
                g.writeStringField("start", Format.time(r.startNanos()));
                g.writeStringField("kind", kindName(r));
                g.writeStringField("method", r.method());
                g.writeStringField("from", r.from());
                g.writeStringField("to", r.to());
                g.writeStringField("state", r.state());
                g.writeNumberField("messages", r.messages());
                writeSeconds(g, "duration_s", r.durationNanos());
                writeSeconds(g, "pdd_s", r.postDialDelayNanos());
                writeSeconds(g, "setup_s", r.setupTimeNanos());
                if (r.lastStatus() < 0) {
                    g.writeNullField("last_status");
                } else {
                    g.writeNumberField("last_status", r.lastStatus());
                }
                g.writeStringField("transport", r.transport());
                g.writeStringField("source", r.source());
                g.writeStringField("destination", r.destination());
                g.writeStringField("call_id", r.callId());
                g.writeArrayFieldStart("related");
                for (String c : r.related()) {
                    g.writeString(c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            for (Pop3Session s : pop3) {
                g.writeStartObject();
                g.writeNumberField("index", rows.size() + s.index());
                g.writeStringField("start", Format.time(s.firstNanos()));
                g.writeStringField("kind", "POP3");
                g.writeStringField("method", loginName(s));
                g.writeStringField("from", s.user() == null ? "" : s.user());
                g.writeStringField("to", "");
                g.writeStringField("state", s.outcome());
                g.writeNumberField("messages", s.commandCount());
                writeSeconds(g, "duration_s", s.durationNanos());
                g.writeNullField("pdd_s");
                g.writeNullField("setup_s");
                g.writeNullField("last_status");
                g.writeStringField("transport", "TCP");
                g.writeStringField("source", s.client().toString());
                g.writeStringField("destination", s.server().toString());
                g.writeStringField("call_id", "");
                g.writeArrayFieldStart("related");
                g.writeEndArray();
                g.writeObjectFieldStart("pop3");
                g.writeNumberField("session", s.index());
                g.writeStringField("auth_result", s.login() == null ? "" : s.login().result().name());
                g.writeNumberField("replies", s.replyCount());
                g.writeNumberField("mails", s.mails().size());
                g.writeNumberField("deleted", s.deleted().size());
                g.writeBooleanField("reached_update", s.reachedUpdate());
                g.writeNumberField("anomalies", s.anomalies().size());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }

    private static void writeSeconds(JsonGenerator g, String name, long nanos) throws IOException {
        Double v = Format.secondsOrNull(nanos);
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void csv(List<SessionSummary> rows, List<Pop3Session> pop3, PrintStream out)
            throws IOException {
        try (CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS).build())) {
            for (SessionSummary r : rows) {
                p.printRecord(r.index(), Format.time(r.startNanos()), kindName(r), r.method(), r.from(), r.to(),
                        r.state(), r.messages(), Format.seconds(r.durationNanos()),
                        Format.seconds(r.postDialDelayNanos()), Format.seconds(r.setupTimeNanos()),
                        r.lastStatus() < 0 ? "" : r.lastStatus(), r.transport(), r.source(), r.destination(),
                        r.callId(), String.join(" ", r.related()));
            }
            for (Pop3Session s : pop3) {
                p.printRecord(rows.size() + s.index(), Format.time(s.firstNanos()), "POP3", loginName(s),
                        s.user() == null ? "" : s.user(), "", s.outcome(), s.commandCount(),
                        Format.seconds(s.durationNanos()), "-", "-", "", "TCP", s.client(), s.server(), "", "");
            }
            p.flush();
        }
    }
}
