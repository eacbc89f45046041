package dev.parley.capture.live;

/** File formats a capture is saved in. */
public enum SaveFormat {
    /** pcapng: every interface kept, nanosecond time stamps. */
    PCAPNG,
    /** classic pcap (nanosecond variant): one link type only. */
    PCAP;

    /** PCAP for a name ending in .pcap, else PCAPNG. */
    public static SaveFormat forFile(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".pcap") ? PCAP : PCAPNG;
    }
}
