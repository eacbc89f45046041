package dev.parley.decode;

/**
 * A direct-mapped cache of recent flows, so that a packet of a known conversation costs no Flow and Endpoint
 * allocations, and every consumer downstream gets the same Flow object for the same flow (cheap equality, shared
 * instead of per-packet copies in the session model). Addresses come from the IP layer's own address cache, so a hit
 * is usually an identity comparison. One per decoding thread: not thread-safe.
 */
public final class FlowCache {
    private static final int BITS = 12;

    private final Flow[] flows = new Flow[1 << BITS];

    public Flow flow(Transport transport, IpAddress src, int srcPort, IpAddress dst, int dstPort) {
        int h = (src.hashCode() * 31 + dst.hashCode()) * 31 + (srcPort << 16 | dstPort) + transport.ordinal();
        int idx = (h * 0x9E3779B9) >>> (32 - BITS);
        Flow f = flows[idx];
        if (f != null && f.transport() == transport && f.src().port() == srcPort && f.dst().port() == dstPort
                && same(f.src().ip(), src) && same(f.dst().ip(), dst)) {
            return f;
        }
        f = new Flow(transport, new Endpoint(src, srcPort), new Endpoint(dst, dstPort));
        flows[idx] = f;
        return f;
    }

    private static boolean same(IpAddress a, IpAddress b) {
        return a == b || a.equals(b);
    }
}
