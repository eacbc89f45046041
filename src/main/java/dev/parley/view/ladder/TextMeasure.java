package dev.parley.view.ladder;

import dev.parley.diagram.LadderFonts;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The ladder's fonts and their measurement, as a sum of cached character widths: measuring every distinct label with a
 * Text node costs seconds at 100k arrows ("CSeq 12345 INVITE" rarely repeats); kerning is negligible here.
 */
final class TextMeasure extends LadderFonts<Font> {
    private final Text probe = new Text();
    private final Map<Font, double[]> ascii = new HashMap<>();
    private final Map<Font, Map<Character, Double>> other = new HashMap<>();

    TextMeasure() {
        super(Font.font("System", 12), Font.font("System", FontWeight.BOLD, 12), Font.font("System", 10.5),
                Font.font("System", FontWeight.NORMAL, FontPosture.ITALIC, 10.5));
    }

    @Override
    protected double measureWidth(String text, Font font) {
        double[] widths = ascii.computeIfAbsent(font, this::asciiWidths);
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += c < 128 ? widths[c] : other.computeIfAbsent(font, f -> new HashMap<>())
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

    @Override
    protected double measureLineHeight(Font font) {
        probe.setFont(font);
        probe.setText("Hg");
        return Math.ceil(probe.getLayoutBounds().getHeight());
    }

    double boldWidth(String text) {
        return width(text, bold);
    }
}
