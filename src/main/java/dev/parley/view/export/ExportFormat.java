package dev.parley.view.export;

import dev.parley.export.DiagramFormat;
import java.util.ArrayList;
import java.util.List;

/** Every file the desktop app can export, with its subject, its file extension and the options that apply. */
public enum ExportFormat {
    SVG(ExportSubject.DIAGRAM, "SVG image", "svg", DiagramFormat.SVG),
    PNG(ExportSubject.DIAGRAM, "PNG image", "png", DiagramFormat.PNG),
    PDF(ExportSubject.DIAGRAM, "PDF document", "pdf", DiagramFormat.PDF),
    DIAGRAM_TEXT(ExportSubject.DIAGRAM, "Plain text", "txt", DiagramFormat.TXT),
    MERMAID(ExportSubject.DIAGRAM, "Mermaid sequence diagram", "mmd", DiagramFormat.MERMAID),
    PLANTUML(ExportSubject.DIAGRAM, "PlantUML sequence diagram", "puml", DiagramFormat.PLANTUML),
    PCAP(ExportSubject.PACKETS, "pcap capture", "pcap", null),
    PCAPNG(ExportSubject.PACKETS, "pcapng capture", "pcapng", null),
    HTML(ExportSubject.REPORT, "HTML report", "html", null),
    MESSAGES_TEXT(ExportSubject.MESSAGES, "Messages as text", "txt", null),
    MESSAGE_TEXT(ExportSubject.MESSAGE, "Message as text", "txt", null),
    CSV(ExportSubject.LIST, "CSV table", "csv", null),
    JSON(ExportSubject.LIST, "JSON array", "json", null);

    private final ExportSubject subject;
    private final String label;
    private final String extension;
    private final DiagramFormat diagram;

    ExportFormat(ExportSubject subject, String label, String extension, DiagramFormat diagram) {
        this.subject = subject;
        this.label = label;
        this.extension = extension;
        this.diagram = diagram;
    }

    public ExportSubject subject() {
        return subject;
    }

    /** "SVG image": the format as the dialog and the file chooser's filter name it. */
    public String label() {
        return label;
    }

    /** File name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The engine's diagram format, null when this is not a diagram. */
    DiagramFormat diagram() {
        return diagram;
    }

    /** PNG only: pixels per ladder unit. */
    public boolean hasScale() {
        return this == PNG;
    }

    /** Diagrams (the report always has it): a legend with the calls' timings under the ladder. */
    public boolean hasLegend() {
        return subject == ExportSubject.DIAGRAM;
    }

    /** Packets are copied byte for byte and cannot be redacted; every other export can. */
    public boolean hasRedact() {
        return subject != ExportSubject.PACKETS;
    }

    /** Packets only: add the RTP/RTCP streams negotiated in the SDP. */
    public boolean hasRtp() {
        return subject == ExportSubject.PACKETS;
    }

    /** The formats of a subject, in menu order. */
    public static List<ExportFormat> of(ExportSubject subject) {
        List<ExportFormat> out = new ArrayList<>();
        for (ExportFormat f : values()) {
            if (f.subject == subject) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return label + " (." + extension + ")";
    }
}
