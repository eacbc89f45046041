package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.IpAddress;
import dev.parley.decode.Transport;
import org.junit.jupiter.api.Test;

/** Wireshark's rule per direction, for the directions kept in fields and for those past them. */
class ResendDetectorTest {
    private static Flow flow(int from, int to, Transport transport) {
        return new Flow(transport, new Endpoint(IpAddress.parse("10.0.0." + from), 5060),
                new Endpoint(IpAddress.parse("10.0.0." + to), 5060));
    }

    @Test
    void everyDirectionOfSixRemembersItsOwnLastRequestAndFinalResponse() {
        ResendDetector d = new ResendDetector();
        Flow[] flows = new Flow[6];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = flow(i + 1, i + 10, Transport.UDP);
        }
        for (Flow f : flows) {
            assertThat(d.isResent(f, true, 1, "INVITE", -1)).isFalse();
        }
        for (Flow f : flows) { // each direction repeats its INVITE: a retransmission in every one
            assertThat(d.isResent(f, true, 1, "INVITE", -1)).as(f.toString()).isTrue();
        }
        for (Flow f : flows) {
            assertThat(d.isResent(f, false, 1, "INVITE", 486)).isFalse();
            assertThat(d.isResent(f, false, 1, "INVITE", 486)).isTrue();
            assertThat(d.isResent(f, false, 1, "INVITE", 500)).as("another final code").isFalse();
        }
        for (Flow f : flows) { // a new CSeq starts the direction over
            assertThat(d.isResent(f, true, 2, "BYE", -1)).isFalse();
            assertThat(d.isResent(f, true, 2, "BYE", -1)).isTrue();
        }
    }

    @Test
    void aDirectionIsFoundByItsEndpointsWhenTheFlowIsAnotherObject() {
        ResendDetector d = new ResendDetector();
        for (int i = 0; i < 5; i++) { // past the four kept in fields
            d.isResent(flow(i + 1, 2, Transport.UDP), true, 1, "OPTIONS", -1);
        }
        assertThat(d.isResent(flow(1, 2, Transport.UDP), true, 1, "OPTIONS", -1)).isTrue();
        assertThat(d.isResent(flow(5, 2, Transport.UDP), true, 1, "OPTIONS", -1)).isTrue();
        assertThat(d.isResent(flow(2, 1, Transport.UDP), true, 1, "OPTIONS", -1)).as("the other way").isFalse();
    }

    @Test
    void ackCancelReliableTransportsAndResetAreNeverResent() {
        ResendDetector d = new ResendDetector();
        Flow udp = flow(1, 2, Transport.UDP);
        d.isResent(udp, true, 1, "ACK", -1);
        assertThat(d.isResent(udp, true, 1, "ACK", -1)).isFalse();
        Flow tcp = flow(1, 2, Transport.TCP);
        d.isResent(tcp, true, 3, "INVITE", -1);
        assertThat(d.isResent(tcp, true, 3, "INVITE", -1)).isFalse();
        d.isResent(udp, true, 4, "INVITE", -1);
        d.reset();
        assertThat(d.isResent(udp, true, 4, "INVITE", -1)).as("forgotten").isFalse();
    }
}
