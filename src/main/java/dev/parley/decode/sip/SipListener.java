package dev.parley.decode.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;

/** Receives every SIP message found, in capture order. */
@FunctionalInterface
public interface SipListener {
    void sip(SipEvent event);

    /**
     * The same message as its parts (see {@link SipEvent}): a listener that copies them elsewhere, as the load's
     * hand-over does, spares the scanning thread an event object per message.
     */
    default void sip(SipSummary sip, Flow flow, long frame, long timestampNanos, Origin origin, byte[] bytes) {
        sip(new SipEvent(sip, flow, frame, timestampNanos, origin, bytes));
    }
}
