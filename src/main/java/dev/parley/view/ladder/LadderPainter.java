package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import dev.parley.view.ladder.LadderColours.Slot;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the visible part of a {@link LadderLayout} onto a canvas-sized {@link GraphicsContext}: striped rows, life
 * lines and arrows scrolled both ways, the time gutter scrolled vertically only, the column headers horizontally only.
 */
final class LadderPainter {
    private final LadderColours colours;
    private final TextMeasure measure;

    LadderPainter(LadderColours colours, TextMeasure measure) {
        this.colours = colours;
        this.measure = measure;
    }

    /** Fills a cw x ch canvas with the background; false when it has no area left to paint. */
    boolean clear(GraphicsContext g, double cw, double ch) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(colours.get(Slot.BACKGROUND));
        g.fillRect(0, 0, cw, ch);
        return cw > 0 && ch > 0;
    }

    /**
     * Paints a cleared cw x ch canvas showing the layout at zoom z, scrolled to content (sx, sy), with the arrow of
     * index selected highlighted (-1 for none).
     */
    void paint(GraphicsContext g, double cw, double ch, LadderLayout l, double z, double sx, double sy,
               int selected) {
        LadderModel m = l.model();
        double visibleW = cw / z;
        double visibleH = ch / z;
        int first = l.firstVisible(sy + l.headerHeight());
        int end = l.endVisible(sy, visibleH);
        g.setTextBaseline(VPos.BASELINE);
        g.setLineCap(StrokeLineCap.BUTT);

        // Rows, life lines and arrows scroll both ways.
        g.save();
        g.scale(z, z);
        g.translate(-sx, -sy);
        for (int i = first; i < end; i++) {
            if (i == selected) {
                g.setFill(colours.get(Slot.SELECTION));
                g.fillRect(sx, l.rowTop(i), visibleW, l.rowHeight());
            } else if ((i & 1) == 1) {
                g.setFill(colours.get(Slot.STRIPE));
                g.fillRect(sx, l.rowTop(i), visibleW, l.rowHeight());
            }
        }
        g.setStroke(colours.get(Slot.GRID));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        double lifeTop = Math.max(l.headerHeight(), sy + l.headerHeight());
        double lifeBottom = Math.min(l.height() - LadderLayout.MARGIN, sy + visibleH);
        for (int c = 0; c < l.columnCount(); c++) {
            double x = crisp(l.columnX(c), z);
            g.strokeLine(x, lifeTop, x, lifeBottom);
        }
        g.setLineDashes();
        for (int i = first; i < end; i++) {
            drawArrow(g, l, m.arrows().get(i), i == selected, sx + l.gutterRight() + 4, sx + visibleW - 4);
        }
        g.restore();

        // The time gutter scrolls vertically only.
        double gutterRight = l.gutterRight();
        g.save();
        g.scale(z, z);
        g.setFill(colours.get(Slot.BACKGROUND));
        g.fillRect(0, l.headerHeight(), gutterRight, visibleH);
        g.translate(0, -sy);
        for (int i = first; i < end; i++) {
            if (i == selected || (i & 1) == 1) {
                g.setFill(colours.get(i == selected ? Slot.SELECTION : Slot.STRIPE));
                g.fillRect(0, l.rowTop(i), gutterRight, l.rowHeight());
            }
            if (i == selected) {
                g.setFill(colours.get(Slot.SELECTION_BORDER));
                g.fillRect(0, l.rowTop(i), 3, l.rowHeight());
            }
            LadderArrow a = m.arrows().get(i);
            g.setFont(measure.normal);
            g.setFill(colours.get(Slot.FOREGROUND));
            g.fillText(LadderLayout.relativeTime(m, a), l.timeX(), l.labelBaseline(i));
            g.setFont(measure.small);
            g.setFill(colours.get(Slot.MUTED));
            g.fillText(LadderLayout.delta(a), l.timeX(), l.smallBaseline(i));
        }
        g.restore();
        g.save();
        g.scale(z, z);
        g.setStroke(colours.get(Slot.GRID));
        g.setLineWidth(1);
        double gx = crisp(gutterRight - 4, z);
        g.strokeLine(gx, l.headerHeight(), gx, visibleH);
        g.restore();

        drawHeader(g, l, z, sx, visibleW);
        if (m.isEmpty()) {
            g.setFont(measure.normal);
            g.setFill(colours.get(Slot.MUTED));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No messages", cw / 2, ch / 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private void drawHeader(GraphicsContext g, LadderLayout l, double z, double sx, double visibleW) {
        double hh = l.headerHeight();
        g.save();
        g.scale(z, z);
        g.setFill(colours.get(Slot.HEADER_BACKGROUND));
        g.fillRect(0, 0, visibleW, hh);
        g.setStroke(colours.get(Slot.HEADER_BORDER));
        g.setLineWidth(1);
        double by = crisp(hh, z) - 0.5 / z;
        g.strokeLine(0, by, visibleW, by);

        g.save();
        g.beginPath();
        g.rect(l.gutterRight(), 0, visibleW, hh);
        g.clip();
        g.translate(-sx, 0);
        List<LadderColumn> columns = l.model().columns();
        double boxW = l.headerBoxWidth();
        double boxTop = LadderLayout.MARGIN / 2;
        double boxH = hh - LadderLayout.MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            LadderColumn col = columns.get(c);
            double x = l.columnX(c);
            g.setFill(colours.get(Slot.HEADER_BOX));
            g.fillRoundRect(x - boxW / 2, boxTop, boxW, boxH, 8, 8);
            g.setStroke(colours.get(Slot.HEADER_BORDER));
            g.strokeRoundRect(x - boxW / 2 + 0.5, boxTop + 0.5, boxW - 1, boxH - 1, 8, 8);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(measure.bold);
            g.setFill(colours.get(Slot.FOREGROUND));
            String label = LadderLayout.fit(col.label(), boxW - 10, measure::boldWidth);
            g.fillText(label, x, l.headerLabelBaseline());
            if (col.aliased()) {
                g.setFont(measure.small);
                g.setFill(colours.get(Slot.MUTED));
                g.fillText(LadderLayout.fit(col.key(), boxW - 10, measure::smallTextWidth), x,
                        l.headerLabelBaseline() + measure.smallLineHeight());
            }
            g.setTextAlign(TextAlignment.LEFT);
        }
        g.restore();

        g.setFont(measure.bold);
        g.setFill(colours.get(Slot.MUTED));
        g.fillText("Time", l.timeX(), l.headerLabelBaseline());
        g.restore();
    }

    /** Draws one arrow; viewLeft/viewRight bound the visible content x, so texts slide into sight. */
    private void drawArrow(GraphicsContext g, LadderLayout l, LadderArrow a, boolean selected, double viewLeft,
                           double viewRight) {
        int i = a.index();
        Paint colour = colours.palette(a.colour());
        double spanLeft = Math.min(l.arrowStartX(a), l.arrowEndX(a));
        double spanRight = a.self() ? l.textLeft(a) + l.textRoom(a) : Math.max(l.arrowStartX(a), l.arrowEndX(a));
        if (spanRight < viewLeft || spanLeft > viewRight) {
            offscreenHint(g, l, a, colour, spanRight < viewLeft, viewLeft, viewRight);
            return;
        }
        double y = crisp(l.arrowY(i), g.getTransform().getMyy());
        double x1 = l.arrowStartX(a);
        double x2 = l.arrowEndX(a);
        double width = selected ? 2.5 : 1.5;
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(width);
        if (a.resent()) {
            g.setLineDashes(6, 4);
        }
        if (a.self()) {
            double w = LadderLayout.LOOP_WIDTH;
            double top = y - 6;
            double bottom = y + 6;
            g.beginPath();
            g.moveTo(x1, top);
            g.lineTo(x1 + w, top);
            g.lineTo(x1 + w, bottom);
            g.lineTo(x1 + LadderLayout.HEAD, bottom);
            g.stroke();
            g.setLineDashes();
            head(g, x1 + LadderLayout.HEAD, x1, bottom);
        } else {
            double dir = Math.signum(x2 - x1);
            g.strokeLine(x1, y, x2 - dir * LadderLayout.HEAD, y);
            g.setLineDashes();
            head(g, x2 - dir * LadderLayout.HEAD, x2, y);
        }

        // Label (bold method or status) with the CSeq in small muted text, centred above the line.
        double room = l.textRoom(a);
        String label = a.resent() ? a.label() + " ↻" : a.label();
        Font labelFont = a.message() != null && a.message().request() ? measure.bold : measure.normal;
        double labelW = measure.width(label, labelFont);
        String detail = " " + a.detail();
        double detailW = measure.smallTextWidth(detail);
        if (labelW + detailW > room) {
            detail = LadderLayout.fit(detail, Math.max(0, room - labelW), measure::smallTextWidth);
            detailW = detail == null || detail.isEmpty() ? 0 : measure.smallTextWidth(detail);
            if (labelW > room) {
                label = LadderLayout.fit(label, room, s -> measure.width(s, labelFont));
                labelW = measure.width(label, labelFont);
            }
        }
        double tx = slide(l.textX(a, labelW + detailW), labelW + detailW, l, a, viewLeft, viewRight);
        double base = l.labelBaseline(i) - (a.self() ? 0 : 2);
        if (a.self()) {
            base = y + 4;
        }
        g.setFont(labelFont);
        g.setFill(colour);
        g.fillText(label, tx, base);
        if (detailW > 0) {
            g.setFont(measure.small);
            g.setFill(colours.get(Slot.MUTED));
            g.fillText(detail, tx + labelW, base);
        }
        if (a.sdp() != null) {
            String sdp = LadderLayout.fit(a.sdp(), room, s -> measure.width(s, measure.italic));
            double sw = measure.width(sdp, measure.italic);
            g.setFont(measure.italic);
            g.setFill(colours.get(Slot.SDP));
            double sdpY = l.smallBaseline(i) + (a.self() ? 4 : 1);
            g.fillText(sdp, a.self() ? tx : slide(l.textX(a, sw), sw, l, a, viewLeft, viewRight), sdpY);
        }
    }

    /** Moves a text centred on a partly visible arrow into the visible part, without leaving the arrow's span. */
    private static double slide(double x, double w, LadderLayout l, LadderArrow a, double viewLeft,
                                double viewRight) {
        if (a.self()) {
            return x;
        }
        double min = l.textLeft(a);
        double max = min + l.textRoom(a) - w;
        double v = x;
        if (v + w > viewRight) {
            v = viewRight - w;
        }
        if (v < viewLeft) {
            v = viewLeft;
        }
        return Math.max(min, Math.min(max, v));
    }

    /** A faint "◂ INVITE" at the edge for an arrow scrolled out of sight sideways, so no row looks empty. */
    private void offscreenHint(GraphicsContext g, LadderLayout l, LadderArrow a, Paint colour, boolean leftOfView,
                               double viewLeft, double viewRight) {
        String text = leftOfView ? "◂ " + a.label() : a.label() + " ▸";
        double w = measure.width(text, measure.small);
        g.setGlobalAlpha(0.6);
        g.setFont(measure.small);
        g.setFill(colour);
        g.fillText(text, leftOfView ? viewLeft : viewRight - w, l.labelBaseline(a.index()) + 6);
        g.setGlobalAlpha(1);
    }

    private static void head(GraphicsContext g, double baseX, double tipX, double y) {
        double half = LadderLayout.HEAD * 0.5;
        g.fillPolygon(new double[] {tipX, baseX, baseX}, new double[] {y, y - half, y + half}, 3);
    }

    /** A coordinate on a device pixel centre, so 1px lines stay sharp at any zoom. */
    private static double crisp(double v, double z) {
        return (Math.floor(v * z) + 0.5) / z;
    }
}
