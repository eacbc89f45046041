package dev.parley.decode.sip;

import static dev.parley.decode.sip.SipSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.sdp.Direction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipParserTest {

    @Test
    void requestWithSdpBody() {
        Bytes b = bytes(SipSamples.INVITE_F1);
        SipRequest r = (SipRequest) SipParser.parse(b);
        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.requestUri().user()).isEqualTo("bob");
        assertThat(r.requestUri().host()).isEqualTo("biloxi.com");
        assertThat(r.version()).isEqualTo("SIP/2.0");
        assertThat(r.headers().size()).isEqualTo(9);
        assertThat(r.from().displayName()).isEqualTo("Alice");
        assertThat(r.from().tag()).isEqualTo("1928301774");
        assertThat(r.to().uri().raw()).isEqualTo("sip:bob@biloxi.com");
        assertThat(r.cseq()).extracting(CSeq::number, CSeq::method).containsExactly(314159L, "INVITE");
        assertThat(r.anomalies()).isEmpty();
        SipHeader callId = r.headers().first("i");
        assertThat(callId.fullName()).isEqualTo("Call-ID");
        assertThat(b.slice(callId.offset(), callId.length()).latin1()).isEqualTo(callId.raw())
                .isEqualTo("Call-ID: a84b4c76e66710@pc33.atlanta.com");
        assertThat(r.body()).isInstanceOf(SipBody.Sdp.class);
        SipBody.Sdp sdp = (SipBody.Sdp) r.body();
        assertThat(b.slice(sdp.offset(), 4).latin1()).isEqualTo("v=0\r");
        assertThat(sdp.sdp().media()).hasSize(2);
        assertThat(sdp.sdp().media().get(1).direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void foldedMultiValuedVias() {
        Bytes b = bytes(SipSamples.OK_F9);
        SipResponse r = (SipResponse) SipParser.parse(b);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.reasonPhrase()).isEqualTo("OK");
        assertThat(r.method()).isEqualTo("INVITE");
        List<Via> vias = r.vias();
        assertThat(vias).extracting(Via::host).containsExactly("server10.biloxi.com", "bigbox3.site3.atlanta.com",
                "pc33.atlanta.com");
        assertThat(vias).extracting(Via::branch).containsExactly("z9hG4bKnashds8", "z9hG4bK77ef4c2312983.1",
                "z9hG4bK776asdhds");
        assertThat(vias).extracting(Via::received).containsExactly("192.0.2.3", "192.0.2.2", "192.0.2.1");
        assertThat(r.headers().first("Via").value()).isEqualTo("SIP/2.0/UDP server10.biloxi.com ;branch=z9hG4bKnashds8;received=192.0.2.3");
        assertThat(r.headers().first("Via").raw()).contains("\r\n   ;branch");
        assertThat(r.to().tag()).isEqualTo("a6c85cf");
    }

    @Test
    void compactFormsIpv6QuotedNamesAndOptionTags() {
        SipRequest r = (SipRequest) SipParser.parse(bytes(SipSamples.COMPACT));
        assertThat(r.requestUri().user()).isEqualTo("+15551234");
        assertThat(r.requestUri().parameter("user")).isEqualTo("phone");
        assertThat(r.callId()).isEqualTo("compact-1@example.com");
        assertThat(r.from().displayName()).isEqualTo("Smith, John \"JJ\"");
        assertThat(r.from().uri().user()).isEqualTo("john");
        SipUri to = r.to().uri();
        assertThat(to.scheme()).isEqualTo("tel");
        assertThat(to.user()).isEqualTo("+15551234");
        assertThat(to.parameter("phone-context")).isEqualTo("example.net");
        List<Via> vias = r.vias();
        assertThat(vias).hasSize(2);
        assertThat(vias.get(0).transport()).isEqualTo("TCP");
        assertThat(vias.get(0).host()).isEqualTo("[2001:db8::10]");
        assertThat(vias.get(0).port()).isEqualTo(5060);
        assertThat(vias.get(0).rport()).isEmpty();
        assertThat(vias.get(1).transport()).isEqualTo("UDP");
        assertThat(vias.get(1).port()).isEqualTo(-1);
        Contact c = r.contacts().get(0);
        assertThat(c.address().uri().host()).isEqualTo("[2001:db8::10]");
        assertThat(c.address().uri().port()).isEqualTo(5060);
        assertThat(c.address().uri().parameter("transport")).isEqualTo("tcp");
        assertThat(c.expires()).isEqualTo(600);
        assertThat(c.q()).isEqualTo(0.7);
        assertThat(r.supported()).containsExactly("100rel", "timer");
        assertThat(r.contentType()).isEqualTo("application/sdp");
        assertThat(r.body()).isInstanceOf(SipBody.Sdp.class);
    }

    @Test
    void sipUriParts() {
        SipUri u = SipUri.parse("sips:alice:secret@[2001:db8::1]:5061;transport=tls;lr?subject=project%20x&priority=urgent");
        assertThat(u.scheme()).isEqualTo("sips");
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("[2001:db8::1]");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.parameters()).containsEntry("transport", "tls").containsEntry("lr", "");
        assertThat(u.headers()).containsEntry("subject", "project%20x").containsEntry("priority", "urgent");
        assertThat(SipUri.parse("sip:atlanta.com").userOrUri()).isEqualTo("sip:atlanta.com");
        assertThat(SipUri.parse("urn:service:sos").scheme()).isEqualTo("urn");
    }

    @Test
    void digestCredentialsAndChallenge() {
        SipRequest r = (SipRequest) SipParser.parse(bytes(SipSamples.REGISTER_AUTH));
        DigestCredentials d = r.authorizations().get(0);
        assertThat(d.scheme()).isEqualTo("Digest");
        assertThat(d.username()).isEqualTo("bob");
        assertThat(d.realm()).isEqualTo("biloxi.com");
        assertThat(d.nonce()).isEqualTo("dcd98b7102dd2f0e8b11d0f600bfb0c093");
        assertThat(d.uri()).isEqualTo("sip:registrar.biloxi.com");
        assertThat(d.response()).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(d.algorithm()).isEqualTo("MD5");
        assertThat(d.parameters()).containsEntry("qop", "auth").containsEntry("nc", "00000001")
                .containsEntry("cnonce", "0a4f113b");
        assertThat(r.expires()).isEqualTo(7200);
        SipResponse c = (SipResponse) SipParser.parse(bytes(SipSamples.UNAUTHORIZED));
        DigestChallenge ch = c.wwwAuthenticates().get(0);
        assertThat(ch.realm()).isEqualTo("biloxi.com");
        assertThat(ch.qop()).isEqualTo("auth,auth-int");
        assertThat(ch.parameter("opaque")).isEmpty();
        assertThat(ch.stale()).isFalse();
        assertThat(c.topVia().rport()).isEqualTo("5060");
        assertThat(c.userAgent()).isEqualTo("TestRegistrar");
    }

    @Test
    void multiValuedContactAndWildcard() {
        SipResponse r = (SipResponse) SipParser.parse(bytes(SipSamples.OK_REGISTER));
        List<Contact> contacts = r.contacts();
        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).expires()).isEqualTo(3600);
        assertThat(contacts.get(1).address().displayName()).isEqualTo("Mobile");
        assertThat(contacts.get(1).q()).isEqualTo(0.1);
        assertThat(r.expires()).isEqualTo(3600);
        SipMessage star = SipParser.parse(Bytes.ascii("REGISTER sip:r SIP/2.0\r\nContact: *\r\nExpires: 0\r\n\r\n"));
        assertThat(star.contacts().get(0).wildcard()).isTrue();
        assertThat(star.expires()).isZero();
    }

    @Test
    void rseqAndRack() {
        assertThat(SipParser.parse(bytes(SipSamples.RINGING_RELIABLE)).rseq().number()).isEqualTo(776656);
        SipMessage prack = SipParser.parse(bytes(SipSamples.PRACK));
        assertThat(prack.rack()).extracting(RAck::rseq, RAck::cseq, RAck::method)
                .containsExactly(776656L, 314159L, "INVITE");
        assertThat(prack.require()).containsExactly("100rel");
    }

    @Test
    void cpimMessage() {
        SipMessage m = SipParser.parse(bytes(SipSamples.MESSAGE_CPIM));
        assertThat(m.body()).isInstanceOf(SipBody.Cpim.class);
        var cpim = ((SipBody.Cpim) m.body()).cpim();
        assertThat(cpim.from()).isEqualTo("MR SANDERS <im:piglet@100akerwood.com>");
        assertThat(cpim.subject()).isEqualTo("the weather will be fine today");
        assertThat(cpim.contentType()).isEqualTo("text/plain");
        assertThat(cpim.text()).isEqualTo("Here is the text of my message.\r\n");
        SipMessage t = SipParser.parse(bytes(SipSamples.MESSAGE_TEXT));
        assertThat(((SipBody.Text) t.body()).text()).isEqualTo("Watson, come here.");
    }

    @Test
    void multipartSdpAndIsup() {
        byte[] raw = SipSamples.sipT();
        SipMessage m = SipParser.parse(Bytes.of(raw));
        assertThat(m.anomalies()).isEmpty();
        SipBody.Multipart mp = (SipBody.Multipart) m.body();
        assertThat(mp.boundary()).isEqualTo("unique-boundary-1");
        assertThat(mp.parts()).hasSize(2);
        assertThat(mp.parts().get(0).contentType()).isEqualTo("application/sdp");
        assertThat(((SipBody.Sdp) mp.parts().get(0).body()).sdp().media().get(0).port()).isEqualTo(20000);
        BodyPart isupPart = mp.parts().get(1);
        assertThat(isupPart.headers().value("Content-Disposition")).isEqualTo("signal;handling=required");
        SipBody.Isup isup = (SipBody.Isup) isupPart.body();
        assertThat(isup.length()).isEqualTo(SipSamples.IAM.length);
        assertThat(isup.isup().typeName()).isEqualTo("IAM");
        assertThat(isup.isup().calledParty().digits()).isEqualTo("9275890000F");
        assertThat(isup.isup().callingParty().digits()).isEqualTo("9171969136");
    }

    @Test
    void anomaliesMatchTheScanner() {
        SipMessage m = SipParser.parse(Bytes.ascii("DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n"
                + "Content-Length: xyz\r\n\r\n"));
        assertThat(m.method()).isEqualTo("REGISTER");
        assertThat(m.startOffset()).isEqualTo(2);
        assertThat(m.anomalies()).extracting(Anomaly::code).contains("sip.leading_junk", "sip.header.missing",
                "sip.content_length.invalid");
        assertThat(m.contentLength()).isEqualTo(-1);
        assertThat(SipParser.parse(Bytes.of(new byte[4]))).isNull();
        assertThat(SipParser.parse(Bytes.ascii("HTTP/1.1 200 OK\r\n\r\n"))).isNull();
    }

    @Test
    void binaryBodyIsKeptAsBytes() {
        byte[] body = {1, 2, 3, 0, (byte) 0xff};
        String head = "MESSAGE sip:a@b SIP/2.0\r\nContent-Type: application/vnd.3gpp.sms\r\nContent-Length: 5\r\n\r\n";
        byte[] all = new byte[head.length() + 5];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), 5);
        SipBody.Binary b = (SipBody.Binary) SipParser.parse(Bytes.of(all)).body();
        assertThat(b.contentType()).isEqualTo("application/vnd.3gpp.sms");
        assertThat(b.bytes().toArray()).isEqualTo(body);
    }
}
