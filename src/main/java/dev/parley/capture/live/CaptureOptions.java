package dev.parley.capture.live;

import java.nio.file.Path;
import java.util.List;

/**
 * What to capture and how.
 *
 * @param interfaces  interface names (one pcapng interface each), at least one
 * @param filter      BPF capture filter, "" for everything
 * @param snaplen     bytes kept per packet (1..262144)
 * @param promiscuous capture traffic not addressed to this host too
 * @param spoolRoot   folder under which the spool folder is made (the system temp folder when null)
 * @param ring        disk bounds of the spool
 */
public record CaptureOptions(List<String> interfaces, String filter, int snaplen, boolean promiscuous,
                             Path spoolRoot, RingLimits ring) {
    public static final int DEFAULT_SNAPLEN = 262_144;

    public CaptureOptions {
        interfaces = List.copyOf(interfaces);
        filter = filter == null ? "" : filter.strip();
        ring = ring == null ? RingLimits.NONE : ring;
    }

    public static CaptureOptions of(String... interfaces) {
        return new CaptureOptions(List.of(interfaces), "", DEFAULT_SNAPLEN, true, null, RingLimits.NONE);
    }

    public CaptureOptions withFilter(String f) {
        return new CaptureOptions(interfaces, f, snaplen, promiscuous, spoolRoot, ring);
    }

    public CaptureOptions withRing(RingLimits r) {
        return new CaptureOptions(interfaces, filter, snaplen, promiscuous, spoolRoot, r);
    }

    public CaptureOptions withSpoolRoot(Path root) {
        return new CaptureOptions(interfaces, filter, snaplen, promiscuous, root, ring);
    }

    /** Empty when usable, else what is wrong, for users (the filter is checked by {@link CaptureFilters}). */
    public String problem() {
        if (interfaces.isEmpty()) {
            return "choose at least one interface";
        }
        if (snaplen < 1 || snaplen > DEFAULT_SNAPLEN) {
            return "snapshot length must be between 1 and " + DEFAULT_SNAPLEN + " bytes, not " + snaplen;
        }
        if (interfaces.stream().distinct().count() != interfaces.size()) {
            return "an interface is chosen twice";
        }
        return "";
    }
}
