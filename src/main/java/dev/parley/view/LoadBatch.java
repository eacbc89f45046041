package dev.parley.view;

import dev.parley.view.sessions.SessionRow;
import java.util.ArrayList;
import java.util.List;

/**
 * What one loading thread publishes to the FX thread between two pulses: new rows and the latest counters. Batches
 * still pending when the next one comes are merged, so the FX thread gets one runLater however fast loading goes.
 */
final class LoadBatch {
    final long sequence;
    final List<SessionRow> rows;
    double fraction;
    long frames;
    long sipMessages;

    LoadBatch(long sequence, List<SessionRow> rows, double fraction, long frames, long sipMessages) {
        this.sequence = sequence;
        this.rows = new ArrayList<>(rows);
        this.fraction = fraction;
        this.frames = frames;
        this.sipMessages = sipMessages;
    }

    void merge(List<SessionRow> more, double newFraction, long newFrames, long newSipMessages) {
        rows.addAll(more);
        fraction = newFraction;
        frames = newFrames;
        sipMessages = newSipMessages;
    }
}
