package dev.parley.testsupport;

import java.nio.charset.StandardCharsets;

/** Assembles one SIP message as bytes: start line, headers, Content-Type/Content-Length and body, CRLF-separated. */
final class SipText {
    private final StringBuilder sb = new StringBuilder(1200);

    SipText start(String startLine) {
        sb.setLength(0);
        sb.append(startLine).append("\r\n");
        return this;
    }

    SipText header(String name, String value) {
        sb.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    /** Ends a message without body. */
    byte[] end() {
        sb.append("Content-Length: 0\r\n\r\n");
        return bytes();
    }

    /** Ends a message with an ASCII body, so its char count is its byte count. */
    byte[] end(String contentType, String body) {
        sb.append("Content-Type: ").append(contentType).append("\r\n");
        sb.append("Content-Length: ").append(body.length()).append("\r\n\r\n");
        sb.append(body);
        return bytes();
    }

    private byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
