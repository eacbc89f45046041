package dev.parley.decode.mime;

/**
 * One header field.
 *
 * @param raw   the value as written (encoded words and folding kept)
 * @param value the value unfolded, with RFC 2047 encoded words decoded
 */
public record MimeHeader(String name, String raw, String value) {
}
