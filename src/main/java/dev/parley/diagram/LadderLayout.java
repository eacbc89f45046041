package dev.parley.diagram;

import java.util.List;

/**
 * The geometry of a {@link LadderModel}, shared by the canvas and the exporters so every drawing agrees. All rows have
 * the same height, so finding the rows in a viewport or the arrow under a point is O(1) at any ladder length.
 *
 * <pre>
 *  | gutter |      column 0       column 1      column 2     |   header (column labels), then one row per arrow:
 *  | time   |  label (above)                                  |   label line
 *  | +delta |  ----------------------&gt;                       |   the arrow
 *  |        |  sdp summary (under, small)                     |   small line
 * </pre>
 *
 * Units are the metrics' units (pixels at zoom 1); the canvas scales them by its zoom.
 */
public final class LadderLayout {
    /** Outer margin around the drawing. */
    public static final double MARGIN = 8;
    /** Horizontal room kept around texts in a column gap. */
    public static final double TEXT_PAD = 14;
    /** Length of an arrowhead. */
    public static final double HEAD = 8;
    /** Width of a self-arrow loop. */
    public static final double LOOP_WIDTH = 28;
    private static final double MIN_GAP = 150;
    private static final double MAX_GAP = 420;
    private static final double MIN_HEADER_WIDTH = 110;
    private static final double MAX_HEADER_WIDTH = 220;

    private final LadderModel model;
    private final LadderMetrics metrics;
    private final double[] columnX;
    private final double gutterWidth;
    private final double headerHeight;
    private final double rowHeight;
    private final double width;
    private final double height;
    private final double headerBoxWidth;

    private LadderLayout(LadderModel model, LadderMetrics metrics) {
        this.model = model;
        this.metrics = metrics;
        List<LadderColumn> columns = model.columns();
        int n = columns.size();
        double line = metrics.lineHeight();
        double small = metrics.smallLineHeight();

        gutterWidth = Math.max(metrics.textWidth("000.000000"), metrics.smallTextWidth("+000.000000")) + TEXT_PAD;
        boolean anyAlias = columns.stream().anyMatch(LadderColumn::aliased);
        headerHeight = MARGIN + line + (anyAlias ? small : 0) + 12;
        rowHeight = Math.ceil(line + small + 14);

        double widest = MIN_HEADER_WIDTH;
        for (LadderColumn c : columns) {
            widest = Math.max(widest, Math.max(metrics.textWidth(c.label()), metrics.smallTextWidth(c.key())) + 16);
        }
        headerBoxWidth = Math.min(widest, MAX_HEADER_WIDTH);

        // Each gap between neighbours is as wide as the texts of the arrows that span just that gap.
        double[] gaps = new double[Math.max(n, 1)];
        java.util.Arrays.fill(gaps, Math.max(MIN_GAP, headerBoxWidth + 16));
        for (LadderArrow a : model.arrows()) {
            int lo = Math.min(a.from(), a.to());
            int hi = Math.max(a.from(), a.to());
            double text = textWidth(a);
            if (a.self()) {
                gaps[lo] = Math.max(gaps[lo], LOOP_WIDTH + text + TEXT_PAD);
            } else if (hi - lo == 1) {
                gaps[lo] = Math.max(gaps[lo], text + 2 * TEXT_PAD);
            }
        }
        columnX = new double[n];
        double x = MARGIN + gutterWidth + 8 + headerBoxWidth / 2;
        for (int i = 0; i < n; i++) {
            columnX[i] = x;
            x += Math.min(gaps[i], MAX_GAP);
        }
        double right = n == 0 ? MARGIN + gutterWidth : columnX[n - 1] + headerBoxWidth / 2;
        if (n > 0 && gaps[n - 1] > Math.max(MIN_GAP, headerBoxWidth + 16)) {
            right = Math.max(right, columnX[n - 1] + Math.min(gaps[n - 1], MAX_GAP)); // self-arrows on the last column
        }
        width = Math.ceil(right + MARGIN);
        height = Math.ceil(headerHeight + model.arrows().size() * rowHeight + MARGIN);
    }

    /** Lays out a model with the given text metrics. */
    public static LadderLayout of(LadderModel model, LadderMetrics metrics) {
        return new LadderLayout(model, metrics);
    }

    private double textWidth(LadderArrow a) {
        return Math.max(metrics.textWidth(a.label()) + metrics.smallTextWidth(" " + a.detail()),
                metrics.smallTextWidth(a.sdp()));
    }

    public LadderModel model() {
        return model;
    }

    public LadderMetrics metrics() {
        return metrics;
    }

    /** Total width of the drawing. */
    public double width() {
        return width;
    }

    /** Total height of the drawing, header included. */
    public double height() {
        return height;
    }

    /** Height of the column headers band at the top (kept visible while scrolling). */
    public double headerHeight() {
        return headerHeight;
    }

    /** Width of the time/delta gutter at the left (after the margin). */
    public double gutterWidth() {
        return gutterWidth;
    }

    /** The x where the gutter ends and columns begin. */
    public double gutterRight() {
        return MARGIN + gutterWidth;
    }

    public double rowHeight() {
        return rowHeight;
    }

    public int columnCount() {
        return columnX.length;
    }

    /** x of a column's life line. */
    public double columnX(int column) {
        return columnX[column];
    }

    /** Width of a column header box (centred on the column's x). */
    public double headerBoxWidth() {
        return headerBoxWidth;
    }

    /** Baseline y of a header's label; the key (when aliased) goes one small line below it. */
    public double headerLabelBaseline() {
        return MARGIN + metrics.lineHeight() * 0.8 + 4;
    }

    /** Top y of an arrow's row. */
    public double rowTop(int arrow) {
        return headerHeight + arrow * rowHeight;
    }

    /** y of an arrow's line. */
    public double arrowY(int arrow) {
        return rowTop(arrow) + 6 + metrics.lineHeight();
    }

    /** Baseline y of the label above an arrow (also the time in the gutter). */
    public double labelBaseline(int arrow) {
        return arrowY(arrow) - 4;
    }

    /** Baseline y of the small text under an arrow (SDP summary; also the delta in the gutter). */
    public double smallBaseline(int arrow) {
        return arrowY(arrow) + metrics.smallLineHeight() * 0.85 + 2;
    }

    /** Left x of the time and delta texts. */
    public double timeX() {
        return MARGIN + 2;
    }

    /** Start x of an arrow's line (at the source column). */
    public double arrowStartX(LadderArrow a) {
        return columnX[a.from()];
    }

    /** End x of an arrow's line (the arrowhead tip; the column for a self-arrow, which loops to the right). */
    public double arrowEndX(LadderArrow a) {
        return columnX[a.to()];
    }

    /** Left x where the texts of an arrow may start. */
    public double textLeft(LadderArrow a) {
        if (a.self()) {
            return columnX[a.from()] + LOOP_WIDTH + 6;
        }
        return Math.min(columnX[a.from()], columnX[a.to()]) + TEXT_PAD;
    }

    /** Room for an arrow's texts; longer texts are cut with {@link #fit}. */
    public double textRoom(LadderArrow a) {
        if (a.self()) {
            int next = a.from() + 1;
            double limit = next < columnX.length ? columnX[next] - TEXT_PAD : width - MARGIN;
            return Math.max(limit - textLeft(a), 40);
        }
        return Math.abs(columnX[a.to()] - columnX[a.from()]) - 2 * TEXT_PAD;
    }

    /** x of a text of the given width centred over an arrow (left-aligned after the loop for a self-arrow). */
    public double textX(LadderArrow a, double textWidth) {
        if (a.self()) {
            return textLeft(a);
        }
        double room = textRoom(a);
        return textLeft(a) + Math.max(0, (room - textWidth) / 2);
    }

    /** The arrow whose row holds y (content coordinates), or -1. */
    public int arrowAt(double y) {
        if (y < headerHeight) {
            return -1;
        }
        int i = (int) ((y - headerHeight) / rowHeight);
        return i < model.arrows().size() ? i : -1;
    }

    /** First arrow whose row shows in a viewport starting at content y {@code top}. */
    public int firstVisible(double top) {
        int i = (int) Math.floor((top - headerHeight) / rowHeight);
        return Math.max(0, Math.min(i, model.arrows().size()));
    }

    /** One past the last arrow whose row shows in a viewport of that height starting at content y {@code top}. */
    public int endVisible(double top, double viewportHeight) {
        int i = (int) Math.ceil((top + viewportHeight - headerHeight) / rowHeight);
        return Math.max(0, Math.min(i, model.arrows().size()));
    }

    /** The text cut to fit maxWidth, ending in "…" when cut. */
    public static String fit(String text, double maxWidth, java.util.function.ToDoubleFunction<String> width) {
        if (text == null || width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) { // longest prefix that fits with the ellipsis
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(text.substring(0, mid) + "…") <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : text.substring(0, lo) + "…";
    }

    /** Time of an arrow relative to the first, in seconds with microseconds: "1.234567". */
    public static String relativeTime(LadderModel model, LadderArrow a) {
        return seconds(a.timestampNanos() - model.firstTimestampNanos(), false);
    }

    /** Delta to the previous arrow: "+0.001234". */
    public static String delta(LadderArrow a) {
        return seconds(a.deltaNanos(), true);
    }

    static String seconds(long nanos, boolean plus) {
        long micros = Math.abs(nanos) / 1000;
        StringBuilder b = new StringBuilder(12);
        b.append(nanos < 0 ? "-" : plus ? "+" : "");
        b.append(micros / 1_000_000).append('.');
        String frac = Long.toString(micros % 1_000_000);
        for (int i = frac.length(); i < 6; i++) {
            b.append('0');
        }
        return b.append(frac).toString();
    }
}
