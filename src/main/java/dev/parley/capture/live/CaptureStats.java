package dev.parley.capture.live;

/**
 * Counters of a live capture.
 *
 * @param received     packets libpcap handed to Parley
 * @param kernelDrops  packets the kernel or the interface dropped (pcap_stats ps_drop + ps_ifdrop)
 * @param parleyDrops  packets Parley could not queue for the spool (the writer fell behind)
 * @param written      packets written to the spool
 * @param spoolBytes   bytes of spool files on disk now
 * @param ring         what the ring buffer removed from disk
 */
public record CaptureStats(long received, long kernelDrops, long parleyDrops, long written, long spoolBytes,
                           RingDrops ring) {

    /** "received 1200, kernel drops 0, Parley drops 0, ring dropped 0" */
    public String describe() {
        String s = "received " + received + ", kernel drops " + kernelDrops + ", Parley drops " + parleyDrops
                + ", written " + written;
        if (ring.any()) {
            s += ", ring dropped " + ring.frames() + " frames in " + ring.files() + " spool files";
        }
        return s;
    }
}
