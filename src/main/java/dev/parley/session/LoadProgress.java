package dev.parley.session;

/** Told now and then how far loading got; {@code size} is -1 when unknown (compressed input). */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (position, size, frames) -> { };

    void progress(long position, long size, long frames);
}
