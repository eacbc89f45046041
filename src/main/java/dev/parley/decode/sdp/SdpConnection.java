package dev.parley.decode.sdp;

/** "c=IN IP4 192.0.2.1": network type, address type and address (with any /ttl/count suffix kept). */
public record SdpConnection(String networkType, String addressType, String address) {

    static SdpConnection parse(String text) {
        String[] p = text.strip().split("\\s+");
        return new SdpConnection(p.length > 0 ? p[0] : null, p.length > 1 ? p[1] : null, p.length > 2 ? p[2] : null);
    }
}
