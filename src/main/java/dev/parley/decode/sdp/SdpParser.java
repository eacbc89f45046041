package dev.parley.decode.sdp;

import dev.parley.decode.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient SDP parser: never throws; unknown or malformed lines are kept and noted in {@code problems}. */
public final class SdpParser {
    private SdpParser() {
    }

    public static SessionDescription parse(Bytes sdp) {
        String text = sdp.utf8();
        List<SdpLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // offsets in bytes: walk the bytes for line boundaries, decode each line on its own
        byte[] a = sdp.array();
        int base = sdp.offset();
        int n = sdp.length();
        int p = 0;
        while (p < n) {
            int lf = p;
            while (lf < n && a[base + lf] != '\n') {
                lf++;
            }
            int e = lf > p && a[base + lf - 1] == '\r' ? lf - 1 : lf;
            if (e > p) {
                String line = new String(a, base + p, e - p, java.nio.charset.StandardCharsets.UTF_8);
                if (line.length() >= 2 && line.charAt(1) == '=' && Character.isLetter(line.charAt(0))) {
                    lines.add(new SdpLine(line.charAt(0), line.substring(2), p, e - p));
                } else if (!line.isBlank()) {
                    problems.add("not a type=value line at offset " + p + ": " + abbreviate(line));
                }
            }
            p = lf + 1;
        }
        if (text.isEmpty()) {
            problems.add("empty SDP");
        }
        return build(lines, problems, n);
    }

    private static SessionDescription build(List<SdpLine> lines, List<String> problems, int total) {
        int version = -1;
        SdpOrigin origin = null;
        String name = null;
        String info = null;
        SdpConnection connection = null;
        List<String> bandwidths = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        int i = 0;
        for (; i < lines.size() && lines.get(i).type() != 'm'; i++) {
            SdpLine l = lines.get(i);
            switch (l.type()) {
                case 'v':
                    version = l.value().strip().equals("0") ? 0 : -1;
                    if (version < 0) {
                        problems.add("unsupported SDP version " + l.value());
                    }
                    break;
                case 'o': origin = SdpOrigin.parse(l.value()); break;
                case 's': name = l.value(); break;
                case 'i': info = l.value(); break;
                case 'c': connection = SdpConnection.parse(l.value()); break;
                case 'b': bandwidths.add(l.value().strip()); break;
                case 't': times.add(l.value().strip()); break;
                case 'a': attributes.add(SdpAttribute.parse(l.value())); break;
                default: break;
            }
        }
        Direction sessionDirection = null;
        for (SdpAttribute a : attributes) {
            Direction d = Direction.of(a.name());
            if (d != null) {
                sessionDirection = d;
            }
        }
        while (i < lines.size()) {
            int start = i++;
            while (i < lines.size() && lines.get(i).type() != 'm') {
                i++;
            }
            int endOffset = i < lines.size() ? lines.get(i).offset() : total;
            media.add(media(lines.subList(start, i), connection, sessionDirection, endOffset, problems));
        }
        if (version < 0 && (lines.isEmpty() || lines.get(0).type() != 'v')) {
            problems.add("missing v= line");
        }
        return new SessionDescription(version, origin, name, info, connection, List.copyOf(bandwidths),
                List.copyOf(times), List.copyOf(attributes), sessionDirection, List.copyOf(media), List.copyOf(lines),
                List.copyOf(problems));
    }

    private static MediaDescription media(List<SdpLine> section, SdpConnection sessionConnection,
                                          Direction sessionDirection, int endOffset, List<String> problems) {
        SdpLine m = section.get(0);
        String[] p = m.value().strip().split("\\s+");
        String type = p.length > 0 ? p[0] : "";
        int port = -1;
        int count = 1;
        if (p.length > 1) {
            String[] pc = p[1].split("/");
            port = number(pc[0]);
            if (pc.length > 1) {
                count = Math.max(1, number(pc[1]));
            }
        }
        if (port < 0 || p.length < 3) {
            problems.add("malformed m= line: " + abbreviate(m.value()));
        }
        String proto = p.length > 2 ? p[2] : null;
        List<String> formats = p.length > 3 ? List.of(p).subList(3, p.length) : List.of();
        SdpConnection connection = null;
        List<String> bandwidths = new ArrayList<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        Map<String, RtpMap> rtpMaps = new LinkedHashMap<>();
        Map<String, String> fmtp = new LinkedHashMap<>();
        Direction direction = null;
        for (SdpLine l : section.subList(1, section.size())) {
            switch (l.type()) {
                case 'c': connection = SdpConnection.parse(l.value()); break;
                case 'b': bandwidths.add(l.value().strip()); break;
                case 'a':
                    SdpAttribute a = SdpAttribute.parse(l.value());
                    attributes.add(a);
                    Direction d = Direction.of(a.name());
                    if (d != null) {
                        direction = d;
                    } else if (a.name().equalsIgnoreCase("rtpmap") && a.value() != null) {
                        RtpMap r = RtpMap.parse(a.value());
                        rtpMaps.putIfAbsent(r.payloadType(), r);
                    } else if (a.name().equalsIgnoreCase("fmtp") && a.value() != null) {
                        int sp = a.value().indexOf(' ');
                        fmtp.putIfAbsent(sp < 0 ? a.value() : a.value().substring(0, sp),
                                sp < 0 ? "" : a.value().substring(sp + 1).strip());
                    }
                    break;
                default:
                    break;
            }
        }
        if (direction == null) {
            direction = sessionDirection == null ? Direction.SENDRECV : sessionDirection;
        }
        return new MediaDescription(type, port, count, proto, formats,
                connection != null ? connection : sessionConnection, List.copyOf(bandwidths), List.copyOf(attributes),
                Collections.unmodifiableMap(rtpMaps), Collections.unmodifiableMap(fmtp), direction,
                m.offset(), endOffset - m.offset());
    }

    private static int number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
