package dev.parley.view;

import javafx.animation.AnimationTimer;

/**
 * Runs a task once the frame being prepared has been drawn. An {@link AnimationTimer} is called at the start of each
 * pulse; a pulse hands its frame to the render thread and the next pulse waits for that rendering before handing its
 * own, so the third call comes after the frame that was being prepared at the first one is on screen.
 */
final class FrameTicker {
    private static final int PULSES = 3;

    private FrameTicker() {
    }

    /** FX thread only. */
    static void afterNextFrameDrawn(Runnable task) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == PULSES) {
                    stop();
                    task.run();
                }
            }
        }.start();
    }
}
