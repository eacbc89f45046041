package dev.parley.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * Parley's icon at the sizes rendered from {@code assets/icons/parley.svg}, for the window (the window manager picks
 * the size that fits its title bar, task switcher or dock). A missing size is skipped: no icon is no reason to fail.
 */
final class AppIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** The icons found on the class path, smallest first. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/assets/icons/parley-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // closing a class path resource: nothing to do, the image is read already
            }
        }
        return icons;
    }
}
