package dev.parley.capture.live;

import dev.parley.capture.Frame;
import dev.parley.capture.file.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Saves what the spool holds now. All frames as pcapng is a plain copy of the spool files (each is a complete
 * pcapng section, and sections may follow each other); a selection or pcap re-reads the spool and writes the
 * frames chosen. Written to a temporary file beside the target, then moved, so a failed save leaves no half file.
 */
final class SpoolSaver {
    private SpoolSaver() {
    }

    /** @return frames written */
    static long save(Spool spool, List<SpoolInterface> interfaces, Path target, SaveFormat format,
                     LongPredicate frames) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            long written;
            if (format == SaveFormat.PCAPNG && frames == null) {
                written = copyAll(spool, tmp);
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    written = format == SaveFormat.PCAP ? writePcap(spool, interfaces, out, frames)
                            : writePcapng(spool, interfaces, out, frames);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long copyAll(Spool spool, Path tmp) throws IOException {
        long frames = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            for (SpoolSegment s : spool.segments()) {
                long bytes;
                synchronized (spool) {
                    bytes = s.flushedBytes;
                    frames += s.frames;
                }
                try (FileChannel in = FileChannel.open(s.path, StandardOpenOption.READ)) {
                    long done = 0;
                    while (done < bytes) {
                        done += in.transferTo(done, bytes - done, out);
                    }
                } catch (NoSuchFileException e) {
                    synchronized (spool) {
                        frames -= s.frames; // the ring dropped it meanwhile
                    }
                }
            }
        }
        return frames;
    }

    private static long writePcapng(Spool spool, List<SpoolInterface> interfaces, OutputStream out,
                                    LongPredicate frames) throws IOException {
        var channel = Channels.newChannel(out);
        channel.write(PcapngBlocks.sectionHeader());
        for (SpoolInterface i : interfaces) {
            channel.write(PcapngBlocks.interfaceDescription(i));
        }
        ByteBuffer block = ByteBuffer.allocate(PcapngBlocks.packetBlockLength(CaptureOptions.DEFAULT_SNAPLEN))
                .order(ByteOrder.LITTLE_ENDIAN);
        long written = 0;
        try (SpoolReader reader = new SpoolReader(spool, false)) {
            Frame f;
            while ((f = reader.next()) != null) {
                if (frames != null && !frames.test(f.number())) {
                    continue;
                }
                block.clear();
                byte[] data = f.data().toArray();
                PcapngBlocks.putPacket(block, reader.lastInterface(), f.timestampNanos(), data, 0, data.length,
                        f.originalLength());
                block.flip();
                channel.write(block);
                written++;
            }
        }
        return written;
    }

    private static long writePcap(Spool spool, List<SpoolInterface> interfaces, OutputStream out,
                                  LongPredicate frames) throws IOException {
        int linkType = interfaces.get(0).linkType();
        int snaplen = 0;
        for (SpoolInterface i : interfaces) {
            if (i.linkType() != linkType) {
                throw new IOException("pcap holds one link type but the capture has " + interfaces.size()
                        + " interfaces with different ones; save as pcapng");
            }
            snaplen = Math.max(snaplen, i.snaplen());
        }
        long written = 0;
        PcapWriter writer = new PcapWriter(out, linkType, snaplen);
        try (SpoolReader reader = new SpoolReader(spool, false)) {
            Frame f;
            while ((f = reader.next()) != null) {
                if (frames != null && !frames.test(f.number())) {
                    continue;
                }
                byte[] data = f.data().toArray();
                writer.write(f.timestampNanos(), data, 0, data.length, f.originalLength());
                written++;
            }
        }
        writer.close();
        return written;
    }
}
