package dev.parley.decode.sip;

/** One part of a multipart body: its own headers, media type (lower case, null when absent) and decoded body. */
public record BodyPart(SipHeaders headers, String contentType, SipBody body, int offset, int length) {
}
