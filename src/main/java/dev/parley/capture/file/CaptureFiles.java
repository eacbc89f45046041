package dev.parley.capture.file;

import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens capture files: classic pcap, pcapng, either of them gzip-compressed. The format comes from the magic. */
public final class CaptureFiles {
    static final int GZIP_MAGIC = 0x1f8b;
    /**
     * Files from this size on (decompressed, for gzip estimated by {@link #GZIP_RATIO}) get a thread of their own:
     * below it the thread would cost more than it saves.
     */
    static final long READ_AHEAD_FROM = 32L << 20;
    /** What gzip usually makes of a capture: a compressed file stands for about this many times its size. */
    public static final long GZIP_RATIO = 4;
    /** The read-ahead's chunk: four are in use, so resident memory stays near 4 MiB. */
    static final int READ_AHEAD_CHUNK = 1 << 20;

    /** How a capture's bytes reach the reading thread. */
    enum Reading {
        /** The reading thread reads them itself: small files. */
        IN_PLACE,
        /** As {@link #IN_PLACE}, with a {@link PageCacheWarmer} keeping what comes next in the page cache. */
        WARMED,
        /** Another thread reads them, and for gzip decompresses them, into chunks ({@link ReadAhead}). */
        AHEAD;

        /**
         * A big uncompressed file is read in place, warmed; a big gzip file ahead, where decompressing is the larger
         * part of reading it (docs/DESIGN-NOTES.md notes 34 and 44).
         */
        static Reading of(boolean gzip, long sizeOnDisk) {
            if (gzip) {
                return sizeOnDisk >= READ_AHEAD_FROM / GZIP_RATIO ? AHEAD : IN_PLACE;
            }
            return sizeOnDisk >= READ_AHEAD_FROM ? WARMED : IN_PLACE;
        }
    }

    private CaptureFiles() {
    }

    /**
     * A frame source over {@code file}.
     *
     * @throws CaptureFormatException when the file is not a capture, is empty or cannot be read (the message names it)
     * @throws IOException            when the medium fails
     */
    public static FrameSource open(Path file) throws IOException {
        return open(file, InputWindow.DEFAULT_CAPACITY, null, READ_AHEAD_CHUNK);
    }

    /** {@link #open(Path)} with a chosen initial buffer size (tests use a small one to exercise buffer growth). */
    static FrameSource open(Path file, int bufferSize) throws IOException {
        return open(file, bufferSize, Reading.IN_PLACE, READ_AHEAD_CHUNK);
    }

    /**
     * {@link #open(Path)} with a chosen buffer size, read the way {@code reading} says ({@link Reading#of} when null),
     * ahead in chunks of {@code chunk} bytes (tests read small files each way, ahead in small chunks).
     */
    static FrameSource open(Path file, int bufferSize, Reading reading, int chunk) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CaptureFormatException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new CaptureFormatException(file, "permission denied", e);
        } catch (IOException e) {
            throw new CaptureFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            FrameSource source = openChannel(file, channel, bufferSize, reading, chunk);
            channel = null; // owned by the source now
            return source;
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static FrameSource openChannel(Path file, FileChannel channel, int bufferSize, Reading reading,
                                           int chunk) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        try {
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // keep reading: a positional read may return fewer bytes than asked
            }
        } catch (IOException e) {
            throw new CaptureFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (head.position() == 0) {
            throw new CaptureFormatException(file, "empty file");
        }
        AnomalyLog anomalies = new AnomalyLog();
        boolean gzip = head.position() >= 2 && (head.getShort(0) & 0xffff) == GZIP_MAGIC;
        Reading how = reading != null ? reading : Reading.of(gzip, channel.size());
        boolean ahead = how == Reading.AHEAD;
        List<Anomaly> atEnd = new ArrayList<>(1); // the read-ahead thread's, taken over by the reading thread
        ByteInput input;
        if (gzip) {
            try {
                input = new GzipInput(new GZIPInputStream(Channels.newInputStream(channel), 1 << 16),
                        ahead ? atEnd::add : anomalies::add);
            } catch (ZipException | java.io.EOFException e) {
                throw new CaptureFormatException(file, "gzip file with a broken header (" + e.getMessage() + ")", e);
            }
        } else {
            input = new ChannelInput(channel, how == Reading.WARMED ? new PageCacheWarmer(file, channel.size()) : null);
        }
        InputWindow window = ahead
                ? new InputWindow(input, new ReadAhead(input, chunk), () -> atEnd.forEach(anomalies::add))
                : new InputWindow(input, bufferSize);
        try {
            return reader(file, window, gzip, anomalies);
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
    }

    private static FrameSource reader(Path file, InputWindow window, boolean gzip, AnomalyLog anomalies)
            throws IOException {
        window.ensure(4);
        byte[] b = window.buffer();
        int at = window.pos();
        int available = window.available();
        if (available < 4) {
            throw new CaptureFormatException(file, (gzip ? "decompressed data" : "file") + " too short for a capture ("
                    + available + " bytes: " + hexPrefix(b, at, available) + ")");
        }
        int magic = Ints.i32(b, at, true);
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(window, file, anomalies);
        }
        if (magic == PcapReader.MAGIC_MICRO || magic == PcapReader.MAGIC_NANO
                || magic == Integer.reverseBytes(PcapReader.MAGIC_MICRO)
                || magic == Integer.reverseBytes(PcapReader.MAGIC_NANO)) {
            return new PcapReader(window, file, anomalies);
        }
        throw new CaptureFormatException(file, "not a pcap or pcapng file (" + (gzip ? "decompressed data " : "")
                + "starts with " + hexPrefix(b, at, 4) + ")");
    }

    private static String hexPrefix(byte[] b, int at, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = at; i < at + n; i++) {
            if (i > at) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
