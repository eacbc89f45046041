package dev.parley.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection and pinning per connection, and forgetting connections that closed. */
class ProtocolRegistryTest {
    private static final Flow CLIENT = new Flow(Transport.TCP, new Endpoint(IpAddress.parse("10.0.0.1"), 40000),
            new Endpoint(IpAddress.parse("10.0.0.2"), 5060));

    /** A plugin that claims streams starting with "HELLO" and records what it is given. */
    private static class Hello implements ProtocolPlugin {
        final List<String> received = new ArrayList<>();
        int closes;

        @Override
        public String name() {
            return "hello";
        }

        @Override
        public boolean isWellKnownPort(Transport transport, int port) {
            return false;
        }

        @Override
        public boolean matchesDatagram(Flow flow, Bytes payload) {
            return false;
        }

        @Override
        public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
        }

        @Override
        public int streamStart(Flow flow, Bytes firstBytes, boolean pinned) {
            if (firstBytes.length() < 5) {
                return UNDECIDED;
            }
            return firstBytes.latin1().startsWith("HELLO") || pinned ? 0 : -1;
        }

        @Override
        public StreamDecoder openStream(Flow flow) {
            return new StreamDecoder() {
                @Override
                public void data(Bytes data, Origin origin, long frame, long timestampNanos) {
                    received.add(data.latin1());
                }

                @Override
                public void gap(long missingBytes, long frame, long timestampNanos) {
                }

                @Override
                public void close(long frame, long timestampNanos) {
                    closes++;
                }
            };
        }
    }

    private static void send(ProtocolRegistry r, Flow f, String text, long frame) {
        r.streamData(f, Bytes.ascii(text), Origin.of(frame, frame * 100, text.length()), frame, frame);
    }

    /** A datagram plugin that takes what starts with its word and records it. */
    private static final class Word extends Hello {
        private final String word;
        final List<String> datagrams = new ArrayList<>();

        Word(String word) {
            this.word = word;
        }

        @Override
        public boolean matchesDatagram(Flow flow, Bytes payload) {
            return payload.latin1().startsWith(word);
        }

        @Override
        public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
            datagrams.add(payload.latin1());
        }
    }

    @Test
    void aDatagramGoesToTheFirstPluginThatTakesIt() {
        Word ping = new Word("PING");
        Word any = new Word("");
        ProtocolRegistry r = new ProtocolRegistry(List.of(ping, any), AnomalySink.IGNORE);
        Flow udp = new Flow(Transport.UDP, CLIENT.src(), CLIENT.dst());
        r.datagram(udp, Bytes.ascii("PING 1"), Origin.of(1, 100, 6), 1, 1);
        r.datagram(udp, Bytes.ascii("other"), Origin.of(2, 200, 5), 2, 2);
        assertThat(ping.datagrams).containsExactly("PING 1");
        assertThat(any.datagrams).containsExactly("other");
    }

    @Test
    void bytesAreHeldUntilAPluginCanDecideThenHandedOverWhole() {
        Hello hello = new Hello();
        ProtocolRegistry r = new ProtocolRegistry(List.of(hello), AnomalySink.IGNORE);
        send(r, CLIENT, "HEL", 1);
        assertThat(hello.received).isEmpty();
        send(r, CLIENT, "LO world", 2);
        send(r, CLIENT, " again", 3);
        assertThat(hello.received).containsExactly("HELLO world", " again");
    }

    @Test
    void theOtherDirectionOfAPinnedConnectionGoesToTheSamePlugin() {
        Hello hello = new Hello();
        ProtocolRegistry r = new ProtocolRegistry(List.of(hello), AnomalySink.IGNORE);
        send(r, CLIENT, "HELLO", 1);
        send(r, CLIENT.reversed(), "WELCOME", 2);
        assertThat(hello.received).containsExactly("HELLO", "WELCOME");
    }

    @Test
    void aConnectionClosedBothWaysIsForgottenAndAReusedFlowIsJudgedAgain() {
        Hello hello = new Hello();
        ProtocolRegistry r = new ProtocolRegistry(List.of(hello), AnomalySink.IGNORE);
        send(r, CLIENT, "HELLO", 1);
        assertThat(r.connectionCount()).isEqualTo(1);
        r.streamClosed(CLIENT, 2, 2);
        assertThat(r.connectionCount()).isEqualTo(1);
        r.streamClosed(CLIENT.reversed(), 3, 3);
        assertThat(r.connectionCount()).isZero();
        assertThat(hello.closes).isEqualTo(1);

        send(r, CLIENT, "GET / HTTP/1.1", 4); // the same ports reused by something else
        assertThat(hello.received).containsExactly("HELLO");
    }

    @Test
    void undecidedBytesOfAConnectionThatClosesAreDropped() {
        Hello hello = new Hello();
        ProtocolRegistry r = new ProtocolRegistry(List.of(hello), AnomalySink.IGNORE);
        send(r, CLIENT, "HE", 1);
        r.streamClosed(CLIENT, 2, 2);
        r.streamClosed(CLIENT.reversed(), 3, 3);
        assertThat(r.connectionCount()).isZero();
        assertThat(hello.received).isEmpty();
    }
}
