package dev.parley.capture.live;

import java.util.Optional;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** BPF capture filters checked with libpcap's own compiler before a capture starts, so a typo never starts one. */
public final class CaptureFilters {
    private CaptureFilters() {
    }

    /**
     * Compiles {@code filter} for a link type (pcap_compile on a dead handle: no privilege needed).
     *
     * @return empty when the filter is blank or valid, else a message naming the filter and pcap's error
     */
    public static Optional<String> problem(String filter, int linkType, int snaplen) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        try {
            BpfProgram program = Pcaps.compileFilter(snaplen, DataLinkType.getInstance(linkType), filter,
                    BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
            program.free();
            return Optional.empty();
        } catch (PcapNativeException e) {
            return Optional.of(message(filter, e.getMessage()));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of(NativePcap.MISSING);
        }
    }

    /** Ethernet, the link type of most interfaces (and of Linux loopback). */
    public static Optional<String> problem(String filter, int snaplen) {
        return problem(filter, 1, snaplen);
    }

    static String message(String filter, String pcapError) {
        String reason = pcapError == null ? "" : pcapError.strip();
        // pcap4j prefixes "Error occurred in pcap_compile: " and appends the filter; keep pcap's words only
        int colon = reason.indexOf(": ");
        if (reason.startsWith("Error occurred") && colon > 0) {
            reason = reason.substring(colon + 2);
        }
        return "invalid capture filter \"" + filter + "\": " + reason;
    }
}
