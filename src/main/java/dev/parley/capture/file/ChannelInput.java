package dev.parley.capture.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Sequential reads from a file channel, starting at offset 0 regardless of the channel's position. */
final class ChannelInput implements ByteInput {
    private final FileChannel channel;
    private final long size;
    private long position;

    ChannelInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    @Override
    public int read(byte[] into, int offset, int len) throws IOException {
        int n = 0;
        while (n == 0) {
            n = channel.read(ByteBuffer.wrap(into, offset, len), position);
        }
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
