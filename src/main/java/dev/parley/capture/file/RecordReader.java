package dev.parley.capture.file;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.decode.Anomaly;
import java.io.IOException;
import java.util.List;

/** What the pcap and pcapng readers share: the input window, the anomaly log and the end of reading. */
abstract class RecordReader implements FrameSource {
    final InputWindow in;
    final AnomalyLog anomalies;
    boolean done;

    RecordReader(InputWindow in, AnomalyLog anomalies) {
        this.in = in;
        this.anomalies = anomalies;
    }

    /** Stops reading (end of file, or a record that cannot be trusted); returns null for {@link #next()}. */
    Frame finish() {
        done = true;
        return null;
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies.list();
    }

    @Override
    public long position() {
        return in.position();
    }

    @Override
    public long size() {
        return in.size();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
