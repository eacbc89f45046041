package dev.parley.decode.pop3;

/** RFC 1939 byte-stuffing of multi-line replies: a line starting with "." was sent with one more "." in front. */
public final class DotStuffing {
    private DotStuffing() {
    }

    /**
     * The octets the client received from the stuffed bytes of a multi-line reply (terminator excluded): a "." that
     * starts a line (at offset 0 or after a LF) is dropped; line ends are kept as they were (CRLF or bare LF).
     */
    public static byte[] unstuff(byte[] stuffed) {
        byte[] out = new byte[stuffed.length];
        int n = 0;
        boolean lineStart = true;
        for (byte b : stuffed) {
            if (!(lineStart && b == '.')) {
                out[n++] = b;
            }
            lineStart = b == '\n';
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
