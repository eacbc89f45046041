package dev.parley.view;

import java.util.function.LongSupplier;

/**
 * How often a load hands its new rows to the FX thread: the first ones at once, then at most every
 * {@value #EVERY_MILLIS} ms. Each batch appended to the session list costs the FX thread a layout and a CSS pass over
 * the visible cells; handed over at every progress report (about 70 on the 1.1 M-frame synthetic capture), those
 * passes made HotSpot compile JavaFX's CSS code again and again (C2 spent about 1 s of CPU on
 * {@code CssStyleHelper.transitionToState} alone) on the cores the load needs. Four times a second the list still
 * visibly fills; the window opened the synthetic capture in 2.78-3.10 s instead of 3.33-3.88 s (docs/DESIGN-NOTES.md
 * note 32). Not thread-safe: the correlating thread, which reports progress, is its only user.
 */
final class BatchCadence {
    static final long EVERY_MILLIS = 250;
    private static final long EVERY_NANOS = EVERY_MILLIS * 1_000_000L;

    private final LongSupplier clock;
    private long lastNanos;

    /** @param clock nanoseconds, as {@link System#nanoTime} */
    BatchCadence(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * True when rows should be handed over now: always while no row is shown yet (the first rows come at once), else
     * once a period has passed since the last batch went out.
     */
    boolean due(boolean noRowsYet) {
        long now = clock.getAsLong();
        if (!noRowsYet && now - lastNanos < EVERY_NANOS) {
            return false;
        }
        lastNanos = now;
        return true;
    }
}
