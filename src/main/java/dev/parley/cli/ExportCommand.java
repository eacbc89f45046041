package dev.parley.cli;

import dev.parley.capture.file.OriginReader;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.diagram.LadderOptions;
import dev.parley.export.CallLegend;
import dev.parley.export.Diagram;
import dev.parley.export.DiagramExporter;
import dev.parley.export.DiagramFormat;
import dev.parley.export.HtmlReportExporter;
import dev.parley.export.MessageBytes;
import dev.parley.export.MessageTextExporter;
import dev.parley.export.PacketExporter;
import dev.parley.export.Redactor;
import dev.parley.export.SessionColumn;
import dev.parley.export.SessionListExporter;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Exports calls of a capture: ladder diagrams, their packets, the session list, their messages, a report. */
@Command(name = "export", description = "Export calls as a diagram (svg, png, pdf, txt, mermaid, plantuml), "
        + "packets (pcap, pcapng), an HTML report, their messages (messages), or the session list (csv, json).")
final class ExportCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("svg", "png", "pdf", "txt", "mermaid", "plantuml", "pcap", "pcapng",
            "html", "messages", "csv", "json");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Option(names = "--call", paramLabel = "CALL-ID", description = "a Call-ID to export (repeat for several)")
    List<String> calls = new ArrayList<>();

    @Option(names = "--all", description = "export every session of the capture")
    boolean all;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "svg, png, pdf, txt, mermaid, plantuml, pcap, pcapng, html, messages, csv or json")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "file to write, - for "
            + "standard output")
    String output;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "SCALE", description = "PNG scale (default 1; 2 for "
            + "HiDPI)")
    double scale;

    @Option(names = "--rtp", description = "pcap/pcapng: add the RTP/RTCP streams negotiated in the SDP")
    boolean rtp;

    @Option(names = "--redact", description = "replace users, phone numbers and credentials by placeholders")
    boolean redact;

    @Option(names = "--legend", description = "diagrams: add a legend with the calls' timings")
    boolean legend;

    @Option(names = "--alias", paramLabel = "ENDPOINT=NAME", description = "name a column, e.g. "
            + "127.0.0.1:5060=proxy (repeatable)")
    Map<String, String> aliases = new LinkedHashMap<>();

    @Option(names = "--merge-ports", description = "diagrams: one column per IP address instead of per IP:port")
    boolean mergePorts;

    @Option(names = "--columns", split = ",", paramLabel = "ID", description = "csv/json columns, e.g. "
            + "call-id,from,to,state (default: all)")
    List<String> columns = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String f = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            err.println("parley: unknown format '" + format + "'; use one of " + String.join(", ", FORMATS));
            return 2;
        }
        if (calls.isEmpty() && !all) {
            err.println("parley: say which sessions to export: --call CALL-ID (repeatable) or --all");
            return 2;
        }
        boolean packets = f.equals("pcap") || f.equals("pcapng");
        if (redact && packets) {
            err.println("parley: --redact does not apply to " + f + ": packets are copied byte for byte");
            return 2;
        }
        if (rtp && !packets) {
            err.println("parley: --rtp applies to pcap and pcapng only, not " + f);
            return 2;
        }
        List<SessionColumn> cols = new ArrayList<>();
        for (String id : columns) {
            SessionColumn c = SessionColumn.of(id);
            if (c == null) {
                err.println("parley: unknown column '" + id + "'; use " + String.join(", ",
                        java.util.Arrays.stream(SessionColumn.values()).map(SessionColumn::id).toList()));
                return 2;
            }
            cols.add(c);
        }
        if (cols.isEmpty()) {
            cols = List.of(SessionColumn.values());
        }
        if (f.equals("png") && (!(scale > 0) || scale > DiagramExporter.MAX_SCALE)) {
            err.println("parley: --scale must be above 0 and at most " + DiagramExporter.MAX_SCALE);
            return 2;
        }

        CaptureModel model = new CaptureLoader().load(file);
        List<SipSession> sessions = new ArrayList<>();
        if (all) {
            sessions.addAll(model.sip().sessions());
        }
        for (String id : calls) {
            SipSession s = model.sip().session(id);
            if (s == null) {
                err.println("parley: no session with Call-ID " + id + " in " + file);
                return 2;
            }
            if (!sessions.contains(s)) {
                sessions.add(s);
            }
        }
        if (sessions.isEmpty()) {
            err.println("parley: " + file + " holds no SIP session to export");
            return 2;
        }

        Redactor redactor = Redactor.of(redact);
        try (OriginReader reader = new OriginReader(file); OutputStream out = open()) {
            Function<SipMessageRef, byte[]> bytes = MessageBytes.from(reader);
            String what = write(f, sessions, cols, redactor, bytes, out);
            if (!"-".equals(output)) {
                spec.commandLine().getOut().println("parley: wrote " + output + " (" + what + ")");
                spec.commandLine().getOut().flush();
            }
        } catch (IllegalArgumentException e) { // e.g. a PNG too large: the message says what to do
            err.println("parley: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private String write(String f, List<SipSession> sessions, List<SessionColumn> cols, Redactor redactor,
                         Function<SipMessageRef, byte[]> bytes, OutputStream out) throws IOException {
        int messages = sessions.stream().mapToInt(s -> s.messages().size()).sum();
        String counted = sessions.size() + (sessions.size() == 1 ? " session, " : " sessions, ") + messages
                + " messages";
        switch (f) {
            case "pcap", "pcapng" -> {
                PacketExporter.Result r = PacketExporter.export(file, sessions, f.equals("pcap")
                        ? PacketExporter.Container.PCAP : PacketExporter.Container.PCAPNG, rtp, bytes, out);
                return r.frames() + " frames: " + r.signallingFrames() + " SIP, " + r.mediaFrames() + " RTP/RTCP";
            }
            case "csv", "json" -> {
                List<SessionSummary> rows = new ArrayList<>();
                for (SipSession s : sessions) {
                    rows.add(SessionSummary.of(rows.size() + 1, s));
                }
                Writer w = writer(out);
                if (f.equals("csv")) {
                    SessionListExporter.csv(rows, cols, redactor, w);
                } else {
                    SessionListExporter.json(rows, cols, redactor, w);
                }
                return rows.size() + " rows";
            }
            case "messages" -> {
                MessageTextExporter.write(sessions, bytes, redactor, writer(out));
                return counted;
            }
            default -> {
                LadderModel ladder = LadderModelBuilder.build(sessions,
                        new LadderOptions(mergePorts, aliases), bytes);
                String title = sessions.size() == 1 ? "Call-ID " + sessions.get(0).callId()
                        : sessions.size() + " sessions";
                boolean withLegend = legend || f.equals("html");
                Diagram diagram = new Diagram(ladder, title,
                        withLegend ? CallLegend.of(sessions, redactor) : List.of());
                if (f.equals("html")) {
                    HtmlReportExporter.write(sessions, diagram, bytes, redactor, writer(out));
                } else {
                    DiagramExporter.export(diagram, DiagramFormat.named(f), scale, out);
                }
                return counted;
            }
        }
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private OutputStream open() throws IOException {
        if ("-".equals(output)) {
            return new BufferedOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(Path.of(output)));
    }
}
