package dev.parley.diagram;

/**
 * {@link LadderMetrics} from the ladder's four fonts, whatever toolkit's fonts they are (JavaFX on screen, java.awt in
 * exports): labels take the wider of the normal and the bold font (requests are bold), small texts the wider of the
 * small and the italic one (SDP summaries are italic). Subclasses say how a toolkit measures a text and a line.
 *
 * @param <F> the toolkit's font type
 */
public abstract class LadderFonts<F> implements LadderMetrics {
    public final F normal;
    public final F bold;
    public final F small;
    public final F italic;
    private double lineHeight = -1; // measured on first use: subclasses set up their measuring after this constructor
    private double smallLineHeight = -1;

    protected LadderFonts(F normal, F bold, F small, F italic) {
        this.normal = normal;
        this.bold = bold;
        this.small = small;
        this.italic = italic;
    }

    /** Width of {@code text} (not empty) in {@code font}. */
    protected abstract double measureWidth(String text, F font);

    /** Height of a line of {@code font}. */
    protected abstract double measureLineHeight(F font);

    /** Width of {@code text} in {@code font}; 0 for null or empty text. */
    public final double width(String text, F font) {
        return text == null || text.isEmpty() ? 0 : measureWidth(text, font);
    }

    @Override
    public final double textWidth(String text) {
        return Math.max(width(text, normal), width(text, bold));
    }

    @Override
    public final double smallTextWidth(String text) {
        return Math.max(width(text, small), width(text, italic));
    }

    @Override
    public final double lineHeight() {
        if (lineHeight < 0) {
            lineHeight = measureLineHeight(normal);
        }
        return lineHeight;
    }

    @Override
    public final double smallLineHeight() {
        if (smallLineHeight < 0) {
            smallLineHeight = measureLineHeight(small);
        }
        return smallLineHeight;
    }
}
