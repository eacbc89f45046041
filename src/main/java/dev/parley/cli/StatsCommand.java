package dev.parley.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.pop3.Pop3Statistics;
import dev.parley.session.sip.SipStatistics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Counts like {@code tshark -q -z sip,stat}: messages, resent, Call-IDs, methods, status codes, anomalies. */
@Command(name = "stats", description = "Print SIP and POP3 counts of a capture (like tshark -z sip,stat).")
final class StatsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Option(names = "--json", description = "one JSON object (names are a stable interface for scripts)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CaptureModel model = new CaptureLoader().load(file);
        if (json) {
            printJson(model, System.out);
        } else {
            printText(model, System.out);
        }
        return 0;
    }

    static void printJson(CaptureModel model, PrintStream out) throws java.io.IOException {
        SipStatistics s = model.sip().statistics();
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("frames", model.frames());
            g.writeObjectFieldStart("sip");
            g.writeNumberField("messages", s.messages());
            g.writeNumberField("resent", s.resent());
            g.writeNumberField("call_ids", s.callIds());
            Json.counts(g, "methods", s.methods());
            Json.counts(g, "status_codes", s.statusCodes());
            g.writeEndObject();
            Pop3Statistics p = model.pop3().statistics();
            g.writeObjectFieldStart("pop3");
            g.writeNumberField("sessions", p.sessions());
            Json.counts(g, "commands", p.commands());
            g.writeNumberField("requests", p.requests());
            g.writeNumberField("replies", p.replies());
            g.writeNumberField("mails", p.mails());
            g.writeEndObject();
            Json.counts(g, "anomalies", model.anomalies().counts());
            g.writeEndObject();
        }
        out.println();
    }

    static void printText(CaptureModel model, PrintStream out) {
        SipStatistics s = model.sip().statistics();
        String rule = "=".repeat(67);
        out.println(rule);
        out.println("SIP Statistics: " + model.file().getFileName() + " (" + model.frames() + " frames)");
        out.println();
        out.println("Number of SIP messages: " + s.messages());
        out.println("Number of resent SIP messages: " + s.resent());
        out.println("Number of distinct Call-IDs: " + s.callIds());
        out.println();
        out.println("* SIP Status Codes in reply packets");
        for (Map.Entry<String, Long> e : s.statusCodes().entrySet()) {
            out.printf("  SIP %-20s : %5d Packets%n", e.getKey(), e.getValue());
        }
        out.println();
        out.println("* List of SIP Request methods");
        for (Map.Entry<String, Long> e : s.methods().entrySet()) {
            out.printf("  %-15s : %5d Packets%n", e.getKey(), e.getValue());
        }
        out.println();
        Pop3Statistics p = model.pop3().statistics();
        out.println("POP3 sessions: " + p.sessions() + ", requests: " + p.requests() + ", replies: " + p.replies()
                + ", mails: " + p.mails());
        out.println("* List of POP3 commands (SASL continuation lines are not commands)");
        for (Map.Entry<String, Long> e : p.commands().entrySet()) {
            out.printf("  %-15s : %5d%n", e.getKey(), e.getValue());
        }
        out.println();
        out.println("* Anomalies: " + model.anomalies().total());
        for (Map.Entry<String, Long> e : model.anomalies().counts().entrySet()) {
            out.printf("  %-40s : %5d%n", e.getKey(), e.getValue());
        }
        out.println(rule);
    }
}
