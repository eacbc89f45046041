package dev.parley.capture.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sequential reads from a file channel, starting at offset 0 regardless of the channel's position; with a
 * {@link PageCacheWarmer}, which it tells how far it has read and closes with the channel.
 */
final class ChannelInput implements ByteInput {
    private final FileChannel channel;
    private final long size;
    private final PageCacheWarmer warmer;
    private long position;

    ChannelInput(FileChannel channel) throws IOException {
        this(channel, null);
    }

    ChannelInput(FileChannel channel, PageCacheWarmer warmer) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.warmer = warmer;
    }

    @Override
    public int read(byte[] into, int offset, int len) throws IOException {
        int n = 0;
        while (n == 0) {
            n = channel.read(ByteBuffer.wrap(into, offset, len), position);
        }
        if (n > 0) {
            position += n;
            if (warmer != null) {
                warmer.reached(position);
            }
        }
        return n;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        if (warmer != null) {
            warmer.close();
        }
        channel.close();
    }
}
