package dev.parley.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** {@link Flow}'s written-out equals and hashCode keep the record's contract: equal components, equal flows. */
class FlowTest {
    private static Endpoint at(String ip, int port) {
        return new Endpoint(IpAddress.parse(ip), port);
    }

    @Test
    void flowsOfEqualComponentsAreEqualAndHashAlike() {
        Flow a = new Flow(Transport.UDP, at("10.0.0.1", 5060), at("10.0.0.2", 5080));
        Flow b = new Flow(Transport.UDP, at("10.0.0.1", 5060), at("10.0.0.2", 5080));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a.reversed().reversed());
    }

    @Test
    void anyComponentThatDiffersMakesAnotherFlow() {
        Flow a = new Flow(Transport.UDP, at("10.0.0.1", 5060), at("10.0.0.2", 5080));
        assertNotEquals(a, new Flow(Transport.TCP, a.src(), a.dst()));
        assertNotEquals(a, new Flow(Transport.UDP, at("10.0.0.3", 5060), a.dst()));
        assertNotEquals(a, new Flow(Transport.UDP, a.src(), at("10.0.0.2", 5081)));
        assertNotEquals(a, a.reversed());
        assertNotEquals(a, null);
        assertNotEquals(a, "UDP 10.0.0.1:5060 -> 10.0.0.2:5080");
    }

    @Test
    void nullComponentsCompareAsTheRecordsDid() {
        Flow a = new Flow(null, null, at("10.0.0.2", 5080));
        assertEquals(a, new Flow(null, null, at("10.0.0.2", 5080)));
        assertEquals(a.hashCode(), new Flow(null, null, at("10.0.0.2", 5080)).hashCode());
        assertNotEquals(a, new Flow(Transport.UDP, null, at("10.0.0.2", 5080)));
    }

    @Test
    void theHashIsTheSameOnEveryRun() {
        // from the transport's ordinal and the endpoints' own hashes, never an identity hash
        Flow a = new Flow(Transport.TCP, at("192.0.2.1", 1), at("192.0.2.2", 2));
        int expected = ((Transport.TCP.ordinal() + 1) * 31 + a.src().hashCode()) * 31 + a.dst().hashCode();
        assertEquals(expected, a.hashCode());
    }
}
