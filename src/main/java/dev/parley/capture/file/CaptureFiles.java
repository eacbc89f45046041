package dev.parley.capture.file;

import dev.parley.capture.FrameSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens capture files: classic pcap, pcapng, either of them gzip-compressed. The format comes from the magic. */
public final class CaptureFiles {
    static final int GZIP_MAGIC = 0x1f8b;

    private CaptureFiles() {
    }

    /**
     * A frame source over {@code file}.
     *
     * @throws CaptureFormatException when the file is not a capture, is empty or cannot be read (the message names it)
     * @throws IOException            when the medium fails
     */
    public static FrameSource open(Path file) throws IOException {
        return open(file, InputWindow.DEFAULT_CAPACITY);
    }

    /** {@link #open(Path)} with a chosen initial buffer size (tests use a small one to exercise buffer growth). */
    static FrameSource open(Path file, int bufferSize) throws IOException {
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
            FrameSource source = openChannel(file, channel, bufferSize);
            channel = null; // owned by the source now
            return source;
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static FrameSource openChannel(Path file, FileChannel channel, int bufferSize) throws IOException {
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
        ByteInput input;
        if (gzip) {
            try {
                input = new GzipInput(new GZIPInputStream(Channels.newInputStream(channel), 1 << 16), anomalies);
            } catch (ZipException | java.io.EOFException e) {
                throw new CaptureFormatException(file, "gzip file with a broken header (" + e.getMessage() + ")", e);
            }
        } else {
            input = new ChannelInput(channel);
        }
        InputWindow window = new InputWindow(input, bufferSize);
        window.ensure(4);
        byte[] b = window.buffer();
        int available = window.available();
        if (available < 4) {
            throw new CaptureFormatException(file, (gzip ? "decompressed data" : "file") + " too short for a capture ("
                    + available + " bytes: " + hexPrefix(b, available) + ")");
        }
        int magic = Ints.i32(b, 0, true);
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(window, file, anomalies);
        }
        if (magic == PcapReader.MAGIC_MICRO || magic == PcapReader.MAGIC_NANO
                || magic == Integer.reverseBytes(PcapReader.MAGIC_MICRO)
                || magic == Integer.reverseBytes(PcapReader.MAGIC_NANO)) {
            return new PcapReader(window, file, anomalies);
        }
        throw new CaptureFormatException(file, "not a pcap or pcapng file (" + (gzip ? "decompressed data " : "")
                + "starts with " + hexPrefix(b, 4) + ")");
    }

    private static String hexPrefix(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
