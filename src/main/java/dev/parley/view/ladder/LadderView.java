package dev.parley.view.ladder;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * The ladder diagram of a {@link LadderViewModel}. Virtualised: the canvas is the size of the viewport and only the
 * rows in sight are drawn, so a ladder of many thousand arrows scrolls as fast as a short one. Column headers stay at
 * the top and the time gutter at the left while scrolling. Colours come from CSS (see {@link #darkThemeCss()}).
 *
 * <p>Mouse: click selects an arrow, wheel scrolls, Ctrl+wheel zooms, right-click or double-click on a column header
 * asks to rename its endpoint ({@link #setOnEditColumn}). Keys: Up/Down, Page Up/Down, Home/End walk the
 * arrows; +/- and 0 zoom.
 *
 * <p>This class wires the parts and answers hit tests: {@link LadderScrollBars} frames the canvas,
 * {@link LadderPainter} draws it, {@link LadderInput} handles events, {@link ArrowTooltip} explains arrows.
 */
public final class LadderView extends Region {
    /** Style class of the view. */
    public static final String STYLE_CLASS = "ladder-view";
    /** Style class of its canvas. */
    public static final String CANVAS_STYLE_CLASS = "ladder-canvas";

    private final LadderViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final LadderScrollBars bars = new LadderScrollBars(this, canvas);
    private final LadderColours colours;
    private final TextMeasure measure = new TextMeasure();
    private final LadderPainter painter;
    private final ArrowTooltip tooltip = new ArrowTooltip(canvas);
    private final LadderInput input;
    private LadderLayout layout;
    private boolean drawing;

    public LadderView(LadderViewModel viewModel) {
        this.viewModel = viewModel;
        this.colours = new LadderColours(this, this::redraw);
        this.painter = new LadderPainter(colours, measure);
        this.input = new LadderInput(this, bars, canvas, tooltip);
        getStyleClass().add(STYLE_CLASS);
        canvas.getStyleClass().add(CANVAS_STYLE_CLASS);
        getChildren().addAll(canvas, bars.vertical(), bars.horizontal());
        setFocusTraversable(true);
        setMinSize(120, 80);

        viewModel.modelProperty().addListener((obs, o, n) -> {
            layout = null;
            tooltip.reset();
            bars.reset();
            requestLayout();
            redraw();
        });
        viewModel.zoomProperty().addListener((obs, o, n) -> {
            requestLayout();
            redraw();
        });
        viewModel.selectedIndexProperty().addListener((obs, o, n) -> {
            bars.scrollToArrow(n.intValue());
            redraw();
        });
        bars.vertical().valueProperty().addListener((obs, o, n) -> redraw());
        bars.horizontal().valueProperty().addListener((obs, o, n) -> redraw());
        input.install();
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
                - bars.x()) * z;
        double y = (l.arrowY(index) - bars.y()) * z;
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
        input.setOnEditColumn(action);
    }

    /** The column whose header box is at a point in this view's coordinates, -1 when none. */
    public int columnAt(double x, double y) {
        LadderLayout l = layoutOfModel();
        double z = viewModel.getZoom();
        if (y < 0 || y / z >= l.headerHeight() || x / z < l.gutterRight()) {
            return -1;
        }
        double cx = x / z + bars.x();
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
        double x = (l.columnX(column) - bars.x()) * z;
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
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(LadderColours.metaData());
        return all;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** Several lines about an arrow: label, CSeq, endpoints, time, SDP (the tooltip's text). */
    static String describe(LadderModel m, LadderArrow a) {
        return ArrowTooltip.describe(m, a);
    }

    LadderColours colours() {
        return colours;
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        bars.layout(getWidth(), getHeight());
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(1200, layoutOfModel().width() * viewModel.getZoom() + bars.vertical().prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.min(800, layoutOfModel().height() * viewModel.getZoom() + bars.horizontal().prefHeight(-1));
    }

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
        if (painter.clear(g, cw, ch)) {
            painter.paint(g, cw, ch, layoutOfModel(), viewModel.getZoom(), bars.x(), bars.y(),
                    viewModel.getSelectedIndex());
        }
    }
}
