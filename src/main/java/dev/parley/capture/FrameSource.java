package dev.parley.capture;

import dev.parley.decode.Anomaly;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A sequence of frames from a file or a live spool. Corrupt or truncated records never throw: they become anomalies,
 * everything before them is kept, and the source resynchronises or ends. IOException is for the medium failing.
 */
public interface FrameSource extends Closeable {

    /** The next frame, or null at the end. The frame's bytes are valid until the next call. */
    Frame next() throws IOException;

    /**
     * Reads the next frame into {@code into}, false at the end: {@link #next()} without its objects, for the load
     * loop. A reader that can fill the view straight from its buffer overrides this.
     */
    default boolean next(FrameView into) throws IOException {
        Frame f = next();
        if (f == null) {
            return false;
        }
        into.set(f);
        return true;
    }

    /** Problems found in the container so far (truncated record, corrupt block, unknown link type...). */
    List<Anomaly> anomalies();

    /** Bytes of the capture consumed so far, for progress. */
    long position();

    /** Total size of the capture in bytes, or -1 when unknown (compressed or growing). */
    long size();

    /**
     * A growing source (the live spool) calls {@code hook} on the reading thread, with the number of frames handed
     * out so far, each time it has read everything there is and starts waiting for more: the consumer can publish
     * what it holds instead of sitting on it until the next frame. Files never wait, so they ignore it.
     */
    default void whenIdle(LongConsumer hook) {
    }
}
