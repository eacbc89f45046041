package dev.parley.decode;

/** One direction of a conversation: transport plus source and destination endpoints. */
public record Flow(Transport transport, Endpoint src, Endpoint dst) {

    public Flow reversed() {
        return new Flow(transport, dst, src);
    }

    /** The same key for both directions (smaller endpoint first), for per-connection state. */
    public Flow canonical() {
        return src.compareTo(dst) <= 0 ? this : reversed();
    }

    @Override
    public String toString() {
        return transport + " " + src + " -> " + dst;
    }
}
