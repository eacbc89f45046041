package dev.parley.decode.sip;

/** Receives every SIP message found, in capture order. */
@FunctionalInterface
public interface SipListener {
    void sip(SipEvent event);
}
