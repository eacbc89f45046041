package dev.parley.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The traffic of a small office behind one SIP proxy (10.20.0.1:5060): 200 phones that call each other through the
 * proxy, register with digest auth, answer OPTIONS keep-alives and exchange pager MESSAGEs, plus the RTP of answered
 * calls and some DNS look-ups. Each call to {@link #startScenario} emits every frame of one scenario with its
 * absolute time; the caller interleaves them by time. Deterministic for a given random generator.
 */
final class SyntheticSipTraffic {

    /** Receives the frames of a scenario, not in time order; {@code dialog} is null for non-SIP frames. */
    interface Sink {
        void emit(long timeNanos, int srcIp, int srcPort, int dstIp, int dstPort, byte[] payload, Dialog dialog);
    }

    /** One Call-ID; {@code written} lets the generator count distinct Call-IDs that reached the file. */
    static final class Dialog {
        final String callId;
        boolean written;

        Dialog(String callId) {
            this.callId = callId;
        }
    }

    /** Scenario weights per mille, tuned so the default run gives ~885k SIP messages for ~140k Call-IDs. */
    private static final int W_ANSWERED = 210;
    private static final int W_ANSWERED_407 = 30;
    private static final int W_CANCELLED = 40;
    private static final int W_BUSY = 30;
    private static final int W_REGISTER = 200;
    private static final int W_OPTIONS = 340;

    static final int SIP_PORT = 5060;
    static final int PROXY_IP = UdpFrames.ipv4(10, 20, 0, 1);
    static final int DNS_IP = UdpFrames.ipv4(10, 20, 0, 53);
    private static final String PROXY = "10.20.0.1";
    private static final String DOMAIN = "parley.test";
    private static final String PROXY_UA = "Kamailio (5.7.4 (x86_64/linux))";
    private static final String RECORD_ROUTE = "<sip:10.20.0.1;lr>";
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, MESSAGE, NOTIFY, REFER, UPDATE";
    private static final String[] USER_AGENTS = {
        "Yealink SIP-T46S 66.86.0.15",
        "PolycomVVX-VVX_450-UA/6.4.3.1234",
        "Grandstream GXP2170 1.0.11.3",
        "Cisco/SPA504G-7.6.2c",
        "Linphone/5.2.0 (belle-sip/5.2.0)",
        "MicroSIP/3.21.3",
    };
    private static final long MS = 1_000_000L;
    private static final int RTP_PAYLOAD = 172;

    private record Phone(int ip, String ipText, String ext, String display, String userAgent) {
    }

    private final SplittableRandom rng;
    private final Sink sink;
    private final Phone[] phones;
    private final SipText text = new SipText();
    private final int rtpPerCall;
    private long dialogCounter;

    /**
     * @param phoneCount number of phones (at most 250 x 200)
     * @param rtpPerCall mean number of RTP frames emitted per answered call
     */
    SyntheticSipTraffic(SplittableRandom rng, Sink sink, int phoneCount, int rtpPerCall) {
        this.rng = rng;
        this.sink = sink;
        this.rtpPerCall = rtpPerCall;
        this.phones = new Phone[phoneCount];
        for (int i = 0; i < phoneCount; i++) {
            int ip = UdpFrames.ipv4(10, 20, 1 + i / 200, 10 + i % 200);
            String ext = Integer.toString(2000 + i);
            phones[i] = new Phone(ip, UdpFrames.ipv4Text(ip), ext, "Phone " + ext,
                    USER_AGENTS[i % USER_AGENTS.length]);
        }
    }

    /** Emits one randomly chosen scenario starting at {@code t}. */
    void startScenario(long t) {
        int r = rng.nextInt(1000);
        if ((r -= W_ANSWERED) < 0) {
            call(t, false, Ending.ANSWERED);
        } else if ((r -= W_ANSWERED_407) < 0) {
            call(t, true, Ending.ANSWERED);
        } else if ((r -= W_CANCELLED) < 0) {
            call(t, false, Ending.CANCELLED);
        } else if ((r -= W_BUSY) < 0) {
            call(t, false, Ending.BUSY);
        } else if ((r -= W_REGISTER) < 0) {
            register(t);
        } else if ((r -= W_OPTIONS) < 0) {
            options(t);
        } else {
            message(t);
        }
    }

    private enum Ending { ANSWERED, CANCELLED, BUSY }

    // ---------------------------------------------------------------- calls

    private void call(long t, boolean challenged, Ending ending) {
        Phone a = randomPhone();
        Phone b = otherPhone(a);
        Dialog d = newDialog(a);
        String tagA = hex();
        String tagB = hex();
        int cseq = 1 + rng.nextInt(900);
        String from = "\"" + a.display + "\" <sip:" + a.ext + "@" + DOMAIN + ">;tag=" + tagA;
        String to = "<sip:" + b.ext + "@" + DOMAIN + ">";
        String toTagged = to + ";tag=" + tagB;
        int mediaA = rtpPort();
        int mediaB = rtpPort();

        if (challenged) {
            // First INVITE is answered 407 by the proxy and ACKed in the same transaction (same branch).
            String br = branch();
            String via = viaOf(a, br);
            emitA(t, a, invite(a, b, via, null, 70, from, to, d, cseq, mediaA, null), d);
            String proxyTag = hex();
            emitP(t += ms(2, 6), a, text.start("SIP/2.0 407 Proxy Authentication Required")
                    .header("Via", viaReceived(a, br)).header("From", from).header("To", to + ";tag=" + proxyTag)
                    .header("Call-ID", d.callId).header("CSeq", cseq + " INVITE")
                    .header("Proxy-Authenticate", "Digest realm=\"" + DOMAIN + "\", nonce=\"" + hex() + hex()
                            + "\", algorithm=MD5, qop=\"auth\"")
                    .header("Server", PROXY_UA).end(), d);
            emitA(t += ms(5, 20), a, text.start("ACK sip:" + b.ext + "@" + DOMAIN + " SIP/2.0")
                    .header("Via", via).header("Max-Forwards", "70").header("From", from)
                    .header("To", to + ";tag=" + proxyTag).header("Call-ID", d.callId).header("CSeq", cseq + " ACK")
                    .header("User-Agent", a.userAgent).end(), d);
            cseq++;
            t += ms(5, 30);
        }

        String brA = branch();
        String brP = branch();
        String viaA = viaOf(a, brA);
        String viaAr = viaReceived(a, brA);
        String viaP = proxyVia(brP);
        String auth = challenged ? "Digest username=\"" + a.ext + "\", realm=\"" + DOMAIN + "\", nonce=\"" + hex()
                + hex() + "\", uri=\"sip:" + b.ext + "@" + DOMAIN + "\", response=\"" + hex() + hex()
                + "\", algorithm=MD5, cnonce=\"" + hex() + "\", qop=auth, nc=00000001" : null;
        emitA(t, a, invite(a, b, viaA, null, 70, from, to, d, cseq, mediaA, auth), d);
        emitP(t += ms(1, 3), a, response("100 Trying", viaAr, null, from, to, d, cseq, "INVITE", null, null), d);
        long tb = t + ms(1, 2);
        emitP(tb, b, invite(a, b, viaP, viaAr, 69, from, to, d, cseq, mediaA, null), d);
        emitB(tb += ms(3, 15), b, response("100 Trying", viaP, viaAr, from, to, d, cseq, "INVITE", null, b), d);

        if (ending == Ending.BUSY) {
            emitB(tb += ms(20, 400), b, response("486 Busy Here", viaP, viaAr, from, toTagged, d, cseq, "INVITE",
                    null, b), d);
            emitP(tb += ms(1, 3), b, ack(b, viaP, null, 69, from, toTagged, d, cseq, null), d);
            emitP(tb += 1 + ms(0, 1), a, response("486 Busy Here", viaAr, null, from, toTagged, d, cseq, "INVITE",
                    null, null), d);
            emitA(tb + ms(3, 15), a, ack(b, viaA, null, 70, from, toTagged, d, cseq, a), d);
            return;
        }

        String ringing = "180 Ringing";
        emitB(tb += ms(20, 80), b, response(ringing, viaP, viaAr, from, toTagged, d, cseq, "INVITE", null, b), d);
        emitP(tb += ms(1, 3), a, response(ringing, viaAr, null, from, toTagged, d, cseq, "INVITE", null, b), d);
        long ring = tb + ms(1_500, 9_000);

        if (ending == Ending.CANCELLED) {
            long tc = ring;
            emitA(tc, a, text.start("CANCEL sip:" + b.ext + "@" + DOMAIN + " SIP/2.0")
                    .header("Via", viaA).header("Max-Forwards", "70").header("From", from).header("To", to)
                    .header("Call-ID", d.callId).header("CSeq", cseq + " CANCEL")
                    .header("User-Agent", a.userAgent).end(), d);
            emitP(tc += ms(1, 3), a, response("200 OK", viaAr, null, from, to, d, cseq, "CANCEL", null, null), d);
            emitP(tc += ms(0, 2) + 1, b, text.start("CANCEL sip:" + b.ext + "@" + b.ipText + ":5060 SIP/2.0")
                    .header("Via", viaP).header("Max-Forwards", "70").header("From", from).header("To", to)
                    .header("Call-ID", d.callId).header("CSeq", cseq + " CANCEL")
                    .header("User-Agent", PROXY_UA).end(), d);
            emitB(tc += ms(3, 15), b, response("200 OK", viaP, null, from, toTagged, d, cseq, "CANCEL", null, b), d);
            emitB(tc += ms(1, 5), b, response("487 Request Terminated", viaP, viaAr, from, toTagged, d, cseq,
                    "INVITE", null, b), d);
            emitP(tc += ms(1, 3), b, ack(b, viaP, null, 69, from, toTagged, d, cseq, null), d);
            emitP(tc += ms(0, 2) + 1, a, response("487 Request Terminated", viaAr, null, from, toTagged, d, cseq,
                    "INVITE", null, null), d);
            emitA(tc + ms(3, 15), a, ack(b, viaA, null, 70, from, toTagged, d, cseq, a), d);
            return;
        }

        String sdpB = sdp(b, mediaB, false);
        emitB(ring, b, response("200 OK", viaP, viaAr, from, toTagged, d, cseq, "INVITE", sdpB, b), d);
        long t200 = ring + ms(1, 3);
        emitP(t200, a, response("200 OK", viaAr, null, from, toTagged, d, cseq, "INVITE", sdpB, b), d);
        long tAck = t200 + ms(5, 30);
        if (rng.nextInt(100) < 3) {
            // The caller's ACK was late: the proxy-forwarded 200 is retransmitted after T1 (RFC 3261 13.3.1.4).
            emitP(t200 + 500 * MS, a, response("200 OK", viaAr, null, from, toTagged, d, cseq, "INVITE", sdpB, b), d);
            tAck = t200 + 500 * MS + ms(5, 30);
        }
        String ackBranchA = branch();
        String ackViaA = viaOf(a, ackBranchA);
        emitA(tAck, a, ack(b, ackViaA, null, 70, from, toTagged, d, cseq, a), d);
        emitP(tAck + ms(1, 3), b, ack(b, proxyVia(branch()), viaReceived(a, ackBranchA), 69, from, toTagged, d,
                cseq, null), d);

        long tRtp = tAck + 20 * MS;
        int packets = rtpPerCall <= 1 ? rtpPerCall : rtpPerCall - 2 + rng.nextInt(5);
        int ssrcA = rng.nextInt();
        int ssrcB = rng.nextInt();
        int seqA = rng.nextInt(65536);
        int seqB = rng.nextInt(65536);
        for (int i = 0; i < packets; i++) {
            boolean fromA = (i & 1) == 0;
            int seq = fromA ? seqA++ : seqB++;
            sink.emit(tRtp + (i >> 1) * 20 * MS + (fromA ? 0 : 3 * MS),
                    fromA ? a.ip : b.ip, fromA ? mediaA : mediaB, fromA ? b.ip : a.ip, fromA ? mediaB : mediaA,
                    rtp(seq, seq * 160, fromA ? ssrcA : ssrcB), null);
        }

        long tBye = tAck + ms(4_000, 90_000);
        if (rng.nextBoolean()) {
            bye(tBye, a, b, "\"" + a.display + "\" <sip:" + a.ext + "@" + DOMAIN + ">;tag=" + tagA, toTagged, d,
                    cseq + 1);
        } else {
            bye(tBye, b, a, toTagged, "\"" + a.display + "\" <sip:" + a.ext + "@" + DOMAIN + ">;tag=" + tagA, d,
                    1 + rng.nextInt(900));
        }
    }

    /** BYE from {@code x} to {@code y} through the proxy, and its 200 back. */
    private void bye(long t, Phone x, Phone y, String from, String to, Dialog d, int cseq) {
        String br = branch();
        String viaX = viaOf(x, br);
        String viaXr = viaReceived(x, br);
        String viaP = proxyVia(branch());
        emitFrom(t, x, text.start("BYE sip:" + y.ext + "@" + y.ipText + ":5060 SIP/2.0")
                .header("Via", viaX).header("Max-Forwards", "70").header("Route", RECORD_ROUTE)
                .header("From", from).header("To", to).header("Call-ID", d.callId).header("CSeq", cseq + " BYE")
                .header("User-Agent", x.userAgent).end(), d);
        emitTo(t += ms(1, 3), y, text.start("BYE sip:" + y.ext + "@" + y.ipText + ":5060 SIP/2.0")
                .header("Via", viaP).header("Via", viaXr).header("Max-Forwards", "69")
                .header("From", from).header("To", to).header("Call-ID", d.callId).header("CSeq", cseq + " BYE")
                .header("User-Agent", x.userAgent).end(), d);
        emitFrom(t += ms(3, 20), y, response("200 OK", viaP, viaXr, from, to, d, cseq, "BYE", null, y), d);
        emitTo(t + ms(1, 3), x, response("200 OK", viaXr, null, from, to, d, cseq, "BYE", null, y), d);
    }

    /** The caller's INVITE; with {@code via2} set it is the copy the proxy forwards to the callee's phone. */
    private byte[] invite(Phone caller, Phone b, String via, String via2, int maxForwards, String from, String to,
                          Dialog d, int cseq, int mediaA, String proxyAuthorization) {
        boolean toPhone = via2 != null;
        String ruri = toPhone ? "sip:" + b.ext + "@" + b.ipText + ":5060" : "sip:" + b.ext + "@" + DOMAIN;
        SipText m = text.start("INVITE " + ruri + " SIP/2.0").header("Via", via);
        if (toPhone) {
            m.header("Via", via2).header("Record-Route", RECORD_ROUTE);
        }
        m.header("Max-Forwards", Integer.toString(maxForwards)).header("From", from).header("To", to)
                .header("Call-ID", d.callId).header("CSeq", cseq + " INVITE")
                .header("Contact", "<sip:" + caller.ext + "@" + caller.ipText + ":5060;transport=udp>");
        if (proxyAuthorization != null) {
            m.header("Proxy-Authorization", proxyAuthorization);
        }
        return m.header("Allow", ALLOW).header("Supported", "replaces, timer")
                .header("User-Agent", caller.userAgent)
                .end("application/sdp", sdp(caller, mediaA, true));
    }

    private byte[] ack(Phone b, String via, String via2, int maxForwards, String from, String to, Dialog d, int cseq,
                       Phone sender) {
        SipText m = text.start("ACK sip:" + b.ext + "@" + b.ipText + ":5060 SIP/2.0").header("Via", via);
        if (via2 != null) {
            m.header("Via", via2);
        } else if (sender != null) {
            m.header("Route", RECORD_ROUTE);
        }
        return m.header("Max-Forwards", Integer.toString(maxForwards)).header("From", from).header("To", to)
                .header("Call-ID", d.callId).header("CSeq", cseq + " ACK")
                .header("User-Agent", sender != null ? sender.userAgent : PROXY_UA).end();
    }

    /** A response; {@code by} is the phone that generated it, or null when the proxy did. */
    private byte[] response(String status, String via, String via2, String from, String to, Dialog d, int cseq,
                            String method, String sdp, Phone by) {
        SipText m = text.start("SIP/2.0 " + status).header("Via", via);
        if (via2 != null) {
            m.header("Via", via2);
        }
        boolean dialogForming = by != null && "INVITE".equals(method) && status.charAt(0) < '3'
                && !status.startsWith("100");
        if (dialogForming) {
            m.header("Record-Route", RECORD_ROUTE);
        }
        m.header("From", from).header("To", to).header("Call-ID", d.callId).header("CSeq", cseq + " " + method);
        if (dialogForming) {
            m.header("Contact", "<sip:" + by.ext + "@" + by.ipText + ":5060;transport=udp>");
        }
        if (by == null) {
            m.header("Server", PROXY_UA);
        } else {
            m.header("Allow", ALLOW).header("Supported", "replaces, timer").header("User-Agent", by.userAgent);
        }
        return sdp == null ? m.end() : m.end("application/sdp", sdp);
    }

    private String sdp(Phone p, int port, boolean offer) {
        long session = 100_000_000L + rng.nextInt(900_000_000);
        return "v=0\r\n"
                + "o=" + p.ext + " " + session + " " + session + " IN IP4 " + p.ipText + "\r\n"
                + "s=SIP Call\r\n"
                + "c=IN IP4 " + p.ipText + "\r\n"
                + "t=0 0\r\n"
                + (offer ? "m=audio " + port + " RTP/AVP 0 8 9 101\r\n"
                        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\n"
                        : "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n")
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    // ---------------------------------------------------------------- registrations, keep-alives, pager

    private void register(long t) {
        Phone p = randomPhone();
        Dialog d = newDialog(p);
        if (rng.nextInt(100) < 25) {
            dns(t, p);
            t += ms(5, 15);
        }
        String tag = hex();
        int cseq = 1 + rng.nextInt(900);
        String aor = "<sip:" + p.ext + "@" + DOMAIN + ">";
        String from = aor + ";tag=" + tag;
        String contact = "<sip:" + p.ext + "@" + p.ipText + ":5060;transport=udp>";
        String nonce = hex() + hex();
        for (int round = 0; round < 2; round++) {
            String br = branch();
            SipText m = text.start("REGISTER sip:" + DOMAIN + " SIP/2.0").header("Via", viaOf(p, br))
                    .header("Max-Forwards", "70").header("From", from).header("To", aor)
                    .header("Call-ID", d.callId).header("CSeq", (cseq + round) + " REGISTER")
                    .header("Contact", contact + ";+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-"
                            + Integer.toHexString(p.ip) + "0000>\"");
            if (round == 1) {
                m.header("Authorization", "Digest username=\"" + p.ext + "\", realm=\"" + DOMAIN + "\", nonce=\""
                        + nonce + "\", uri=\"sip:" + DOMAIN + "\", response=\"" + hex() + hex()
                        + "\", algorithm=MD5, cnonce=\"" + hex() + "\", qop=auth, nc=00000001");
            }
            emitA(t, p, m.header("Expires", "3600").header("Allow", ALLOW).header("User-Agent", p.userAgent).end(), d);
            SipText r = text.start(round == 0 ? "SIP/2.0 401 Unauthorized" : "SIP/2.0 200 OK")
                    .header("Via", viaReceived(p, br)).header("From", from).header("To", aor + ";tag=" + hex())
                    .header("Call-ID", d.callId).header("CSeq", (cseq + round) + " REGISTER");
            if (round == 0) {
                r.header("WWW-Authenticate", "Digest realm=\"" + DOMAIN + "\", nonce=\"" + nonce
                        + "\", algorithm=MD5, qop=\"auth\"");
            } else {
                r.header("Contact", contact + ";expires=3600").header("Date", "Fri, 01 Mar 2024 09:00:00 GMT");
            }
            emitP(t += ms(1, 4), p, r.header("Server", PROXY_UA).end(), d);
            t += ms(5, 30);
        }
    }

    private void options(long t) {
        Phone p = randomPhone();
        Dialog d = newDialog(null);
        String br = branch();
        String via = proxyVia(br);
        String from = "<sip:ping@" + DOMAIN + ">;tag=" + hex();
        String to = "<sip:" + p.ext + "@" + p.ipText + ":5060>";
        byte[] request = text.start("OPTIONS sip:" + p.ext + "@" + p.ipText + ":5060 SIP/2.0").header("Via", via)
                .header("Max-Forwards", "70").header("From", from).header("To", to).header("Call-ID", d.callId)
                .header("CSeq", "10 OPTIONS").header("Contact", "<sip:ping@" + PROXY + ":5060>")
                .header("Accept", "application/sdp").header("User-Agent", PROXY_UA).end();
        emitP(t, p, request, d);
        long answer = t + ms(2, 20);
        if (rng.nextInt(100) < 2) {
            emitP(t + 500 * MS, p, request, d); // the first answer was slow: retransmission after T1
            answer = t + 500 * MS + ms(2, 20);
        }
        emitB(answer, p, text.start("SIP/2.0 200 OK").header("Via", via).header("From", from)
                .header("To", to + ";tag=" + hex()).header("Call-ID", d.callId).header("CSeq", "10 OPTIONS")
                .header("Contact", "<sip:" + p.ext + "@" + p.ipText + ":5060>").header("Allow", ALLOW)
                .header("Accept", "application/sdp, text/plain, message/cpim")
                .header("Supported", "replaces, timer").header("User-Agent", p.userAgent).end(), d);
    }

    private void message(long t) {
        Phone a = randomPhone();
        Phone b = otherPhone(a);
        Dialog d = newDialog(a);
        String brA = branch();
        String viaA = viaOf(a, brA);
        String viaAr = viaReceived(a, brA);
        String viaP = proxyVia(branch());
        String from = "\"" + a.display + "\" <sip:" + a.ext + "@" + DOMAIN + ">;tag=" + hex();
        String to = "<sip:" + b.ext + "@" + DOMAIN + ">";
        String body = "Hi " + b.display + ", message " + (dialogCounter % 997)
                + " from the synthetic office. Are you joining the 10:30 meeting?";
        int cseq = 1 + rng.nextInt(900);
        emitA(t, a, text.start("MESSAGE sip:" + b.ext + "@" + DOMAIN + " SIP/2.0").header("Via", viaA)
                .header("Max-Forwards", "70").header("From", from).header("To", to).header("Call-ID", d.callId)
                .header("CSeq", cseq + " MESSAGE").header("User-Agent", a.userAgent)
                .end("text/plain;charset=UTF-8", body), d);
        emitP(t += ms(1, 3), b, text.start("MESSAGE sip:" + b.ext + "@" + b.ipText + ":5060 SIP/2.0")
                .header("Via", viaP).header("Via", viaAr).header("Max-Forwards", "69").header("From", from)
                .header("To", to).header("Call-ID", d.callId).header("CSeq", cseq + " MESSAGE")
                .header("User-Agent", a.userAgent).end("text/plain;charset=UTF-8", body), d);
        String toTagged = to + ";tag=" + hex();
        emitB(t += ms(3, 20), b, response("200 OK", viaP, viaAr, from, toTagged, d, cseq, "MESSAGE", null, b), d);
        emitP(t + ms(1, 3), a, response("200 OK", viaAr, null, from, toTagged, d, cseq, "MESSAGE", null, b), d);
    }

    private void dns(long t, Phone p) {
        int port = 20_000 + rng.nextInt(40_000);
        int id = rng.nextInt(65536);
        byte[] name = "\u0004_sip\u0004_udp\u0006parley\u0004test\u0000".getBytes(StandardCharsets.US_ASCII);
        byte[] query = new byte[12 + name.length + 4];
        query[0] = (byte) (id >>> 8);
        query[1] = (byte) id;
        query[2] = 0x01; // RD
        query[5] = 1; // QDCOUNT
        System.arraycopy(name, 0, query, 12, name.length);
        query[12 + name.length + 1] = 33; // SRV
        query[12 + name.length + 3] = 1; // IN
        sink.emit(t, p.ip, port, DNS_IP, 53, query, null);
        // Answer: the question plus one SRV record 10 60 5060 proxy.parley.test (name compressed).
        byte[] target = "\u0005proxy\u0006parley\u0004test\u0000".getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[query.length + 12 + 6 + target.length];
        System.arraycopy(query, 0, answer, 0, query.length);
        answer[2] = (byte) 0x81;
        answer[3] = (byte) 0x80;
        answer[7] = 1; // ANCOUNT
        int at = query.length;
        answer[at] = (byte) 0xc0;
        answer[at + 1] = 12;
        answer[at + 3] = 33;
        answer[at + 5] = 1;
        answer[at + 8] = 0x0e;
        answer[at + 9] = 0x10; // TTL 3600
        answer[at + 11] = (byte) (6 + target.length);
        answer[at + 13] = 10; // priority
        answer[at + 15] = 60; // weight
        answer[at + 16] = (byte) (SIP_PORT >>> 8);
        answer[at + 17] = (byte) SIP_PORT;
        System.arraycopy(target, 0, answer, at + 18, target.length);
        sink.emit(t + ms(1, 4), DNS_IP, 53, p.ip, port, answer, null);
    }

    private static byte[] rtp(int seq, int timestamp, int ssrc) {
        byte[] b = new byte[RTP_PAYLOAD];
        b[0] = (byte) 0x80;
        b[1] = 0; // PCMU
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[4] = (byte) (timestamp >>> 24);
        b[5] = (byte) (timestamp >>> 16);
        b[6] = (byte) (timestamp >>> 8);
        b[7] = (byte) timestamp;
        b[8] = (byte) (ssrc >>> 24);
        b[9] = (byte) (ssrc >>> 16);
        b[10] = (byte) (ssrc >>> 8);
        b[11] = (byte) ssrc;
        java.util.Arrays.fill(b, 12, RTP_PAYLOAD, (byte) 0xff); // PCMU silence
        return b;
    }

    // ---------------------------------------------------------------- helpers

    private void emitA(long t, Phone from, byte[] payload, Dialog d) {
        sink.emit(t, from.ip, SIP_PORT, PROXY_IP, SIP_PORT, payload, d);
    }

    private void emitB(long t, Phone from, byte[] payload, Dialog d) {
        emitA(t, from, payload, d);
    }

    private void emitP(long t, Phone to, byte[] payload, Dialog d) {
        sink.emit(t, PROXY_IP, SIP_PORT, to.ip, SIP_PORT, payload, d);
    }

    private void emitFrom(long t, Phone from, byte[] payload, Dialog d) {
        emitA(t, from, payload, d);
    }

    private void emitTo(long t, Phone to, byte[] payload, Dialog d) {
        emitP(t, to, payload, d);
    }

    private Dialog newDialog(Phone host) {
        String id = Long.toHexString(rng.nextLong() >>> 8) + "-" + Long.toString(++dialogCounter, 36);
        return new Dialog(host == null ? id + "@" + PROXY : id + "@" + host.ipText);
    }

    private Phone randomPhone() {
        return phones[rng.nextInt(phones.length)];
    }

    private Phone otherPhone(Phone a) {
        Phone b = randomPhone();
        return b == a ? phones[(Integer.parseInt(a.ext) - 2000 + 1) % phones.length] : b;
    }

    private static String viaOf(Phone p, String branch) {
        return "SIP/2.0/UDP " + p.ipText + ":5060;branch=" + branch + ";rport";
    }

    private static String viaReceived(Phone p, String branch) {
        return "SIP/2.0/UDP " + p.ipText + ":5060;received=" + p.ipText + ";branch=" + branch + ";rport=5060";
    }

    private static String proxyVia(String branch) {
        return "SIP/2.0/UDP " + PROXY + ":5060;branch=" + branch;
    }

    private String branch() {
        return "z9hG4bK" + hex();
    }

    private String hex() {
        return Long.toHexString(rng.nextLong() | Long.MIN_VALUE);
    }

    private long ms(int min, int max) {
        return (min + rng.nextInt(max - min + 1)) * MS + rng.nextInt(1_000_000);
    }

    private int rtpPort() {
        return 16_384 + 2 * rng.nextInt(8_000);
    }
}
