package dev.parley.decode.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;

/**
 * One SIP message found in a capture: its key fields, how and when it travelled, and where its bytes are.
 *
 * @param frame          number of the frame that completed the message
 * @param timestampNanos capture time of that frame
 * @param bytes          the message bytes when the loader was asked to keep them (small files, tests), else null
 */
public record SipEvent(SipSummary sip, Flow flow, long frame, long timestampNanos, Origin origin, byte[] bytes) {
}
