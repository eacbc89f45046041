package dev.parley.session;

import dev.parley.session.sip.SipCorrelator;
import java.nio.file.Path;

/**
 * Everything Parley knows about one capture once loaded: frame count, the SIP sessions, the anomalies.
 *
 * @param complete false when loading was cancelled: the model holds what was read until then
 */
public record CaptureModel(Path file, long frames, long firstTimestampNanos, long lastTimestampNanos,
                           SipCorrelator sip, AnomalyLog anomalies, boolean complete) {
}
