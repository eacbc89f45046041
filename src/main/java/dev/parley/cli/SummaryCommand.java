package dev.parley.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
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

/** The session list of a capture: one line per call, registration, pager exchange, subscription or other dialog. */
@Command(name = "summary", description = "List the SIP sessions of a capture (calls, registrations, messages...).")
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
        if (format.json) {
            json(rows, System.out);
        } else if (format.csv) {
            csv(rows, System.out);
        } else {
            text(model, rows, System.out);
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

    private static void json(List<SessionSummary> rows, PrintStream out) throws IOException {
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

    private static void csv(List<SessionSummary> rows, PrintStream out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS).build())) {
            for (SessionSummary r : rows) {
                p.printRecord(r.index(), Format.time(r.startNanos()), kindName(r), r.method(), r.from(), r.to(),
                        r.state(), r.messages(), Format.seconds(r.durationNanos()),
                        Format.seconds(r.postDialDelayNanos()), Format.seconds(r.setupTimeNanos()),
                        r.lastStatus() < 0 ? "" : r.lastStatus(), r.transport(), r.source(), r.destination(),
                        r.callId(), String.join(" ", r.related()));
            }
            p.flush();
        }
    }
}
