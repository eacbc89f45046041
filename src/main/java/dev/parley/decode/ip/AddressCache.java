package dev.parley.decode.ip;

import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;

/** A direct-mapped cache of recent addresses, so a packet usually costs no address allocation. */
final class AddressCache {
    private static final int V4_BITS = 12;
    private static final int V6_BITS = 10;

    private final int[] v4Keys = new int[1 << V4_BITS];
    private final IpAddress[] v4Values = new IpAddress[1 << V4_BITS];
    private final long[] v6Keys = new long[2 << V6_BITS];
    private final IpAddress[] v6Values = new IpAddress[1 << V6_BITS];

    /** The IPv4 address at {@code offset}; the caller has checked that 4 bytes are there. */
    IpAddress v4(Bytes b, int offset) {
        int key = (int) b.u32(offset);
        IpAddress hit = v4Hit(key);
        return hit != null ? hit : v4Miss(key, b, offset);
    }

    /** {@link #v4(Bytes, int)} for the address at {@code a[at]}: no view is made unless the cache misses. */
    IpAddress v4(byte[] a, int at) {
        int key = (a[at] & 0xff) << 24 | (a[at + 1] & 0xff) << 16 | (a[at + 2] & 0xff) << 8 | (a[at + 3] & 0xff);
        IpAddress hit = v4Hit(key);
        return hit != null ? hit : v4Miss(key, Bytes.of(a, at, 4), 0);
    }

    private IpAddress v4Hit(int key) {
        int idx = v4Slot(key);
        IpAddress hit = v4Values[idx];
        return hit != null && v4Keys[idx] == key ? hit : null;
    }

    private IpAddress v4Miss(int key, Bytes b, int offset) {
        IpAddress a = IpAddress.of(b, offset, 4);
        int idx = v4Slot(key);
        v4Keys[idx] = key;
        v4Values[idx] = a;
        return a;
    }

    private static int v4Slot(int key) {
        return (key * 0x9E3779B9) >>> (32 - V4_BITS);
    }

    /** The IPv6 address at {@code offset}; the caller has checked that 16 bytes are there. */
    IpAddress v6(Bytes b, int offset) {
        long hi = (b.u32(offset) << 32) | b.u32(offset + 4);
        long lo = (b.u32(offset + 8) << 32) | b.u32(offset + 12);
        long mix = (hi ^ (lo * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
        int idx = (int) (mix >>> (64 - V6_BITS));
        IpAddress hit = v6Values[idx];
        if (hit != null && v6Keys[2 * idx] == hi && v6Keys[2 * idx + 1] == lo) {
            return hit;
        }
        IpAddress a = IpAddress.of(b, offset, 16);
        v6Keys[2 * idx] = hi;
        v6Keys[2 * idx + 1] = lo;
        v6Values[idx] = a;
        return a;
    }
}
