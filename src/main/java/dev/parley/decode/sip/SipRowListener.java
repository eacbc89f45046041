package dev.parley.decode.sip;

/**
 * A {@link SipListener} that takes each message as a row of its {@link SipBatch}, written by the scanner itself: the
 * load's hand-over to the correlating thread. No {@link SipSummary} is made for such a message (docs/DESIGN-NOTES.md
 * note 36). Both calls come from the scanning thread, one pair per message.
 */
public interface SipRowListener extends SipListener {
    /** The batch the next message's row goes into. */
    SipBatch rows();

    /** A row was added to {@link #rows()}: the message is complete there. */
    void rowAdded();
}
