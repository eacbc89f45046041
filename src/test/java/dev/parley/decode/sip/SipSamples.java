package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Test messages: the RFC 3261 examples from the seed documents (002: section 4 F1 INVITE and F9 200 OK; 003: digest,
 * SIP-T; 001: CPIM), plus hand-made edge cases. Written with "\n"; {@link #crlf} turns them into wire bytes and
 * fills "Content-Length: @" with the real body length.
 */
final class SipSamples {
    private SipSamples() {
    }

    static final String SDP_AUDIO_VIDEO = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com
            s=-
            c=IN IP4 192.0.2.101
            t=0 0
            a=sendrecv
            m=audio 49172 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            m=video 51372 RTP/AVP 99
            c=IN IP4 192.0.2.102
            b=AS:512
            a=rtpmap:99 H264/90000
            a=fmtp:99 profile-level-id=42e01f
            a=sendonly
            """;

    /** RFC 3261 section 4, F1 (seed 002), with an audio+video SDP instead of "(Alice's SDP not shown)". */
    static final String INVITE_F1 = """
            INVITE sip:bob@biloxi.com SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds
            Max-Forwards: 70
            To: Bob <sip:bob@biloxi.com>
            From: Alice <sip:alice@atlanta.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 314159 INVITE
            Contact: <sip:alice@pc33.atlanta.com>
            Content-Type: application/sdp
            Content-Length: @

            """ + SDP_AUDIO_VIDEO;

    /** RFC 3261 section 4, F9 (seed 002): three Vias, each folded onto a continuation line. */
    static final String OK_F9 = """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP server10.biloxi.com
               ;branch=z9hG4bKnashds8;received=192.0.2.3
            Via: SIP/2.0/UDP bigbox3.site3.atlanta.com
               ;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.2
            Via: SIP/2.0/UDP pc33.atlanta.com
               ;branch=z9hG4bK776asdhds ;received=192.0.2.1
            To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
            From: Alice <sip:alice@atlanta.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 314159 INVITE
            Contact: <sip:bob@192.0.2.4>
            Content-Type: application/sdp
            Content-Length: @

            v=0
            o=bob 2890844527 2890844527 IN IP4 192.0.2.4
            s=-
            c=IN IP4 192.0.2.4
            t=0 0
            m=audio 3456 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** Compact forms everywhere (as the Suricata compact-form capture), two Vias in one header. */
    static final String COMPACT = """
            INVITE sip:+15551234@example.net;user=phone SIP/2.0
            v: SIP/2.0/TCP [2001:db8::10]:5060;branch=z9hG4bKc0mp4ct;rport, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKsecond
            f: "Smith, John \\"JJ\\"" <sip:john@example.com>;tag=abc123
            t: <tel:+15551234;phone-context=example.net>
            i: compact-1@example.com
            CSeq: 7 INVITE
            m: <sip:john@[2001:db8::10]:5060;transport=tcp>;expires=600;q=0.7
            k: 100rel, timer
            c: Application/SDP
            l: @

            v=0
            o=- 1 1 IN IP6 2001:db8::10
            s=-
            c=IN IP6 2001:db8::10
            t=0 0
            m=audio 4000 RTP/AVP 0
            """;

    /** REGISTER with digest credentials (seed 003 layout; RFC 3261 section 24.1). */
    static final String REGISTER_AUTH = """
            REGISTER sip:registrar.biloxi.com SIP/2.0
            Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7
            Max-Forwards: 70
            To: Bob <sip:bob@biloxi.com>
            From: Bob <sip:bob@biloxi.com>;tag=456248
            Call-ID: 843817637684230@998sdasdh09
            CSeq: 1827 REGISTER
            Contact: <sip:bob@192.0.2.4>
            Expires: 7200
            Authorization: Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
             uri="sip:registrar.biloxi.com", response="6629fae49393a05397450978507c4ef1", algorithm=MD5,
             qop=auth, nc=00000001, cnonce="0a4f113b"
            User-Agent: Parley-Test/1.0
            Content-Length: 0

            """;

    static final String UNAUTHORIZED = """
            SIP/2.0 401 Unauthorized
            Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7;received=192.0.2.4;rport=5060
            To: Bob <sip:bob@biloxi.com>;tag=2493k59kd
            From: Bob <sip:bob@biloxi.com>;tag=456248
            Call-ID: 843817637684230@998sdasdh09
            CSeq: 1827 REGISTER
            WWW-Authenticate: Digest realm="biloxi.com", qop="auth,auth-int", nonce="ea9c8e88df84f1cec4341ae6cbe5a359", opaque="", stale=FALSE, algorithm=MD5
            Server: TestRegistrar
            Content-Length: 0

            """;

    static final String OK_REGISTER = """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds8;received=192.0.2.4
            To: Bob <sip:bob@biloxi.com>;tag=2493k59kd
            From: Bob <sip:bob@biloxi.com>;tag=456248
            Call-ID: 843817637684230@998sdasdh09
            CSeq: 1828 REGISTER
            Contact: <sip:bob@192.0.2.4>;expires=3600, "Mobile" <sip:bob@192.0.2.5>;expires=60;q=0.1
            Content-Length: 0

            """;

    /** Pager-mode MESSAGE with a CPIM body (seed 001, section 5). */
    static final String MESSAGE_CPIM = """
            MESSAGE sip:pooh@100akerwood.com SIP/2.0
            Via: SIP/2.0/TCP donkey.example.com;branch=z9hG4bKcpim1
            Max-Forwards: 70
            From: "MR SANDERS" <sip:sanders@100akerwood.com>;tag=49583
            To: <sip:pooh@100akerwood.com>
            Call-ID: asd88asd77a@1.2.3.4
            CSeq: 1 MESSAGE
            Content-Type: Message/CPIM
            Content-Length: @

            From: MR SANDERS <im:piglet@100akerwood.com>
            To: Depressed Donkey <im:eeyore@100akerwood.com>
            DateTime: 2000-12-13T13:40:00-08:00
            Subject: the weather will be fine today
            Subject:;lang=fr beau temps prevu pour aujourd'hui
            NS: MyFeatures <mid:MessageFeatures@id.foo.com>
            Require: MyFeatures.VitalMessageOption
            MyFeatures.VitalMessageOption: Confirmation-requested

            Content-Type: text/plain; charset=utf-8
            Content-ID: <1234567890@foo.com>

            Here is the text of my message.
            """;

    static final String MESSAGE_TEXT = """
            MESSAGE sip:user2@domain.com SIP/2.0
            Via: SIP/2.0/UDP user1pc.domain.com;branch=z9hG4bK776sgdkse
            Max-Forwards: 70
            From: sip:user1@domain.com;tag=49583
            To: sip:user2@domain.com
            Call-ID: asd88asd77a@1.2.3.4
            CSeq: 1 MESSAGE
            Content-Type: text/plain
            Content-Length: @

            Watson, come here.""";

    static final String BYE_REASON = """
            BYE sip:alice@pc33.atlanta.com SIP/2.0
            Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKbye1
            Max-Forwards: 70
            From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
            To: Alice <sip:alice@atlanta.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 231 BYE
            Reason: Q.850;cause=16;text="Normal call clearing"
            X-Call-ID: leg-a-77
            Content-Length: 0

            """;

    static final String PRACK = """
            PRACK sip:bob@192.0.2.4 SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKprack
            From: Alice <sip:alice@atlanta.com>;tag=1928301774
            To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 314160 PRACK
            RAck: 776656 314159 INVITE
            Require: 100rel
            Content-Length: 0

            """;

    static final String RINGING_RELIABLE = """
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds
            From: Alice <sip:alice@atlanta.com>;tag=1928301774
            To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 314159 INVITE
            Require: 100rel
            RSeq: 776656
            Content-Length: 0

            """;

    /** A SIP-T IAM (seed 003 SIP-T flow; numbers as in the corpus file heplify_sip_sctp.pcap). */
    static final byte[] IAM = {
            0x01,                   // message type IAM
            0x00,                   // nature of connection indicators
            0x01, 0x20,             // forward call indicators (0x2001)
            0x0a,                   // calling party's category: ordinary subscriber
            0x00,                   // transmission medium requirement: speech
            0x02,                   // pointer to called party number
            0x0a,                   // pointer to optional part
            0x08,                   // called party number: length 8
            (byte) 0x83, 0x10,      // odd, national number; INN allowed, E.164
            0x29, 0x57, (byte) 0x98, 0x00, 0x00, 0x0f, // 9275890000F
            0x0a, 0x07,             // optional: calling party number, length 7
            0x03, 0x13,             // even, national; E.164, presentation allowed, network provided
            0x19, 0x17, (byte) 0x69, 0x19, 0x63, // 9171969136
            0x00                    // end of optional parameters
    };

    /** INVITE with multipart/mixed SDP + ISUP (seed 003 SIP-T; RFC 3204). */
    static byte[] sipT() {
        String head = """
                INVITE sip:9275890000@gw.example.net;user=phone SIP/2.0
                Via: SIP/2.0/SCTP 10.1.1.1:5060;branch=z9hG4bKsipt
                From: <sip:9171969136@10.1.1.1;user=phone>;tag=t1
                To: <sip:9275890000@gw.example.net;user=phone>
                Call-ID: sipt-1@10.1.1.1
                CSeq: 1 INVITE
                Contact: <sip:9171969136@10.1.1.1:5060>
                MIME-Version: 1.0
                Content-Type: multipart/mixed;boundary=unique-boundary-1
                Content-Length: @

                """;
        String sdpPart = "--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\n"
                + "v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\nm=audio 20000 RTP/AVP 8\r\n"
                + "\r\n--unique-boundary-1\r\n"
                + "Content-Type:application/ISUP;base=itu-t92+;version=itu-t92+\r\n"
                + "Content-Disposition:signal;handling=required\r\nContent-Transfer-Encoding:binary\r\n\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(sdpPart.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(IAM);
        body.writeBytes("\r\n--unique-boundary-1--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] b = body.toByteArray();
        byte[] h = head.replace("\n", "\r\n").replace("Content-Length: @", "Content-Length: " + b.length)
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(h);
        all.writeBytes(b);
        return all.toByteArray();
    }

    /** CRLF line ends, "Content-Length: @" (or "l: @") replaced by the body's byte length. */
    static byte[] crlf(String text) {
        String t = text.replace("\n", "\r\n");
        int blank = t.indexOf("\r\n\r\n");
        int bodyLength = blank < 0 ? 0 : t.getBytes(StandardCharsets.UTF_8).length
                - t.substring(0, blank + 4).getBytes(StandardCharsets.UTF_8).length;
        t = t.replace("Content-Length: @", "Content-Length: " + bodyLength).replace("l: @", "l: " + bodyLength);
        return t.getBytes(StandardCharsets.UTF_8);
    }

    static Bytes bytes(String text) {
        return Bytes.of(crlf(text));
    }

    static List<byte[]> all() {
        return List.of(crlf(INVITE_F1), crlf(OK_F9), crlf(COMPACT), crlf(REGISTER_AUTH), crlf(UNAUTHORIZED),
                crlf(OK_REGISTER), crlf(MESSAGE_CPIM), crlf(MESSAGE_TEXT), crlf(BYE_REASON), crlf(PRACK),
                crlf(RINGING_RELIABLE), sipT());
    }
}
