package dev.parley.app;

import dev.parley.view.EndpointAliases;
import dev.parley.view.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Parley remembers between runs (java.util.prefs): window bounds, divider positions, theme, recent files, endpoint
 * aliases (one value of "endpoint=alias" lines, the newest kept when it would exceed a preference value's length).
 */
final class AppPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(AppPreferences.class);
    private static final String RECENT = "recent.";
    private static final String ALIASES = "endpointAliases";

    private final Preferences node;

    AppPreferences(Preferences node) {
        this.node = node;
    }

    static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node("dev/parley/app"));
    }

    Theme theme() {
        return Theme.parse(node.get("theme", Theme.LIGHT.name()));
    }

    boolean mergePorts() {
        return node.getBoolean("mergePorts", false);
    }

    /** Endpoint aliases, oldest first. */
    Map<String, String> endpointAliases() {
        return EndpointAliases.parse(node.get(ALIASES, ""));
    }

    void putEndpointAliases(Map<String, String> aliases) {
        String text = EndpointAliases.format(aliases, Preferences.MAX_VALUE_LENGTH);
        if (text.isEmpty()) {
            node.remove(ALIASES);
        } else {
            node.put(ALIASES, text);
        }
    }

    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String p = node.get(RECENT + i, null);
            if (p != null && !p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts the stage where it was, if that place is still on a screen; else a size fitting the main screen. */
    void restoreWindow(Stage stage) {
        double w = node.getDouble("window.width", 1400);
        double h = node.getDouble("window.height", 900);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(w, screen.getWidth()));
        stage.setHeight(Math.min(h, screen.getHeight()));
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, 100, 100).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
    }

    void restoreDividers(List<SplitPane> panes) {
        for (int i = 0; i < panes.size(); i++) {
            double p = node.getDouble("divider." + i, Double.NaN);
            if (!Double.isNaN(p) && p > 0.05 && p < 0.95) {
                panes.get(i).setDividerPositions(p);
            }
        }
    }

    void save(Stage stage, List<SplitPane> panes, Theme theme, boolean mergePorts, List<Path> recent,
              Map<String, String> aliases) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
        }
        node.putBoolean("window.maximized", stage.isMaximized());
        for (int i = 0; i < panes.size(); i++) {
            double[] d = panes.get(i).getDividerPositions();
            if (d.length > 0) {
                node.putDouble("divider." + i, d[0]);
            }
        }
        node.put("theme", theme.name());
        node.putBoolean("mergePorts", mergePorts);
        putEndpointAliases(aliases);
        for (int i = 0; i < 10; i++) {
            if (i < recent.size()) {
                node.put(RECENT + i, recent.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("cannot save preferences: {}", e.getMessage());
        }
    }
}
