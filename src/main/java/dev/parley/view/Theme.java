package dev.parley.view;

import java.net.URL;
import java.util.List;

/** The colour themes; each is the common stylesheet plus its own, loaded from the jar's /assets/css. */
public enum Theme {
    LIGHT("light.css", "light"),
    DARK("dark.css", "dark");

    private static final String BASE = "/assets/css/parley.css";
    private final String file;
    private final String styleClass;

    Theme(String file, String styleClass) {
        this.file = file;
        this.styleClass = styleClass;
    }

    /** Style class put on the window's root ("light" or "dark") so component CSS can follow the theme. */
    public String styleClass() {
        return styleClass;
    }

    /** Stylesheet URLs, common first. */
    public List<String> stylesheets() {
        return List.of(url(BASE), url("/assets/css/" + file));
    }

    /** The theme named in preferences, LIGHT when unknown. */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return LIGHT;
    }

    private static String url(String resource) {
        URL u = Theme.class.getResource(resource);
        if (u == null) {
            throw new IllegalStateException("missing stylesheet " + resource + " on the classpath");
        }
        return u.toExternalForm();
    }
}
