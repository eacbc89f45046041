package dev.parley.session;

import dev.parley.session.pop3.Pop3Sessions;
import dev.parley.session.sip.SipCorrelator;
import java.nio.file.Path;

/**
 * Everything Parley knows about one capture once loaded: frame count, the SIP and POP3 sessions, the anomalies.
 *
 * @param complete false when loading was cancelled: the model holds what was read until then
 */
public record CaptureModel(Path file, long frames, long firstTimestampNanos, long lastTimestampNanos,
                           SipCorrelator sip, Pop3Sessions pop3,
                           AnomalyLog anomalies, boolean complete) {
}
