package dev.parley.cli;

import dev.parley.capture.file.OriginReader;
import dev.parley.diagram.LadderOptions;
import dev.parley.export.Diagram;
import dev.parley.export.DiagramExporter;
import dev.parley.export.DiagramFormat;
import dev.parley.export.HtmlReportExporter;
import dev.parley.export.MailExporter;
import dev.parley.export.MessageBytes;
import dev.parley.export.MessageTextExporter;
import dev.parley.export.PacketExporter;
import dev.parley.export.Pop3TextExporter;
import dev.parley.export.Redactor;
import dev.parley.export.SessionColumn;
import dev.parley.export.SessionListExporter;
import dev.parley.export.SessionsDiagram;
import dev.parley.session.CaptureLoader;
import dev.parley.session.CaptureModel;
import dev.parley.session.SessionSummary;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.Pop3Session;
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
@Command(name = "export", description = "Export SIP calls and POP3 sessions as a diagram (svg, png, pdf, txt, "
        + "mermaid, plantuml), packets (pcap, pcapng), an HTML report, their messages (messages), POP3 mails (eml), "
        + "or the SIP session list (csv, json).")
final class ExportCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("svg", "png", "pdf", "txt", "mermaid", "plantuml", "pcap", "pcapng",
            "html", "messages", "csv", "json", "eml");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz capture")
    Path file;

    @Option(names = "--call", paramLabel = "CALL-ID", description = "a Call-ID to export (repeat for several)")
    List<String> calls = new ArrayList<>();

    @Option(names = "--pop3", paramLabel = "N", description = "a POP3 session number, as in the session list and "
            + "pop3 command (repeat for several)")
    List<Integer> pop3 = new ArrayList<>();

    @Option(names = "--show-passwords", description = "POP3 diagrams, reports and messages: show passwords and "
            + "SASL responses instead of masking them")
    boolean showPasswords;

    @Option(names = "--all", description = "export every session of the capture (POP3 ones too, except for csv "
            + "and json)")
    boolean all;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "svg, png, pdf, txt, mermaid, plantuml, pcap, pcapng, html, messages, csv, json, or eml "
                    + "(POP3 mails: one file, or one per mail when OUT is a folder)")
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
        if (calls.isEmpty() && pop3.isEmpty() && !all) {
            err.println("parley: say which sessions to export: --call CALL-ID, --pop3 N (both repeatable) or --all");
            return 2;
        }
        boolean packets = f.equals("pcap") || f.equals("pcapng");
        boolean list = f.equals("csv") || f.equals("json");
        boolean eml = f.equals("eml");
        if (redact && (packets || eml)) {
            err.println("parley: --redact does not apply to " + f + ": " + (eml ? "mails" : "packets")
                    + " are copied byte for byte");
            return 2;
        }
        if (showPasswords && (packets || eml || list)) {
            err.println("parley: --show-passwords does not apply to " + f);
            return 2;
        }
        if (showPasswords && redact) {
            err.println("parley: --show-passwords and --redact contradict each other: choose one");
            return 2;
        }
        if (list && !pop3.isEmpty()) {
            err.println("parley: csv and json list SIP sessions only; --pop3 does not apply (see: parley pop3)");
            return 2;
        }
        if (eml && !calls.isEmpty()) {
            err.println("parley: eml writes the mails of POP3 sessions; --call does not apply");
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
        List<Pop3Session> pop3Sessions = new ArrayList<>();
        if (all) {
            if (!eml) {
                sessions.addAll(model.sip().sessions());
            }
            if (!list) {
                pop3Sessions.addAll(model.pop3().sessions());
            }
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
        for (int n : pop3) {
            Pop3Session s = model.pop3().session(n);
            if (s == null) {
                int count = model.pop3().sessions().size();
                err.println("parley: no POP3 session " + n + " in " + file + " (it has " + count
                        + (count == 1 ? " POP3 session)" : " POP3 sessions)"));
                return 2;
            }
            if (!pop3Sessions.contains(s)) {
                pop3Sessions.add(s);
            }
        }
        if (sessions.isEmpty() && pop3Sessions.isEmpty()) {
            err.println("parley: " + file + " holds no " + (list ? "SIP " : eml ? "POP3 " : "") + "session to export");
            return 2;
        }
        if (eml) {
            return mails(model, pop3Sessions, err);
        }

        Redactor redactor = Redactor.of(redact);
        try (OriginReader reader = new OriginReader(file); OutputStream out = open()) {
            Function<SipMessageRef, byte[]> bytes = MessageBytes.from(reader);
            String what = write(f, sessions, pop3Sessions, cols, redactor, bytes, out);
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

    private String write(String f, List<SipSession> sessions, List<Pop3Session> pop3Sessions,
                         List<SessionColumn> cols, Redactor redactor, Function<SipMessageRef, byte[]> bytes,
                         OutputStream out) throws IOException {
        String counted = SessionsDiagram.counted(sessions, pop3Sessions);
        switch (f) {
            case "pcap", "pcapng" -> {
                PacketExporter.Result r = PacketExporter.export(file, sessions, pop3Sessions, f.equals("pcap")
                        ? PacketExporter.Container.PCAP : PacketExporter.Container.PCAPNG, rtp, bytes, out);
                String kind = pop3Sessions.isEmpty() ? " SIP, " : sessions.isEmpty() ? " POP3, " : " SIP and POP3, ";
                return r.frames() + " frames: " + r.signallingFrames() + kind + r.mediaFrames() + " RTP/RTCP";
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
                Writer w = writer(out);
                MessageTextExporter.write(sessions, bytes, redactor, w);
                Pop3TextExporter.write(pop3Sessions, showPasswords, redactor, w);
                return counted;
            }
            default -> {
                boolean withLegend = legend || f.equals("html");
                Diagram diagram = SessionsDiagram.build(sessions, pop3Sessions, new LadderOptions(mergePorts, aliases),
                        bytes, showPasswords, redactor, withLegend);
                if (f.equals("html")) {
                    HtmlReportExporter.write(sessions, pop3Sessions, showPasswords, diagram, bytes, redactor,
                            writer(out));
                } else {
                    DiagramExporter.export(diagram, DiagramFormat.named(f), scale, out);
                }
                return counted;
            }
        }
    }

    /** eml: one mail to OUT (a file or -), or every mail into OUT when it is a folder. */
    private int mails(CaptureModel model, List<Pop3Session> sessions, PrintWriter err) throws IOException {
        List<Mail> mails = MailExporter.mails(sessions);
        if (mails.isEmpty()) {
            err.println("parley: the POP3 " + (sessions.size() == 1 ? "session retrieved" : "sessions retrieved")
                    + " no mail (no RETR or TOP answered)");
            return 2;
        }
        boolean folder = !"-".equals(output) && (Files.isDirectory(Path.of(output)) || output.endsWith("/"));
        try (OriginReader reader = new OriginReader(file)) {
            if (folder) {
                List<Path> written = MailExporter.writeAll(sessions, model.pop3().sessions().size(), reader,
                        Path.of(output));
                PrintWriter out = spec.commandLine().getOut();
                out.println("parley: wrote " + written.size() + (written.size() == 1 ? " mail" : " mails")
                        + " into " + output);
                out.flush();
                return 0;
            }
            if (mails.size() > 1) {
                err.println("parley: " + mails.size() + " mails to write: give a folder as -o (one .eml per mail)");
                return 2;
            }
            Mail m = mails.get(0);
            byte[] b = m.bytes(reader);
            try (OutputStream out = open()) {
                out.write(b);
            }
            if (!"-".equals(output)) {
                spec.commandLine().getOut().println("parley: wrote " + output + " (mail " + m.number() + ", "
                        + b.length + " octets" + (m.complete() ? "" : ", incomplete") + ")");
                spec.commandLine().getOut().flush();
            }
            return 0;
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
