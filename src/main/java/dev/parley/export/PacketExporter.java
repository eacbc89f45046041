package dev.parley.export;

import dev.parley.capture.Frame;
import dev.parley.capture.FrameSource;
import dev.parley.capture.file.CaptureFiles;
import dev.parley.capture.file.PcapWriter;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Endpoint;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.Transport;
import dev.parley.decode.TransportListener;
import dev.parley.decode.link.FrameDecoder;
import dev.parley.decode.pop3.Pop3Command;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.decode.pop3.SaslStep;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the frames of some sessions as a new pcap or pcapng file: every frame that carried part of their messages
 * (all TCP segments of a reassembled message, all IP fragments, from each message's {@link Origin}), optionally the
 * RTP/RTCP of the media their SDP negotiated, in capture order and each frame once. Frames are copied byte for byte
 * with their timestamps and original lengths, so Wireshark and Parley read the same call back.
 */
public final class PacketExporter {

    /** The container written. */
    public enum Container { PCAP, PCAPNG }

    /** What was written. */
    public record Result(int frames, int signallingFrames, int mediaFrames) {
    }

    private PacketExporter() {
    }

    /**
     * @param capture  the capture the sessions were loaded from (read again, once or twice)
     * @param sessions sessions of that capture
     * @param rtp      add the UDP frames to or from the media endpoints in the sessions' SDP, within their time span
     * @param bytes    message bytes, for the SDP (see {@link MessageBytes}); only used with {@code rtp}
     * @throws IOException also for a pcap export of frames of several link types (pcapng holds them)
     */
    public static Result export(Path capture, java.util.List<SipSession> sessions, Container container, boolean rtp,
                                Function<SipMessageRef, byte[]> bytes, OutputStream out) throws IOException {
        return export(capture, sessions, java.util.List.of(), container, rtp, bytes, out);
    }

    /**
     * The same with POP3 sessions too: every frame that carried a command, a SASL line, a status line or part of a
     * multi-line reply (its "." terminator included). {@code rtp} concerns the SIP sessions only.
     */
    public static Result export(Path capture, java.util.List<SipSession> sessions, java.util.List<Pop3Session> pop3,
                                Container container, boolean rtp, Function<SipMessageRef, byte[]> bytes,
                                OutputStream out) throws IOException {
        Set<Long> signalling = new HashSet<>();
        for (Pop3Session s : pop3) {
            addFrames(s, signalling);
        }
        Set<Endpoint> media = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SipSession s : sessions) {
            for (SipMessageRef m : s.messages()) {
                for (long f : m.origin().frames()) {
                    signalling.add(f);
                }
                if (rtp && m.sdp()) {
                    RtpEndpoints.add(bytes.apply(m), media);
                }
                first = Math.min(first, m.timestampNanos());
                last = Math.max(last, m.timestampNanos());
            }
        }
        Set<Long> mediaFrames = rtp && !media.isEmpty() ? mediaFrames(capture, media, first, last, signalling)
                : Set.of();
        long[] wanted = new long[signalling.size() + mediaFrames.size()];
        int n = 0;
        for (long f : signalling) {
            wanted[n++] = f;
        }
        for (long f : mediaFrames) {
            wanted[n++] = f;
        }
        Arrays.sort(wanted);
        int written = copy(capture, wanted, container, out);
        return new Result(written, signalling.size(), mediaFrames.size());
    }

    /** Adds the frames of every exchange of a POP3 session. */
    static void addFrames(Pop3Session s, Set<Long> frames) {
        for (Pop3Exchange e : s.exchanges()) {
            Pop3Command c = e.command();
            if (c != null) {
                add(c.origin(), frames);
                frames.add(c.frame());
            }
            for (SaslStep step : e.sasl()) {
                add(step.origin(), frames);
                frames.add(step.frame());
            }
            Pop3Reply r = e.reply();
            if (r != null) {
                add(r.origin(), frames);
                frames.add(r.frame());
                if (r.body() != null) {
                    add(r.body().origin(), frames);
                    frames.add(r.body().lastFrame()); // the "." line is not in the body's origin
                }
            }
        }
        frames.remove(0L); // "no frame" in the records
    }

    private static void add(Origin origin, Set<Long> frames) {
        if (origin != null) {
            for (long f : origin.frames()) {
                frames.add(f);
            }
        }
    }

    /**
     * Frames of UDP datagrams to or from a media endpoint between the first and last message (the second pass): the
     * full decoder runs so that fragmented datagrams give all their frames; signalling frames are left out.
     */
    private static Set<Long> mediaFrames(Path capture, Set<Endpoint> media, long first, long last,
                                         Set<Long> signalling) throws IOException {
        Set<Long> found = new HashSet<>();
        TransportListener collect = new TransportListener() {
            @Override
            public void datagram(Flow flow, Bytes payload, Origin origin, long frame, long timestampNanos) {
                if (flow.transport() == Transport.UDP && timestampNanos >= first && timestampNanos <= last
                        && (media.contains(flow.src()) || media.contains(flow.dst()))) {
                    for (long f : origin.frames()) {
                        if (!signalling.contains(f)) {
                            found.add(f);
                        }
                    }
                }
            }

            @Override
            public void streamData(Flow flow, Bytes data, Origin origin, long frame, long timestampNanos) {
            }

            @Override
            public void streamGap(Flow flow, long missingBytes, long frame, long timestampNanos) {
            }

            @Override
            public void streamClosed(Flow flow, long frame, long timestampNanos) {
            }
        };
        // The load already reported the capture's anomalies.
        FrameDecoder decoder = new FrameDecoder(Limits.DEFAULT, collect, AnomalySink.IGNORE);
        try (FrameSource source = CaptureFiles.open(capture)) {
            decoder.decodeAll(source);
        }
        return found;
    }

    /** Copies the frames whose numbers are in {@code wanted} (sorted) in one pass over the capture. */
    private static int copy(Path capture, long[] wanted, Container container, OutputStream out) throws IOException {
        int next = 0;
        int written = 0;
        PcapWriter pcap = null;
        PcapngWriter pcapng = container == Container.PCAPNG ? new PcapngWriter(out) : null;
        int linkType = -1;
        try (FrameSource source = CaptureFiles.open(capture)) {
            Frame f;
            while (next < wanted.length && (f = source.next()) != null) {
                if (f.number() != wanted[next]) {
                    continue;
                }
                next++;
                Bytes d = f.data();
                if (pcapng != null) {
                    pcapng.write(f.timestampNanos(), f.linkType(), d.array(), d.offset(), d.length(),
                            f.originalLength());
                } else {
                    if (pcap == null) {
                        linkType = f.linkType();
                        pcap = new PcapWriter(out, linkType, 262_144);
                    } else if (f.linkType() != linkType) {
                        throw new IOException("the frames have several link types (" + linkType + ", "
                                + f.linkType() + "), which one pcap file cannot hold: export as pcapng");
                    }
                    pcap.write(f.timestampNanos(), d.array(), d.offset(), d.length(), f.originalLength());
                }
                written++;
            }
            if (pcap == null && pcapng == null) {
                pcap = new PcapWriter(out, 1, 262_144); // no frame: still a valid, empty capture
            }
        } finally {
            if (pcap != null) {
                pcap.close();
            }
            if (pcapng != null) {
                pcapng.close();
            }
        }
        return written;
    }
}
