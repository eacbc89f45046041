package dev.parley.session;

import dev.parley.session.sip.SipCorrelator;

/**
 * Told every few tens of thousands of frames how far loading got, on the loading thread, so a view can copy what is
 * new (sessions are appended in order of first message) and publish it in one batch. {@code size} is -1 when
 * unknown (compressed input). The correlator must only be read inside the call: it changes between calls.
 */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (position, size, frames, sip) -> { };

    void progress(long position, long size, long frames, SipCorrelator sip);
}
