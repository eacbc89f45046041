package dev.parley.decode.pop3;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Flow;

/**
 * What the POP3 decoder hands to the session layer, per connection ({@code connection} numbers connections in the
 * order they were found; {@code client} is the client-to-server flow). Called on the decoding thread, in capture
 * order within a connection; {@link #ended} is the last call for a connection.
 */
public interface Pop3Listener {

    void exchange(long connection, Flow client, Pop3Exchange exchange);

    /** An anomaly of this connection (it was also reported to the capture's anomaly sink). */
    void anomaly(long connection, Flow client, Anomaly anomaly);

    void ended(long connection, Flow client, Pop3End end);
}
