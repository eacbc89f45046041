package dev.parley.capture.live;

/** One packet handed from a capture thread to the spool writer; {@code data} is owned (copied out of libpcap). */
record CapturedPacket(int interfaceId, long timestampNanos, byte[] data, int originalLength) {
}
