package dev.parley.diagram;

import dev.parley.session.sip.SipMessageRef;

/**
 * One message of the ladder.
 *
 * @param index          position in the ladder, 0-based
 * @param from           source column index
 * @param to             destination column index (== from for a self-arrow)
 * @param label          "INVITE" or "180 Ringing"
 * @param detail         "CSeq 1 INVITE"
 * @param timestampNanos capture time of the message
 * @param deltaNanos     time since the previous arrow (0 for the first)
 * @param colour         small stable index of the transaction (per session) for a palette
 * @param resent         a retransmission
 * @param sdp            short SDP summary ("offer PCMU/8000 @ 10.0.0.1:6000") or null
 * @param message        the message the arrow stands for
 */
public record LadderArrow(int index, int from, int to, String label, String detail, long timestampNanos,
                          long deltaNanos, int colour, boolean resent, String sdp, SipMessageRef message) {

    /** The message goes from an endpoint to itself (drawn as a loop). */
    public boolean self() {
        return from == to;
    }

    /** Left-to-right arrow (true also for self-arrows). */
    public boolean rightward() {
        return to >= from;
    }
}
