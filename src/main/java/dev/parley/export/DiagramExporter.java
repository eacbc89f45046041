package dev.parley.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Diagram} in one of the {@link DiagramFormat}s: the one entry point of the diagram exporters. */
public final class DiagramExporter {
    /** Largest PNG scale accepted: beyond it images of ordinary calls get absurdly large. */
    public static final double MAX_SCALE = 8;

    private DiagramExporter() {
    }

    /**
     * @param scale pixels per ladder unit for PNG (1 = screen size at zoom 1); ignored by the other formats
     * @throws IllegalArgumentException for a scale out of (0, {@link #MAX_SCALE}] or a PNG too large to hold in
     *                                  memory (the message says to use PDF or a smaller scale)
     */
    public static void export(Diagram diagram, DiagramFormat format, double scale, OutputStream out)
            throws IOException {
        switch (format) {
            case SVG -> SvgExporter.write(diagram, out);
            case PNG -> PngExporter.write(diagram, scale, out);
            case PDF -> PdfExporter.write(diagram, out);
            case TXT -> TextExporter.write(diagram, out);
            case MERMAID -> MermaidExporter.write(diagram, out);
            case PLANTUML -> PlantUmlExporter.write(diagram, out);
            default -> throw new IllegalArgumentException("unknown diagram format " + format);
        }
    }
}
