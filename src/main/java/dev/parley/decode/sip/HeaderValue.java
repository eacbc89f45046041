package dev.parley.decode.sip;

/** One value of a header (a comma-separated element of a multi-valued header), with its place in the message. */
public record HeaderValue(String text, int offset, int length) {
}
