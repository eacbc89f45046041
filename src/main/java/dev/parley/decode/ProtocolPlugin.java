package dev.parley.decode;

/**
 * An application protocol that plugs into the {@link ProtocolRegistry}: a port table entry plus side-effect-free
 * heuristics, and decoders for datagrams and stream directions. Adding a protocol registers a plugin and edits no
 * switch (house style, after Wireshark's heuristic dissectors and Zeek's analyzer components).
 */
public interface ProtocolPlugin {

    /** Short name shown to users and used in anomaly codes ("sip", "pop3"). */
    String name();

    /** True when {@code port} is a port this protocol is registered on for {@code transport}. */
    boolean isWellKnownPort(Transport transport, int port);

    /**
     * Cheap and side-effect free: does this datagram carry the protocol? Datagrams are judged one by one, because a
     * per-packet heuristic costs less than a flow lookup and keeps stray packets on a pinned flow honest. The registry
     * asks through {@link #offerDatagram}, whose default calls this.
     */
    boolean matchesDatagram(Flow flow, Bytes payload);

    /** False for a protocol that runs on streams only: the registry then offers it no datagram at all. */
    default boolean usesDatagrams() {
        return true;
    }

    /** Decodes one datagram of this protocol (one that {@link #matchesDatagram} accepts). */
    void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos);

    /**
     * Decodes the datagram when it carries the protocol and says whether it did: what the registry calls. The default
     * asks {@link #matchesDatagram} first; a plugin whose decoder recognises the protocol anyway overrides it to look
     * at the bytes once.
     */
    default boolean offerDatagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        if (!matchesDatagram(flow, payload)) {
            return false;
        }
        datagram(flow, payload, origin, frame, timestampNanos);
        return true;
    }

    /**
     * {@link #offerDatagram} for a datagram given as {@link TransportListener#datagramInFrame} gives it: the default
     * makes its view and origin; a plugin that can read the bytes where they are overrides it.
     */
    default boolean offerDatagramInFrame(Flow flow, byte[] a, int at, int length, long frame, long timestampNanos,
                                         long fileOffset) {
        return offerDatagram(flow, Bytes.of(a, at, length), Origin.of(frame, fileOffset, length), frame,
                timestampNanos);
    }

    /**
     * Where, in the first bytes seen on a stream direction, this protocol's data starts: 0 when it starts at once,
     * a positive offset when the capture began mid-stream and the plugin found a message boundary, -1 when these
     * bytes are not this protocol, or {@link #UNDECIDED} when more bytes are needed to tell.
     *
     * @param pinned true when the other direction of the connection is already pinned to this plugin
     */
    int streamStart(Flow flow, Bytes firstBytes, boolean pinned);

    /** A decoder for one direction of a connection pinned to this plugin. */
    StreamDecoder openStream(Flow flow);

    int UNDECIDED = -2;

    /** Decodes the in-order bytes of one stream direction; buffering is the decoder's own business. */
    interface StreamDecoder {
        void data(Bytes data, Origin origin, long frame, long timestampNanos);

        void gap(long missingBytes, long frame, long timestampNanos);

        void close(long frame, long timestampNanos);
    }
}
