package dev.parley.capture.file;

import dev.parley.decode.Anomaly;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompressed bytes of a gzip file (concatenated members included). A cut or corrupt gzip stream is damaged data,
 * not a failing medium: it becomes an anomaly and the end of the input, so everything before it is kept.
 */
final class GzipInput implements ByteInput {
    private final InputStream in;
    private final Consumer<Anomaly> anomalies;
    private boolean ended;

    /**
     * @param anomalies where a cut or corrupt stream is reported, on the thread that reads: the capture's log, or
     *                  for a read-ahead a list the reading thread takes over at the end (see {@link InputWindow})
     */
    GzipInput(GZIPInputStream in, Consumer<Anomaly> anomalies) {
        this.in = in;
        this.anomalies = anomalies;
    }

    @Override
    public int read(byte[] into, int offset, int len) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            int n = 0;
            while (n == 0) {
                n = in.read(into, offset, len);
            }
            if (n < 0) {
                ended = true;
            }
            return n;
        } catch (EOFException e) {
            ended = true;
            anomalies.accept(Anomaly.error("capture.gzip.truncated", 0, "the gzip stream is cut short"));
            return -1;
        } catch (ZipException e) {
            ended = true;
            anomalies.accept(Anomaly.error("capture.gzip.invalid", 0, "corrupt gzip data: " + e.getMessage()));
            return -1;
        }
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
