package dev.parley.capture.live;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** geteuid(2) and capget(2) through jnr-ffi: what pcap4j cannot tell. Unknown values are -1, never an exception. */
final class NativeIds {
    /** _LINUX_CAPABILITY_VERSION_3: two 32-bit sets of effective/permitted/inheritable words. */
    private static final int CAPABILITY_VERSION_3 = 0x20080522;

    /** The libc functions used; jnr-ffi binds them by name. */
    public interface LibC {
        int geteuid();

        int capget(Pointer header, Pointer data);
    }

    private static volatile LibC libc;
    private static volatile boolean unavailable;

    private NativeIds() {
    }

    private static LibC libc() {
        if (libc == null && !unavailable) {
            try {
                libc = LibraryLoader.create(LibC.class).load("c");
            } catch (RuntimeException | LinkageError e) {
                unavailable = true;
            }
        }
        return libc;
    }

    static int geteuid() {
        LibC c = libc();
        if (c == null) {
            return -1;
        }
        try {
            return c.geteuid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** The effective capability set of this thread (the whole process for a non-threaded setcap). */
    static long effectiveCapabilities() {
        LibC c = libc();
        if (c == null) {
            return -1;
        }
        try {
            Runtime rt = Runtime.getRuntime(c);
            Pointer header = Memory.allocateDirect(rt, 8);
            header.putInt(0, CAPABILITY_VERSION_3);
            header.putInt(4, 0); // this process
            Pointer data = Memory.allocateDirect(rt, 24);
            if (c.capget(header, data) != 0) {
                return -1;
            }
            long low = data.getInt(0) & 0xffffffffL;
            long high = data.getInt(12) & 0xffffffffL;
            return (high << 32) | low;
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
