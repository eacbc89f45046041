package dev.parley.decode;

import java.util.Objects;

/** One direction of a conversation: transport plus source and destination endpoints. */
public record Flow(Transport transport, Endpoint src, Endpoint dst) {

    public Flow reversed() {
        return new Flow(transport, dst, src);
    }

    /** The same key for both directions (smaller endpoint first), for per-connection state. */
    public Flow canonical() {
        return src.compareTo(dst) <= 0 ? this : reversed();
    }

    /**
     * As the record's, written out: the record's own equals and hashCode are bound at their first call through
     * {@code ObjectMethods}' method handles, which cost the correlating thread tens of milliseconds of bootstrapping
     * at the start of a load, and calls through a handle chain in its C1 code (docs/DESIGN-NOTES.md note 43).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Flow f && f.transport == transport && Objects.equals(f.src, src)
                && Objects.equals(f.dst, dst);
    }

    /** From the transport's ordinal, not its identity hash: the same on every run. */
    @Override
    public int hashCode() {
        int t = transport == null ? 0 : transport.ordinal() + 1;
        return (t * 31 + Objects.hashCode(src)) * 31 + Objects.hashCode(dst);
    }

    @Override
    public String toString() {
        return transport + " " + src + " -> " + dst;
    }
}
