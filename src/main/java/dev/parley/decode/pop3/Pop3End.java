package dev.parley.decode.pop3;

/**
 * A POP3 connection is over: both directions closed ({@code closed}), or the capture ended first.
 *
 * @param encrypted STLS succeeded: everything after it was TLS and was not read
 */
public record Pop3End(long frame, long timestampNanos, boolean closed, boolean encrypted) {
}
