package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The ladder as SVG through JFreeSVG: texts are {@code <text>} elements (selectable, searchable), and each arrow is a
 * {@code <g class="arrow">} holding its line, head and texts, so tools and tests can find the arrows.
 */
final class SvgExporter {
    private SvgExporter() {
    }

    static void write(Diagram diagram, OutputStream out) throws IOException {
        out.write(document(diagram).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The whole SVG document, XML declaration included. */
    static String document(Diagram diagram) {
        return svg(diagram).getSVGDocument();
    }

    /** The {@code <svg>} element alone, for inlining in HTML. */
    static String element(Diagram diagram) {
        return svg(diagram).getSVGElement();
    }

    private static SVGGraphics2D svg(Diagram diagram) {
        LadderRenderer renderer = new LadderRenderer(diagram, new LadderStyle(), new LadderRenderer.ArrowHook() {
            @Override
            public void begin(Graphics2D g, LadderArrow a) {
                g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP,
                        Map.of("id", "arrow-" + a.index(), "class", a.resent() ? "arrow resent" : "arrow"));
            }

            @Override
            public void end(Graphics2D g, LadderArrow a) {
                g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
            }
        });
        SVGGraphics2D g = new SVGGraphics2D(renderer.width(), renderer.height());
        renderer.paintAll(g);
        g.dispose();
        return g;
    }
}
