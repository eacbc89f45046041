package dev.parley.diagram;

/**
 * Text measurement for {@link LadderLayout}, so the layout stays free of any toolkit: the canvas measures with its
 * fonts, exporters with fixed character widths ({@link #fixed}).
 */
public interface LadderMetrics {

    /** Width of a text in the normal font (labels, headers, times). */
    double textWidth(String text);

    /** Width of a text in the small font (SDP summaries, details, deltas). */
    double smallTextWidth(String text);

    /** Line height of the normal font. */
    double lineHeight();

    /** Line height of the small font. */
    double smallLineHeight();

    /** Metrics of fixed-width characters, e.g. {@code fixed(7.2, 16, 6.2, 14)} for 12px/10px fonts. */
    static LadderMetrics fixed(double charWidth, double lineHeight, double smallCharWidth, double smallLineHeight) {
        return new LadderMetrics() {
            @Override
            public double textWidth(String text) {
                return text == null ? 0 : text.length() * charWidth;
            }

            @Override
            public double smallTextWidth(String text) {
                return text == null ? 0 : text.length() * smallCharWidth;
            }

            @Override
            public double lineHeight() {
                return lineHeight;
            }

            @Override
            public double smallLineHeight() {
                return smallLineHeight;
            }
        };
    }

    /** Plain 12px / 10px text, for exporters and tests. */
    LadderMetrics DEFAULT = fixed(7.2, 16, 6.0, 13);
}
