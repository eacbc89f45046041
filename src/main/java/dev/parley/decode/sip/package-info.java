/**
 * SIP (RFC 3261): key-field scanning, full lenient parsing into a header model, and stream framing; scanned messages
 * travel as {@link dev.parley.decode.sip.SipEvent}s or, on a load, in {@link dev.parley.decode.sip.SipBatch} columns.
 */
package dev.parley.decode.sip;
