package dev.parley.decode;

import java.util.Arrays;

/** An IPv4 or IPv6 address as raw bytes; compared by value, printed in the usual text forms. */
public final class IpAddress implements Comparable<IpAddress> {
    private final byte[] bytes;
    private final int hash;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Copies 4 or 16 bytes from {@code b} at {@code offset}. */
    public static IpAddress of(Bytes b, int offset, int length) {
        return new IpAddress(b.slice(offset, length).toArray());
    }

    public static IpAddress of(byte[] raw) {
        if (raw.length != 4 && raw.length != 16) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes");
        }
        return new IpAddress(raw.clone());
    }

    /** Parses dotted IPv4 or (full or compressed) IPv6 text; for tests and user input. */
    public static IpAddress parse(String text) {
        try {
            return new IpAddress(java.net.InetAddress.getByName(text).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IpAddress a && a.hash == hash && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(IpAddress o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        if (!isV6()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        // RFC 5952: lowercase hex, longest run (>1) of zero groups compressed to "::".
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
