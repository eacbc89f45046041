package dev.parley.decode;

/**
 * What the network layers (link, IP with fragment reassembly, tunnels, UDP, SCTP, TCP with stream reassembly) hand to
 * the protocol layer. Payload views are valid only during the call: copy what must be kept.
 */
public interface TransportListener {

    /** A whole datagram: a UDP payload (after IP reassembly) or the user data of one SCTP DATA chunk. */
    void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos);

    /**
     * A whole datagram that is one run of its own frame: {@code length} bytes at {@code a[at]}, at {@code fileOffset}
     * in the capture. What the one-step UDP path hands up, with no view or origin made for it; this default makes
     * both for {@link #datagram}, so only a listener that can do without them overrides it.
     */
    default void datagramInFrame(Flow flow, byte[] a, int at, int length, long frame, long timestampNanos,
                                 long fileOffset) {
        datagram(flow, Bytes.of(a, at, length), Origin.of(frame, fileOffset, length), frame, timestampNanos);
    }

    /** The next in-order bytes of one TCP direction (retransmissions and overlaps already removed). */
    void streamData(Flow flow, Bytes data, Origin origin, long frame, long timestampNanos);

    /** Bytes that will never arrive in this direction (capture loss): stream decoders must resynchronise. */
    void streamGap(Flow flow, long missingBytes, long frame, long timestampNanos);

    /** The direction was closed by FIN or RST; a new SYN on the same flow starts a new stream. */
    void streamClosed(Flow flow, long frame, long timestampNanos);
}
