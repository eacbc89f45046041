package dev.parley.decode;

/** An IP address and port. */
public record Endpoint(IpAddress ip, int port) implements Comparable<Endpoint> {

    /** As the record's, with the identity check first: addresses are shared, so equal ones are mostly the same. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Endpoint e && e.port == port && e.ip.equals(ip);
    }

    @Override
    public int hashCode() {
        return ip.hashCode() * 31 + port;
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = ip.compareTo(o.ip);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return ip.isV6() ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
