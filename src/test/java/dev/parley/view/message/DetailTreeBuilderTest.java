package dev.parley.view.message;

import static dev.parley.view.message.DetailTrees.find;
import static dev.parley.view.message.DetailTrees.findAll;
import static dev.parley.view.message.DetailTrees.labels;
import static dev.parley.view.message.DetailTrees.text;
import static dev.parley.view.message.DetailTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.session.sip.SipMessageRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailTreeBuilderTest {

    @Test
    void inviteFromSampleHasStartLineHeadersAndSdpMedia() {
        SipMessageRef invite = SampleMessages.first("sip-call-udp.pcap", "INVITE");
        byte[] b = invite.bytes();
        DetailNode root = tree(b);

        assertThat(labels(root)).containsExactly(DetailTreeBuilder.REQUEST_LINE, DetailTreeBuilder.HEADERS,
                DetailTreeBuilder.BODY);
        DetailNode start = root.child(DetailTreeBuilder.REQUEST_LINE);
        assertThat(start.child("Method").value()).isEqualTo("INVITE");
        assertThat(text(b, start.child("Method"))).isEqualTo("INVITE");
        DetailNode uri = start.child("Request-URI");
        assertThat(uri.child("User").value()).isEqualTo("bob");
        assertThat(text(b, uri.child("Host"))).isEqualTo("127.0.0.1");
        assertThat(uri.child("Port").value()).isEqualTo("5060");

        DetailNode headers = root.child(DetailTreeBuilder.HEADERS);
        DetailNode from = headers.child("From");
        assertThat(text(b, from)).startsWith("From:");
        DetailNode tag = from.child("tag");
        assertThat(tag.value()).isEqualTo(invite.fromTag());
        assertThat(text(b, tag)).isEqualTo("tag=" + invite.fromTag());
        assertThat(from.child("Display name").value()).isEqualTo("Alice");
        assertThat(from.child("URI").child("User").value()).isEqualTo("alice");

        DetailNode via = headers.child("Via");
        assertThat(via.child("Transport").value()).isEqualTo("UDP");
        assertThat(via.child("branch").value()).isEqualTo(invite.branch());
        assertThat(text(b, via.child("branch"))).isEqualTo("branch=" + invite.branch());
        assertThat(via.child("rport").value()).isEqualTo("(flag)");

        DetailNode cseq = headers.child("CSeq");
        assertThat(cseq.child("Sequence number").value()).isEqualTo("1");
        assertThat(cseq.child("Method").value()).isEqualTo("INVITE");

        DetailNode media = find(root, "Media");
        assertThat(media.value()).startsWith("audio ");
        assertThat(text(b, media)).startsWith("m=audio");
        List<String> codecs = new ArrayList<>();
        for (DetailNode c : findAll(media, "Codec", new ArrayList<>())) {
            codecs.add(c.value());
            assertThat(text(b, c)).startsWith("a=rtpmap:");
        }
        assertThat(codecs).contains("0 PCMU/8000");
        assertThat(media.child("Direction").value()).isEqualTo("sendrecv");
        assertThat(root.child(DetailTreeBuilder.ANOMALIES)).isNull();
        assertThat(root.anomaly()).isFalse();
    }

    @Test
    void digestParametersArePlacedOnTheirOwnNames() {
        SipMessageRef register = SampleMessages.nth("sip-register-digest.pcap", "REGISTER", 1);
        byte[] b = register.bytes();
        DetailNode auth = tree(b).child(DetailTreeBuilder.HEADERS).child("Authorization");
        assertThat(auth.child("Scheme").value()).isEqualTo("Digest");
        assertThat(auth.child("username").value()).isEqualTo("alice");
        assertThat(text(b, auth.child("nonce"))).startsWith("nonce=");
        assertThat(text(b, auth.child("cnonce"))).startsWith("cnonce=");
        assertThat(auth.child("realm").value()).isEqualTo("parley.test");
    }

    @Test
    void cpimMessageShowsCpimHeadersAndInnerText() {
        SipMessageRef cpim = SampleMessages.nth("sip-message.pcap", "MESSAGE", 1);
        byte[] b = cpim.bytes();
        DetailNode root = tree(b);
        DetailNode message = find(root, "CPIM message");
        assertThat(message).isNotNull();
        DetailNode headers = message.child("CPIM headers");
        assertThat(labels(headers)).contains("From", "To", "DateTime", "Subject");
        assertThat(headers.child("Subject").value()).isEqualTo("Parley CPIM sample");
        assertThat(text(b, headers.child("From"))).startsWith("From: Alice");
        assertThat(message.child("Content headers").child("Content-Type").value()).startsWith("text/plain");
        DetailNode inner = message.child("Text");
        assertThat(inner.value()).contains("wrapped in message/cpim");
        assertThat(text(b, inner)).contains("wrapped in message/cpim");
    }

    @Test
    void plainTextMessageBodyIsShownAsLines() {
        byte[] b = SampleMessages.first("sip-message.pcap", "MESSAGE").bytes();
        DetailNode body = tree(b).child(DetailTreeBuilder.BODY);
        assertThat(body.value()).startsWith("text/plain");
        assertThat(body.child("Line 1").value()).startsWith("Hello Bob");
    }

    @Test
    void multipartSdpAndIsupShowsTheCalledNumber() {
        byte[] b = multipartInvite();
        DetailNode root = tree(b);
        DetailNode multipart = find(root, "Multipart");
        assertThat(labels(multipart)).containsExactly("Part 1", "Part 2");
        assertThat(multipart.child("Part 1").value()).isEqualTo("application/sdp");
        assertThat(find(multipart.child("Part 1"), "Media").value()).startsWith("audio 49170");
        DetailNode part2 = multipart.child("Part 2");
        assertThat(part2.child("Content-Disposition").value()).startsWith("signal");
        DetailNode isup = find(part2, "ISUP");
        assertThat(isup.value()).isEqualTo("IAM");
        assertThat(isup.child("Message type").value()).isEqualTo("IAM (0x01)");
        DetailNode called = isup.child("Called party number");
        assertThat(called.value()).isEqualTo("12345");
        assertThat(called.child("Nature of address").value()).startsWith("national");
        assertThat(isup.child("Calling party number").value()).isEqualTo("1234");
        assertThat(isup.offset()).isEqualTo(indexOf(b, new byte[] {0x01, 0x00, 0x60}));
        assertThat(root.child(DetailTreeBuilder.ANOMALIES)).isNull();
    }

    @Test
    void brokenMessageListsAnomaliesAndFlagsTheirNodes() {
        byte[] b = ("INVITE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\n"
                + "this line has no colon\r\n"
                + "CSeq: abc INVITE\r\n"
                + "Content-Length: 500\r\n"
                + "\r\n"
                + "short body").getBytes(StandardCharsets.US_ASCII);
        DetailNode root = tree(b);
        DetailNode anomalies = root.child(DetailTreeBuilder.ANOMALIES);
        assertThat(anomalies).isNotNull();
        assertThat(anomalies.anomaly()).isTrue();
        assertThat(labels(anomalies)).contains("warning sip.header.malformed", "warning sip.cseq.invalid",
                "warning sip.body.truncated", "warning sip.header.missing");
        assertThat(anomalies.children()).allMatch(DetailNode::anomaly);
        DetailNode malformed = anomalies.child("warning sip.header.malformed");
        assertThat(text(b, malformed)).isEqualTo("this line has no colon");
        DetailNode cseq = root.child(DetailTreeBuilder.HEADERS).child("CSeq");
        assertThat(cseq.anomaly()).isTrue();
        assertThat(cseq.child("Sequence number").value()).isEqualTo("invalid");
        assertThat(root.child(DetailTreeBuilder.HEADERS).child("Via").anomaly()).isFalse();
        assertThat(root.child(DetailTreeBuilder.BODY).child("Line 1").value()).isEqualTo("short body");
    }

    @Test
    void binaryBodyIsShownAsHexRows() {
        byte[] body = new byte[20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 13);
        }
        byte[] b = concat(("MESSAGE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\n"
                + "From: <sip:a@h>;tag=1\r\nTo: <sip:bob@example.com>\r\nCall-ID: x\r\nCSeq: 1 MESSAGE\r\n"
                + "Content-Type: application/vnd.3gpp.sms\r\nContent-Length: 20\r\n\r\n").getBytes(
                StandardCharsets.US_ASCII), body);
        DetailNode bodyNode = tree(b).child(DetailTreeBuilder.BODY);
        assertThat(labels(bodyNode)).containsExactly("0000", "0010");
        assertThat(bodyNode.child("0000").value()).startsWith("00 0d 1a 27");
        assertThat(bodyNode.child("0010").length()).isEqualTo(4);
    }

    /** INVITE with a multipart/mixed body: SDP and an ISUP IAM (called 12345 national, calling 1234). */
    static byte[] multipartInvite() {
        byte[] iam = {
            0x01,                   // IAM
            0x00, 0x60, 0x01, 0x0a, 0x00, // NCI, FCI (2), calling party category, transmission medium
            0x02, 0x07,             // pointers: called party number, optional part
            0x05, (byte) 0x83, 0x10, 0x21, 0x43, 0x05, // called: odd, national, E.164, digits 12345
            0x0a, 0x04, 0x03, 0x11, 0x21, 0x43, // calling party number: even, national, 1234
            0x00                    // end of optional parameters
        };
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 49170 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        byte[] body = concat(("--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\n" + sdp
                + "\r\n--unique-boundary-1\r\nContent-Type: application/ISUP;version=itu-t92+\r\n"
                + "Content-Disposition: signal;handling=optional\r\n\r\n").getBytes(StandardCharsets.US_ASCII), iam,
                "\r\n--unique-boundary-1--\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] head = ("INVITE sip:12345@gw.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKmp1\r\n"
                + "From: <sip:1234@192.0.2.1>;tag=t1\r\nTo: <sip:12345@gw.example.com>\r\n"
                + "Call-ID: mp-1@192.0.2.1\r\nCSeq: 1 INVITE\r\n"
                + "Content-Type: multipart/mixed;boundary=unique-boundary-1\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return concat(head, body);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= a.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
