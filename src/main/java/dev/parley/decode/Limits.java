package dev.parley.decode;

/**
 * Every bound in one place (DESIGN.md decision 6). Past a limit a decoder reports an anomaly and resynchronises;
 * it never grows without bound.
 *
 * @param maxLineLength        longest SIP header or POP3 line kept
 * @param maxHeaderBlock       largest SIP header block (start line to blank line)
 * @param maxMessageSize       largest SIP message (headers + body)
 * @param maxMailSize          largest retrieved mail kept
 * @param maxTcpOutOfOrder     bytes buffered per TCP direction while waiting for a hole to fill
 * @param maxPendingFragments  IP datagrams being reassembled at once
 * @param fragmentTimeoutNanos capture time after which an incomplete fragment set is given up
 * @param maxPendingPop3       POP3 commands awaiting a reply
 * @param maxCalls             calls kept in the session store
 * @param maxTcpConnections    TCP connections followed at once; past it the oldest is given up (its buffered data
 *                             delivered after a gap)
 */
public record Limits(int maxLineLength, int maxHeaderBlock, int maxMessageSize, int maxMailSize,
                     int maxTcpOutOfOrder, int maxPendingFragments, long fragmentTimeoutNanos,
                     int maxPendingPop3, int maxCalls, int maxTcpConnections) {

    public static final Limits DEFAULT = new Limits(
            16 * 1024, 256 * 1024, 4 * 1024 * 1024, 64 * 1024 * 1024,
            8 * 1024 * 1024, 4096, 60_000_000_000L,
            1024, 2_000_000, 1_000_000);
}
