package dev.parley.capture.live;

/** What to tell users when libpcap itself cannot be loaded. */
final class NativePcap {
    static final String MISSING = "libpcap is not installed or cannot be loaded; install it "
            + "(Debian/Ubuntu: sudo apt-get install libpcap0.8) and start Parley again";

    private NativePcap() {
    }
}
