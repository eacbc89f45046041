package dev.parley.decode;

/** An IP address and port. */
public record Endpoint(IpAddress ip, int port) implements Comparable<Endpoint> {

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
