package dev.parley.decode.pop3;

/** The status indicator of a server line: "+OK", "-ERR" or a SASL continuation "+ " (RFC 5034). */
public enum Pop3Status {
    OK("+OK"), ERR("-ERR"), CONTINUATION("+");

    private final String wire;

    Pop3Status(String wire) {
        this.wire = wire;
    }

    /** The indicator as written on the wire. */
    public String wire() {
        return wire;
    }
}
