package dev.parley.view;

import javafx.animation.AnimationTimer;

/**
 * Runs a task two pulses after the one being prepared. An {@link AnimationTimer} is called at the start of each
 * pulse, before its CSS and layout; by its third call the first pulse's layout is done (for the first rows, the
 * creation and styling of every visible cell: the FX thread's part, most of that frame) and its frame has been handed
 * to the render thread. The render thread may still be painting it: a later pulse waits for the previous rendering
 * only when its own scene changed.
 */
final class FrameTicker {
    private static final int PULSES = 3;

    private FrameTicker() {
    }

    /** FX thread only. */
    static void afterNextFrameLaidOut(Runnable task) {
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
