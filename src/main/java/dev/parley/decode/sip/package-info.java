/** SIP (RFC 3261): key-field scanning, full lenient parsing into a header model, and stream framing. */
package dev.parley.decode.sip;
