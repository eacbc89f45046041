package dev.parley.capture.file;

import dev.parley.decode.Origin;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Re-reads a unit's bytes from its capture by the runs of its {@link Origin} (DESIGN.md decision 2). A gzip capture
 * has no random access, so it is decompressed once, on first use, into a temporary file deleted on close.
 * Safe for concurrent use: positional reads do not share a file position.
 */
public final class OriginReader implements Closeable {
    private final Path capture;
    private FileChannel channel;
    private Path temporary;
    private boolean closed;

    public OriginReader(Path capture) {
        this.capture = capture;
    }

    /** The unit's bytes: its inline copy if it has one, else its runs read from the capture and concatenated. */
    public byte[] read(Origin origin) throws IOException {
        byte[] inline = origin.inlineBytes();
        if (inline != null) {
            return inline;
        }
        FileChannel file = channel();
        byte[] out = new byte[origin.totalLength()];
        int at = 0;
        for (int i = 0; i < origin.runCount(); i++) {
            int length = origin.length(i);
            ByteBuffer target = ByteBuffer.wrap(out, at, length);
            long position = origin.fileOffset(i);
            while (target.hasRemaining()) {
                int n = file.read(target, position);
                if (n < 0) {
                    throw new EOFException(capture.getFileName() + ": ends before offset " + (origin.fileOffset(i)
                            + length) + " of frame " + origin.frame(i) + "; was it changed since it was read?");
                }
                position += n;
            }
            at += length;
        }
        return out;
    }

    private synchronized FileChannel channel() throws IOException {
        if (closed) {
            throw new IOException("OriginReader of " + capture.getFileName() + " is closed");
        }
        if (channel == null) {
            channel = isGzip() ? FileChannel.open(decompressed(), StandardOpenOption.READ)
                    : FileChannel.open(capture, StandardOpenOption.READ);
        }
        return channel;
    }

    private boolean isGzip() throws IOException {
        try (InputStream in = Files.newInputStream(capture)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Decompresses the capture; a cut or corrupt tail ends the copy, as it ended the frame source. */
    private Path decompressed() throws IOException {
        temporary = Files.createTempFile("parley-", ".pcap");
        temporary.toFile().deleteOnExit();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(capture), 1 << 16);
             OutputStream out = Files.newOutputStream(temporary)) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (EOFException | ZipException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        return temporary;
    }

    /** The decompressed copy of a gzip capture, or null (for tests). */
    synchronized Path temporaryFile() {
        return temporary;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            channel = null;
            if (temporary != null) {
                Files.deleteIfExists(temporary);
                temporary = null;
            }
        }
    }
}
