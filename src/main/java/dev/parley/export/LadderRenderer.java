package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * Draws a {@link Diagram} with Graphics2D, the one renderer behind PNG, SVG and PDF: the geometry is the screen's
 * {@link LadderLayout}, the look that of view.ladder.LadderPainter (striped rows, dashed life lines, colours by
 * transaction, dashed resent arrows, bold request labels, italic SDP summaries, the time gutter). It draws the header,
 * any range of rows and the legend separately, so the PDF can repeat the header on every page.
 */
final class LadderRenderer {
    /** Called around each arrow, so the SVG can group an arrow's shapes and texts. */
    interface ArrowHook {
        ArrowHook NONE = new ArrowHook() {
        };

        default void begin(Graphics2D g, LadderArrow a) {
        }

        default void end(Graphics2D g, LadderArrow a) {
        }
    }

    private static final String RESENT_MARK = " ↻";
    private static final Stroke LINE = new BasicStroke(1.5f);
    private static final Stroke RESENT = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);
    private static final Stroke HAIRLINE = new BasicStroke(1f);
    private static final Stroke LIFE_LINE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {4, 4}, 0);

    private final Diagram diagram;
    private final LadderStyle style;
    private final LadderLayout layout;
    private final ArrowHook hook;
    private final double legendWidth;

    LadderRenderer(Diagram diagram, LadderStyle style, ArrowHook hook) {
        this.diagram = diagram;
        this.style = style;
        this.layout = LadderLayout.of(diagram.model(), style);
        this.hook = hook;
        double w = 0;
        for (int i = 0; i < diagram.legend().size(); i++) {
            w = Math.max(w, style.width(diagram.legend().get(i), i == 0 ? style.bold : style.normal));
        }
        legendWidth = w == 0 ? 0 : w + 2 * LadderLayout.MARGIN + 16;
    }

    LadderRenderer(Diagram diagram) {
        this(diagram, new LadderStyle(), ArrowHook.NONE);
    }

    LadderStyle style() {
        return style;
    }

    /**
     * Draws a text at x; leading spaces become an offset, since SVG viewers collapse them (the layout counted them).
     */
    private void text(Graphics2D g, String s, Font font, double x, double baseline) {
        int lead = 0;
        while (lead < s.length() && s.charAt(lead) == ' ') {
            lead++;
        }
        if (lead == s.length()) {
            return;
        }
        g.setFont(font);
        g.drawString(s.substring(lead), (float) (x + style.width(s.substring(0, lead), font)), (float) baseline);
    }

    LadderLayout layout() {
        return layout;
    }

    /** Width of the whole drawing: the ladder, or the legend when wider. */
    double width() {
        return Math.ceil(Math.max(layout.width(), legendWidth));
    }

    /** Height of the whole drawing: header, every row, legend. */
    double height() {
        return Math.ceil(layout.height() + legendHeight());
    }

    double legendHeight() {
        int n = diagram.legend().size();
        return n == 0 ? 0 : Math.ceil(n * style.lineHeight() + 3 * LadderLayout.MARGIN);
    }

    /** Background, header, every row and the legend. */
    void paintAll(Graphics2D g) {
        prepare(g);
        double w = width();
        g.setColor(LadderStyle.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, w, height()));
        paintRows(g, 0, diagram.model().arrows().size(), w);
        paintHeader(g, w);
        if (diagram.model().isEmpty()) {
            g.setColor(LadderStyle.MUTED);
            text(g, "No messages", style.normal, LadderLayout.MARGIN, layout.headerHeight() + 20);
        }
        paintLegend(g, layout.height(), w);
    }

    static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** The column header band at y = 0. */
    void paintHeader(Graphics2D g, double w) {
        double hh = layout.headerHeight();
        g.setColor(LadderStyle.HEADER_BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, w, hh));
        g.setColor(LadderStyle.HEADER_BORDER);
        g.setStroke(HAIRLINE);
        g.draw(new Line2D.Double(0, hh - 0.5, w, hh - 0.5));
        g.setColor(LadderStyle.MUTED);
        text(g, "Time", style.bold, layout.timeX(), layout.headerLabelBaseline());

        List<LadderColumn> columns = diagram.model().columns();
        double boxW = layout.headerBoxWidth();
        double boxTop = LadderLayout.MARGIN / 2;
        double boxH = hh - LadderLayout.MARGIN;
        for (LadderColumn col : columns) {
            double x = layout.columnX(col.index());
            g.setColor(LadderStyle.HEADER_BOX);
            g.fill(new RoundRectangle2D.Double(x - boxW / 2, boxTop, boxW, boxH, 8, 8));
            g.setColor(LadderStyle.HEADER_BORDER);
            g.draw(new RoundRectangle2D.Double(x - boxW / 2 + 0.5, boxTop + 0.5, boxW - 1, boxH - 1, 8, 8));
            g.setColor(LadderStyle.FOREGROUND);
            centred(g, LadderLayout.fit(col.label(), boxW - 10, s -> style.width(s, style.bold)), style.bold, x,
                    layout.headerLabelBaseline());
            if (col.aliased()) {
                g.setColor(LadderStyle.MUTED);
                centred(g, LadderLayout.fit(col.key(), boxW - 10, s -> style.width(s, style.small)), style.small, x,
                        layout.headerLabelBaseline() + style.smallLineHeight());
            }
        }
    }

    private void centred(Graphics2D g, String text, Font font, double x, double baseline) {
        text(g, text, font, x - style.width(text, font) / 2, baseline);
    }

    /** Rows [first, end) at their content coordinates (the caller translates to place them). */
    void paintRows(Graphics2D g, int first, int end, double w) {
        LadderModel m = diagram.model();
        for (int i = first; i < end; i++) {
            if ((i & 1) == 1) {
                g.setColor(LadderStyle.STRIPE);
                g.fill(new Rectangle2D.Double(0, layout.rowTop(i), w, layout.rowHeight()));
            }
        }
        double top = layout.rowTop(first);
        double bottom = end >= m.arrows().size() ? layout.height() - LadderLayout.MARGIN : layout.rowTop(end);
        g.setColor(LadderStyle.GRID);
        g.setStroke(LIFE_LINE);
        for (int c = 0; c < layout.columnCount(); c++) {
            g.draw(new Line2D.Double(layout.columnX(c), top, layout.columnX(c), bottom));
        }
        g.setStroke(HAIRLINE);
        double gx = layout.gutterRight() - 4;
        g.draw(new Line2D.Double(gx, top, gx, bottom));
        for (int i = first; i < end; i++) {
            LadderArrow a = m.arrows().get(i);
            g.setColor(LadderStyle.FOREGROUND);
            text(g, LadderLayout.relativeTime(m, a), style.normal, layout.timeX(), layout.labelBaseline(i));
            g.setColor(LadderStyle.MUTED);
            text(g, LadderLayout.delta(a), style.small, layout.timeX(), layout.smallBaseline(i));
            hook.begin(g, a);
            drawArrow(g, a);
            hook.end(g, a);
        }
    }

    private void drawArrow(Graphics2D g, LadderArrow a) {
        int i = a.index();
        java.awt.Color colour = LadderStyle.palette(a.colour());
        double y = layout.arrowY(i);
        double x1 = layout.arrowStartX(a);
        double x2 = layout.arrowEndX(a);
        g.setColor(colour);
        g.setStroke(a.resent() ? RESENT : LINE);
        if (a.self()) {
            double w = LadderLayout.LOOP_WIDTH;
            Path2D.Double loop = new Path2D.Double();
            loop.moveTo(x1, y - 6);
            loop.lineTo(x1 + w, y - 6);
            loop.lineTo(x1 + w, y + 6);
            loop.lineTo(x1 + LadderLayout.HEAD, y + 6);
            g.draw(loop);
            head(g, x1 + LadderLayout.HEAD, x1, y + 6);
        } else {
            double dir = Math.signum(x2 - x1);
            g.draw(new Line2D.Double(x1, y, x2 - dir * LadderLayout.HEAD, y));
            head(g, x2 - dir * LadderLayout.HEAD, x2, y);
        }

        // Label (bold for requests) then the CSeq in small muted text, centred above the line, cut to the room.
        double room = layout.textRoom(a);
        Font labelFont = a.message() != null && a.message().request() ? style.bold : style.normal;
        String label = a.label();
        String mark = a.resent() ? RESENT_MARK : "";
        double labelW = style.width(label, labelFont) + style.width(mark, labelFont);
        String detail = a.detail() == null || a.detail().isEmpty() ? "" : " " + a.detail();
        double detailW = style.width(detail, style.small);
        if (labelW + detailW > room) {
            detail = LadderLayout.fit(detail, Math.max(0, room - labelW), s -> style.width(s, style.small));
            detailW = detail == null || detail.isEmpty() ? 0 : style.width(detail, style.small);
            if (labelW > room) {
                label = LadderLayout.fit(label, room, s -> style.width(s, labelFont));
                mark = "";
                labelW = style.width(label, labelFont);
            }
        }
        double tx = layout.textX(a, labelW + detailW);
        double base = a.self() ? y + 4 : layout.labelBaseline(i) - 2;
        text(g, label, labelFont, tx, base);
        if (!mark.isEmpty()) {
            // A separate string: PDF's standard fonts lack the glyph, and the label must stay extractable text.
            text(g, mark, labelFont, tx + style.width(label, labelFont), base);
        }
        if (detailW > 0) {
            g.setColor(LadderStyle.MUTED);
            text(g, detail, style.small, tx + labelW, base);
        }
        if (a.sdp() != null) {
            String sdp = LadderLayout.fit(a.sdp(), room, s -> style.width(s, style.italic));
            double sw = style.width(sdp, style.italic);
            g.setColor(LadderStyle.SDP);
            double sdpY = layout.smallBaseline(i) + (a.self() ? 4 : 1);
            text(g, sdp, style.italic, a.self() ? tx : layout.textX(a, sw), sdpY);
        }
    }

    private static void head(Graphics2D g, double baseX, double tipX, double y) {
        double half = LadderLayout.HEAD * 0.5;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(tipX, y);
        p.lineTo(baseX, y - half);
        p.lineTo(baseX, y + half);
        p.closePath();
        g.fill(p);
    }

    /** The legend box whose top is at y: the first line bold (a heading), the others plain. */
    void paintLegend(Graphics2D g, double top, double w) {
        List<String> lines = diagram.legend();
        if (lines.isEmpty()) {
            return;
        }
        double m = LadderLayout.MARGIN;
        double boxTop = top + m;
        double boxH = legendHeight() - 2 * m;
        g.setColor(LadderStyle.HEADER_BACKGROUND);
        g.fill(new Rectangle2D.Double(m, boxTop, w - 2 * m, boxH));
        g.setColor(LadderStyle.HEADER_BORDER);
        g.setStroke(HAIRLINE);
        g.draw(new Rectangle2D.Double(m + 0.5, boxTop + 0.5, w - 2 * m - 1, boxH - 1));
        double baseline = boxTop + m / 2 + style.lineHeight() * 0.85;
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(i == 0 ? LadderStyle.FOREGROUND : LadderStyle.MUTED);
            text(g, lines.get(i), i == 0 ? style.bold : style.normal, m + 8, baseline);
            baseline += style.lineHeight();
        }
    }
}
