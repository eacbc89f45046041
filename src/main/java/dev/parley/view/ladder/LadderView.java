package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderMetrics;
import dev.parley.diagram.LadderModel;
import dev.parley.view.ladder.LadderColours.Slot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The ladder diagram of a {@link LadderViewModel}. Virtualised: the canvas is the size of the viewport and only the
 * rows in sight are drawn, so a ladder of many thousand arrows scrolls as fast as a short one. Column headers stay at
 * the top and the time gutter at the left while scrolling. Colours come from CSS (see {@link #darkThemeCss()}).
 *
 * <p>Mouse: click selects an arrow, wheel scrolls, Ctrl+wheel zooms, right-click or double-click on a column header
 * asks to rename its endpoint ({@link #setOnEditColumn}). Keys: Up/Down, Page Up/Down, Home/End walk the
 * arrows; +/- and 0 zoom.
 */
public final class LadderView extends Region {
    /** Style class of the view. */
    public static final String STYLE_CLASS = "ladder-view";
    /** Style class of its canvas. */
    public static final String CANVAS_STYLE_CLASS = "ladder-canvas";

    private static final double WHEEL_LINES = 3;

    private final LadderViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final LadderColours colours;
    private final TextMeasure measure = new TextMeasure();
    private LadderLayout layout;
    private boolean drawing;
    private final Tooltip tooltip = new Tooltip();
    private int tooltipArrow = -1;
    private int pendingScroll = -1; // a selection made before the first layout, scrolled to once sized
    private Consumer<LadderColumn> onEditColumn;

    public LadderView(LadderViewModel viewModel) {
        this.viewModel = viewModel;
        this.colours = new LadderColours(this, this::redraw);
        getStyleClass().add(STYLE_CLASS);
        canvas.getStyleClass().add(CANVAS_STYLE_CLASS);
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(canvas, vbar, hbar);
        setFocusTraversable(true);
        setMinSize(120, 80);

        viewModel.modelProperty().addListener((obs, o, n) -> {
            layout = null;
            tooltipArrow = -1;
            Tooltip.uninstall(canvas, tooltip);
            vbar.setValue(0);
            hbar.setValue(0);
            requestLayout();
            redraw();
        });
        viewModel.zoomProperty().addListener((obs, o, n) -> {
            requestLayout();
            redraw();
        });
        viewModel.selectedIndexProperty().addListener((obs, o, n) -> {
            scrollToArrow(n.intValue());
            redraw();
        });
        vbar.valueProperty().addListener((obs, o, n) -> redraw());
        hbar.valueProperty().addListener((obs, o, n) -> redraw());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        tooltip.setShowDelay(javafx.util.Duration.millis(400));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public LadderViewModel viewModel() {
        return viewModel;
    }

    /** The geometry of the model shown (at zoom 1), computed with this view's fonts. */
    public LadderLayout layoutOfModel() {
        if (layout == null || layout.model() != viewModel.getModel()) {
            layout = LadderLayout.of(viewModel.getModel(), measure);
        }
        return layout;
    }

    /**
     * Where the middle of an arrow's line is drawn, in this view's coordinates, or null when the arrow is scrolled out
     * of sight (used by tests and tooltips).
     */
    public Point2D arrowPoint(int index) {
        LadderLayout l = layoutOfModel();
        if (index < 0 || index >= l.model().arrows().size()) {
            return null;
        }
        LadderArrow a = l.model().arrows().get(index);
        double z = viewModel.getZoom();
        double x = ((l.arrowStartX(a) + l.arrowEndX(a)) / 2 + (a.self() ? LadderLayout.LOOP_WIDTH / 2 : 0)
                - hbar.getValue()) * z;
        double y = (l.arrowY(index) - vbar.getValue()) * z;
        if (y < l.headerHeight() * z || y > canvas.getHeight() || x < 0 || x > canvas.getWidth()) {
            return null;
        }
        return new Point2D(x, y);
    }

    /**
     * What a right-click or double-click on a column header does (the owner asks for an alias there); null for
     * nothing. Called on the FX thread after the click, with the column of the model shown.
     */
    public void setOnEditColumn(Consumer<LadderColumn> action) {
        this.onEditColumn = action;
    }

    /** The column whose header box is at a point in this view's coordinates, -1 when none. */
    public int columnAt(double x, double y) {
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        if (y < 0 || y / z >= l.headerHeight() || x / z < l.gutterRight()) {
            return -1;
        }
        double cx = x / z + hbar.getValue();
        double half = l.headerBoxWidth() / 2;
        for (int c = 0; c < l.columnCount(); c++) {
            if (Math.abs(cx - l.columnX(c)) <= half) {
                return c;
            }
        }
        return -1;
    }

    /** The centre of a column's header box in this view's coordinates, or null when scrolled out of sight. */
    public Point2D columnHeaderPoint(int column) {
        LadderLayout l = layoutOfModel();
        if (column < 0 || column >= l.columnCount()) {
            return null;
        }
        double z = viewModel.getZoom();
        double x = (l.columnX(column) - hbar.getValue()) * z;
        double y = l.headerHeight() / 2 * z;
        return x < l.gutterRight() * z || x > canvas.getWidth() ? null : new Point2D(x, y);
    }

    /** A data: URL of a stylesheet with the dark colours for {@code .dark .ladder-view} (add it with the theme). */
    public static String darkThemeCss() {
        String css = LadderColours.darkRules(".dark ." + STYLE_CLASS + ", ." + STYLE_CLASS + ".dark");
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSS properties of the ladder colours ({@code -ladder-background}, {@code -ladder-palette-0}...). */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(Region.getClassCssMetaData());
        all.addAll(LadderColours.metaData());
        return all;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    LadderColours colours() {
        return colours;
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double vw = vbar.prefWidth(-1);
        double hh = hbar.prefHeight(-1);
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        // Show a bar only when its content overflows, taking the other bar's room into account.
        boolean needV = l.height() * z > h;
        boolean needH = l.width() * z > w - (needV ? vw : 0);
        if (!needV && needH) {
            needV = l.height() * z > h - hh;
        }
        double cw = Math.max(0, w - (needV ? vw : 0));
        double ch = Math.max(0, h - (needH ? hh : 0));
        vbar.setVisible(needV);
        hbar.setVisible(needH);
        vbar.resizeRelocate(w - vw, 0, vw, ch);
        hbar.resizeRelocate(0, h - hh, cw, hh);
        canvas.relocate(0, 0);
        canvas.setWidth(Math.floor(cw));
        canvas.setHeight(Math.floor(ch));

        double visibleH = ch / z;
        double visibleW = cw / z;
        vbar.setMin(0);
        vbar.setMax(Math.max(0, l.height() - visibleH));
        vbar.setVisibleAmount(visibleH * vbar.getMax() / Math.max(l.height(), 1));
        vbar.setUnitIncrement(l.rowHeight());
        vbar.setBlockIncrement(Math.max(l.rowHeight(), visibleH - l.headerHeight() - l.rowHeight()));
        hbar.setMin(0);
        hbar.setMax(Math.max(0, l.width() - visibleW));
        hbar.setVisibleAmount(visibleW * hbar.getMax() / Math.max(l.width(), 1));
        hbar.setUnitIncrement(20);
        hbar.setBlockIncrement(visibleW * 0.8);
        clamp(vbar);
        clamp(hbar);
        if (pendingScroll >= 0 && ch > 0) {
            int index = pendingScroll;
            pendingScroll = -1;
            scrollToArrow(index);
        }
        redraw();
    }

    private static void clamp(ScrollBar bar) {
        bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue())));
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(1200, layoutOfModel().width() * viewModel.getZoom() + vbar.prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.min(800, layoutOfModel().height() * viewModel.getZoom() + hbar.prefHeight(-1));
    }

    // ---- input

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        if (e.getY() / z < l.headerHeight()) {
            return;
        }
        int i = l.arrowAt(e.getY() / z + vbar.getValue());
        if (i >= 0) {
            viewModel.select(i);
        }
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        boolean edit = e.getButton() == MouseButton.SECONDARY
                || e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2;
        if (!edit || onEditColumn == null) {
            return;
        }
        int c = columnAt(e.getX(), e.getY());
        if (c >= 0) {
            e.consume();
            onEditColumn.accept(layoutOfModel().model().columns().get(c));
        }
    }

    /** The tooltip tells the whole story of the arrow under the mouse, whatever was cut to fit. */
    private void onMoved(MouseEvent e) {
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        int i = e.getY() / z < l.headerHeight() ? -1 : l.arrowAt(e.getY() / z + vbar.getValue());
        if (i == tooltipArrow) {
            return;
        }
        tooltipArrow = i;
        if (i < 0) {
            Tooltip.uninstall(canvas, tooltip);
            return;
        }
        tooltip.setText(describe(l.model(), l.model().arrows().get(i)));
        Tooltip.install(canvas, tooltip);
    }

    /** Several lines about an arrow: label, CSeq, endpoints, time, SDP. */
    static String describe(LadderModel m, LadderArrow a) {
        StringBuilder b = new StringBuilder(a.label()).append("  (").append(a.detail()).append(')');
        if (a.resent()) {
            b.append("  retransmission");
        }
        b.append('\n').append(m.columns().get(a.from()).label()).append(" → ").append(m.columns().get(a.to()).label());
        b.append('\n').append(LadderLayout.relativeTime(m, a)).append(" s  (").append(LadderLayout.delta(a))
                .append(')');
        if (a.message() != null) {
            b.append("  frame ").append(a.message().frame());
        }
        if (a.sdp() != null) {
            b.append("\nSDP ").append(a.sdp());
        }
        return b.toString();
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() > 0) {
                viewModel.zoomIn();
            } else if (e.getDeltaY() < 0) {
                viewModel.zoomOut();
            }
            e.consume();
            return;
        }
        double z = viewModel.getZoom();
        double dy = e.getDeltaY();
        double dx = e.getDeltaX();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        if (e.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.LINES) {
            dy = e.getTextDeltaY() * layoutOfModel().rowHeight() * z / WHEEL_LINES;
        }
        vbar.setValue(vbar.getValue() - dy / z);
        hbar.setValue(hbar.getValue() - dx / z);
        clamp(vbar);
        clamp(hbar);
        e.consume();
    }

    private void onKey(KeyEvent e) {
        LadderLayout l = layoutOfModel();
        int n = l.model().arrows().size();
        int page = Math.max(1, (int) ((canvas.getHeight() / viewModel.getZoom() - l.headerHeight()) / l.rowHeight())
                - 1);
        int sel = viewModel.getSelectedIndex();
        switch (e.getCode()) {
            case DOWN: case KP_DOWN:
                viewModel.selectNext();
                break;
            case UP: case KP_UP:
                viewModel.selectPrevious();
                break;
            case PAGE_DOWN:
                viewModel.select(Math.min(n - 1, Math.max(sel, 0) + page));
                break;
            case PAGE_UP:
                viewModel.select(Math.max(0, sel - page));
                break;
            case HOME:
                viewModel.select(0);
                break;
            case END:
                viewModel.select(n - 1);
                break;
            case PLUS: case ADD: case EQUALS:
                viewModel.zoomIn();
                break;
            case MINUS: case SUBTRACT:
                viewModel.zoomOut();
                break;
            case DIGIT0: case NUMPAD0:
                viewModel.resetZoom();
                break;
            case LEFT:
                hbar.decrement();
                break;
            case RIGHT:
                hbar.increment();
                break;
            default:
                return;
        }
        e.consume();
    }

    /** Scrolls the least needed to show the arrow's whole row below the sticky header. */
    private void scrollToArrow(int index) {
        if (index < 0) {
            return;
        }
        if (canvas.getHeight() <= 0) {
            pendingScroll = index;
            return;
        }
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        double visible = canvas.getHeight() / z;
        double top = l.rowTop(index) - l.headerHeight(); // scroll value that puts the row just under the header
        double bottom = l.rowTop(index) + l.rowHeight() - visible;
        double v = vbar.getValue();
        if (v > top) {
            vbar.setValue(Math.max(0, top));
        } else if (v < bottom) {
            vbar.setValue(Math.min(vbar.getMax(), bottom));
        }
        // Horizontally: bring the arrow's span into sight right of the time gutter, its start first if too wide.
        LadderArrow a = l.model().arrows().get(index);
        double left = Math.min(l.arrowStartX(a), l.arrowEndX(a)) - LadderLayout.TEXT_PAD;
        double right = a.self() ? l.textLeft(a) + Math.min(l.textRoom(a), 200)
                : Math.max(l.arrowStartX(a), l.arrowEndX(a)) + LadderLayout.TEXT_PAD;
        double sx = hbar.getValue();
        double viewLeft = sx + l.gutterRight();
        double viewRight = sx + canvas.getWidth() / z;
        if (left < viewLeft) {
            hbar.setValue(left - l.gutterRight());
        } else if (right > viewRight) {
            hbar.setValue(Math.min(right - canvas.getWidth() / z, left - l.gutterRight()));
        }
        clamp(hbar);
    }

    // ---- drawing

    private void redraw() {
        if (drawing) {
            return;
        }
        drawing = true;
        try {
            draw();
        } finally {
            drawing = false;
        }
    }

    private void draw() {
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(colours.get(Slot.BACKGROUND));
        g.fillRect(0, 0, cw, ch);
        if (cw <= 0 || ch <= 0) {
            return;
        }
        LadderLayout l = layoutOfModel();
        LadderModel m = l.model();
        double z = viewModel.getZoom();
        double sx = hbar.getValue();
        double sy = vbar.getValue();
        double visibleW = cw / z;
        double visibleH = ch / z;
        int first = l.firstVisible(sy + l.headerHeight());
        int end = l.endVisible(sy, visibleH);
        int selected = viewModel.getSelectedIndex();
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

    /**
     * Font measurement for the layout as a sum of cached character widths: measuring every distinct label with a
     * Text node costs seconds at 100k arrows ("CSeq 12345 INVITE" rarely repeats); kerning is negligible here.
     */
    static final class TextMeasure implements LadderMetrics {
        final Font normal = Font.font("System", 12);
        final Font bold = Font.font("System", FontWeight.BOLD, 12);
        final Font small = Font.font("System", 10.5);
        final Font italic = Font.font("System", FontWeight.NORMAL, javafx.scene.text.FontPosture.ITALIC, 10.5);
        private final javafx.scene.text.Text probe = new javafx.scene.text.Text();
        private final java.util.Map<Font, double[]> ascii = new java.util.HashMap<>();
        private final java.util.Map<Font, java.util.Map<Character, Double>> other = new java.util.HashMap<>();
        private final double lineHeight = height(normal);
        private final double smallLineHeight = height(small);

        double width(String text, Font font) {
            if (text == null || text.isEmpty()) {
                return 0;
            }
            double[] widths = ascii.computeIfAbsent(font, this::asciiWidths);
            double w = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                w += c < 128 ? widths[c] : other.computeIfAbsent(font, f -> new java.util.HashMap<>())
                        .computeIfAbsent(c, ch -> measure(String.valueOf(ch), font));
            }
            return w;
        }

        private double[] asciiWidths(Font font) {
            double[] w = new double[128];
            for (char c = 32; c < 127; c++) {
                w[c] = measure(String.valueOf(c), font);
            }
            return w;
        }

        private double measure(String text, Font font) {
            probe.setFont(font);
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        }

        private double height(Font font) {
            probe.setFont(font);
            probe.setText("Hg");
            return Math.ceil(probe.getLayoutBounds().getHeight());
        }

        double boldWidth(String text) {
            return width(text, bold);
        }

        @Override
        public double textWidth(String text) {
            return Math.max(width(text, normal), width(text, bold)); // labels of requests are bold
        }

        @Override
        public double smallTextWidth(String text) {
            return Math.max(width(text, small), width(text, italic)); // SDP summaries are italic
        }

        @Override
        public double lineHeight() {
            return lineHeight;
        }

        @Override
        public double smallLineHeight() {
            return smallLineHeight;
        }
    }
}
