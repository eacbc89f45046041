package dev.parley.capture.file;

import java.io.Closeable;
import java.io.IOException;

/** A sequential source of capture bytes: a file channel or a decompressing stream. */
interface ByteInput extends Closeable {

    /** Reads up to {@code len} bytes; returns the count (at least 1), or -1 at the end. */
    int read(byte[] into, int offset, int len) throws IOException;

    /** Total bytes, or -1 when unknown (compressed). */
    long size();
}
