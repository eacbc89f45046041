package dev.parley.export;

import dev.parley.diagram.LadderFonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Fonts, colours and text measurement of the exported ladder. The colours are the light theme of the screen's
 * ladder (view.ladder.LadderColours, which is JavaFX and so out of reach here); fonts are the logical SansSerif,
 * which PDF maps to Helvetica and SVG to sans-serif, so text stays text in every format.
 */
final class LadderStyle extends LadderFonts<Font> {
    /** The width of a text in a font as the output format will draw it. */
    interface Widths {
        double width(String text, Font font);
    }

    /** Widths as java.awt draws them (PNG; SVG, whose viewer picks its own sans-serif of about that width). */
    static final Widths AWT = (text, font) -> font.getStringBounds(text, LadderStyle.FRC).getWidth();

    static final Color BACKGROUND = new Color(0xffffff);
    static final Color STRIPE = new Color(0xf6f8fa);
    static final Color FOREGROUND = new Color(0x1f2328);
    static final Color MUTED = new Color(0x656d76);
    static final Color GRID = new Color(0xc8ced6);
    static final Color HEADER_BACKGROUND = new Color(0xeef1f5);
    static final Color HEADER_BOX = new Color(0xffffff);
    static final Color HEADER_BORDER = new Color(0xb6bec8);
    static final Color SDP = new Color(0x57606a);
    private static final int[] PALETTE = {0x0969da, 0x1a7f37, 0x8250df, 0xbc4c00, 0x0e7c86, 0xbf3989, 0x7d4e24,
        0xcf222e};

    /** Fractional metrics without a transform: the widths the layout uses are those every format draws with. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Widths widths;

    LadderStyle(Widths widths) {
        super(new Font(Font.SANS_SERIF, Font.PLAIN, 12), new Font(Font.SANS_SERIF, Font.BOLD, 12),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont(10.5f),
                new Font(Font.SANS_SERIF, Font.ITALIC, 12).deriveFont(10.5f));
        this.widths = widths;
    }

    LadderStyle() {
        this(AWT);
    }

    static Color palette(int colour) {
        return new Color(PALETTE[Math.floorMod(colour, PALETTE.length)]);
    }

    /** The palette colour as "#rrggbb", for the text formats that can colour arrows. */
    static String paletteHex(int colour) {
        String hex = Integer.toHexString(PALETTE[Math.floorMod(colour, PALETTE.length)] | 0x1000000);
        return "#" + hex.substring(1);
    }

    @Override
    protected double measureWidth(String text, Font font) {
        return widths.width(text, font);
    }

    @Override
    protected double measureLineHeight(Font font) {
        return Math.ceil(font.getLineMetrics("Hg", FRC).getHeight());
    }
}
