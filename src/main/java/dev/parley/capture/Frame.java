package dev.parley.capture;

import dev.parley.decode.Bytes;

/**
 * One captured record.
 *
 * @param number          1-based position in the capture, as Wireshark numbers frames
 * @param timestampNanos  capture time, nanoseconds since the Unix epoch
 * @param linkType        LINKTYPE_* value of the interface the frame was captured on
 * @param data            the captured bytes; may be a view into a reader's reusable buffer, valid until the
 *                        next call to {@link FrameSource#next()}: copy what must outlive the callback
 * @param originalLength  length on the wire (larger than {@code data.length()} when the snaplen cut it)
 * @param fileOffset      offset of the first data byte in the (decompressed) capture stream, for re-reading on demand
 */
public record Frame(long number, long timestampNanos, int linkType, Bytes data, int originalLength, long fileOffset) {

    public boolean truncated() {
        return originalLength > data.length();
    }
}
