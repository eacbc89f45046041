package dev.parley.decode.pop3;

import dev.parley.decode.Origin;

/**
 * One continuation line of a SASL AUTH exchange (RFC 5034): a server challenge ("+ " and base64, {@code text} is
 * what follows "+ ") or a client response (a base64 line, or "*" to cancel). Not a command: tshark counts client
 * continuation lines as requests, Parley keeps them inside their AUTH exchange.
 */
public record SaslStep(boolean fromServer, String text, long frame, long timestampNanos, Origin origin) {

    /** The client cancelled the exchange (RFC 5034 section 4: a line holding "*"). */
    public boolean cancel() {
        return !fromServer && "*".equals(text);
    }
}
