package dev.parley.export;

import java.util.Locale;

/** The file formats a ladder can be exported to. */
public enum DiagramFormat {
    SVG("svg"),
    PNG("png"),
    PDF("pdf"),
    TXT("txt"),
    MERMAID("mmd"),
    PLANTUML("puml");

    private final String extension;

    DiagramFormat(String extension) {
        this.extension = extension;
    }

    /** Usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named (case-insensitive, e.g. "svg", "plantuml"), or null. */
    public static DiagramFormat named(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toUpperCase(Locale.ROOT);
        for (DiagramFormat f : values()) {
            if (f.name().equals(n) || f.extension.toUpperCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        return "TEXT".equals(n) ? TXT : null;
    }
}
