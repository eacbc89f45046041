package dev.parley.testsupport;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Reading node snapshots in GUI tests. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * How many pixels (every second one in each direction) differ from the background, taken at the bottom centre
     * of the shot (below the last arrow of a ladder): zero for a view that drew nothing.
     */
    public static int drawnPixels(WritableImage shot) {
        PixelReader px = shot.getPixelReader();
        Color background = px.getColor((int) shot.getWidth() / 2, (int) shot.getHeight() - 20);
        int differing = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                if (!px.getColor(x, y).equals(background)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
