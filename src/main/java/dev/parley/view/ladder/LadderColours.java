package dev.parley.view.ladder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The ladder's colours as CSS properties of {@link LadderView} (a canvas has no CSS of its own): defaults are the
 * light theme, a theme overrides them, e.g. {@code .dark .ladder-view { -ladder-background: #1e1f22; }}.
 */
final class LadderColours {

    /** One colour a stylesheet can set. */
    enum Slot {
        BACKGROUND("-ladder-background", "#ffffff", "#1e1f22"),
        STRIPE("-ladder-stripe", "#f6f8fa", "#24262a"),
        FOREGROUND("-ladder-foreground", "#1f2328", "#dfe1e5"),
        MUTED("-ladder-muted", "#656d76", "#9da0a8"),
        GRID("-ladder-grid", "#c8ced6", "#4a4d55"),
        HEADER_BACKGROUND("-ladder-header-background", "#eef1f5", "#2b2d31"),
        HEADER_BOX("-ladder-header-box", "#ffffff", "#33363c"),
        HEADER_BORDER("-ladder-header-border", "#b6bec8", "#55585f"),
        SELECTION("-ladder-selection", "#0969da33", "#2f81f74d"),
        SELECTION_BORDER("-ladder-selection-border", "#0969da", "#58a6ff"),
        SDP("-ladder-sdp", "#57606a", "#a8b1bb"),
        PALETTE_0("-ladder-palette-0", "#0969da", "#58a6ff"),
        PALETTE_1("-ladder-palette-1", "#1a7f37", "#3fb950"),
        PALETTE_2("-ladder-palette-2", "#8250df", "#bc8cff"),
        PALETTE_3("-ladder-palette-3", "#bc4c00", "#ff9a4d"),
        PALETTE_4("-ladder-palette-4", "#0e7c86", "#39c5cf"),
        PALETTE_5("-ladder-palette-5", "#bf3989", "#ff7eb6"),
        PALETTE_6("-ladder-palette-6", "#7d4e24", "#d2a679"),
        PALETTE_7("-ladder-palette-7", "#cf222e", "#ff7b72");

        final String property;
        final Color light;
        final Color dark;

        Slot(String property, String light, String dark) {
            this.property = property;
            this.light = Color.web(light);
            this.dark = Color.web(dark);
        }
    }

    static final int PALETTE_SIZE = 8;
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        List<CssMetaData<? extends Styleable, ?>> meta = new ArrayList<>();
        for (Slot s : Slot.values()) {
            meta.add(new CssMetaData<LadderView, Paint>(s.property, PaintConverter.getInstance(), s.light) {
                @Override
                public boolean isSettable(LadderView view) {
                    return !view.colours().properties[s.ordinal()].isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Paint> getStyleableProperty(LadderView view) {
                    return view.colours().properties[s.ordinal()];
                }
            });
        }
        META = Collections.unmodifiableList(meta);
    }

    private final StyleableObjectProperty<Paint>[] properties;

    @SuppressWarnings("unchecked")
    LadderColours(LadderView view, Runnable changed) {
        Slot[] slots = Slot.values();
        properties = new StyleableObjectProperty[slots.length];
        for (Slot s : slots) {
            CssMetaData<LadderView, Paint> m = (CssMetaData<LadderView, Paint>) META.get(s.ordinal());
            properties[s.ordinal()] = new SimpleStyleableObjectProperty<>(m, view, s.property, s.light);
            properties[s.ordinal()].addListener((obs, o, n) -> changed.run());
        }
    }

    static List<CssMetaData<? extends Styleable, ?>> metaData() {
        return META;
    }

    Paint get(Slot slot) {
        Paint p = properties[slot.ordinal()].get();
        return p == null ? slot.light : p;
    }

    Paint palette(int colour) {
        return get(Slot.values()[Slot.PALETTE_0.ordinal() + Math.floorMod(colour, PALETTE_SIZE)]);
    }

    /** CSS rules of the dark theme, for a theme stylesheet to include. */
    static String darkRules(String selector) {
        StringBuilder css = new StringBuilder(selector).append(" {\n");
        for (Slot s : Slot.values()) {
            css.append("    ").append(s.property).append(": ").append(web(s.dark)).append(";\n");
        }
        return css.append("}\n").toString();
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255), Math.round(c.getOpacity() * 255));
    }
}
