package dev.parley.decode;

/** Where decoders report anomalies; decoding continues after each report. */
@FunctionalInterface
public interface AnomalySink {
    AnomalySink IGNORE = a -> { };

    void report(Anomaly anomaly);
}
