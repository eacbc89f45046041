package dev.parley.decode.sdp;

/** "o=username sess-id sess-version nettype addrtype address", fields null when missing. */
public record SdpOrigin(String username, String sessionId, String sessionVersion, String networkType,
                        String addressType, String address) {

    static SdpOrigin parse(String text) {
        String[] p = text.strip().split("\\s+");
        return new SdpOrigin(at(p, 0), at(p, 1), at(p, 2), at(p, 3), at(p, 4), at(p, 5));
    }

    private static String at(String[] p, int i) {
        return i < p.length && !p[i].isEmpty() ? p[i] : null;
    }
}
