package dev.parley.diagram;

import dev.parley.decode.Endpoint;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.session.sip.SipTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns one or more SIP sessions into a {@link LadderModel}: columns by first appearance, arrows in time order. */
public final class LadderModelBuilder {

    private LadderModelBuilder() {
    }

    /**
     * @param sessions the sessions to draw together (duplicates are drawn once)
     * @param options  column merging and aliases
     * @param bytes    the bytes of a message for its SDP summary; may return null (then no summary), may be null
     */
    public static LadderModel build(List<SipSession> sessions, LadderOptions options,
                                    Function<SipMessageRef, byte[]> bytes) {
        LadderOptions opts = options == null ? LadderOptions.DEFAULT : options;
        List<SipMessageRef> refs = new ArrayList<>();
        Map<SipSession, Boolean> seen = new IdentityHashMap<>();
        for (SipSession s : sessions) {
            if (s != null && seen.put(s, Boolean.TRUE) == null) {
                refs.addAll(s.messages());
            }
        }
        // Capture order breaks ties between equal timestamps, so a merged ladder reads like the capture.
        refs.sort(Comparator.comparingLong(SipMessageRef::timestampNanos).thenComparingInt(SipMessageRef::index));

        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        Map<SipTransaction, Integer> colours = new HashMap<>();
        Map<SipTransaction, Boolean> offerInRequest = new HashMap<>();
        List<LadderArrow> arrows = new ArrayList<>(refs.size());
        long first = refs.isEmpty() ? 0 : refs.get(0).timestampNanos();
        long previous = first;
        for (SipMessageRef m : refs) {
            int from = column(columnIndex, key(m.flow().src(), opts));
            int to = column(columnIndex, key(m.flow().dst(), opts));
            SipTransaction tx = m.transaction();
            int colour = tx == null ? 0 : colours.computeIfAbsent(tx, t -> colours.size());
            String sdp = null;
            if (m.sdp()) {
                String role = sdpRole(m, offerInRequest);
                sdp = summary(m, role, bytes);
            }
            String detail = "CSeq " + m.cseq() + " " + (m.cseqMethod() == null ? "" : m.cseqMethod());
            arrows.add(new LadderArrow(arrows.size(), from, to, m.label(), detail.strip(), m.timestampNanos(),
                    m.timestampNanos() - previous, colour, m.resent(), sdp, m));
            previous = m.timestampNanos();
        }
        List<LadderColumn> columns = new ArrayList<>(columnIndex.size());
        for (Map.Entry<String, Integer> e : columnIndex.entrySet()) {
            String alias = opts.aliases().get(e.getKey());
            columns.add(new LadderColumn(e.getValue(), e.getKey(), alias == null || alias.isBlank() ? e.getKey()
                    : alias));
        }
        return new LadderModel(columns, arrows, first);
    }

    /** The column key of an endpoint: "ip:port", or "ip" when ports are merged (IPv6 in brackets only with a port). */
    public static String key(Endpoint e, LadderOptions options) {
        return options.mergePorts() ? e.ip().toString() : e.toString();
    }

    private static int column(Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        if (i == null) {
            i = columns.size();
            columns.put(key, i);
        }
        return i;
    }

    /** RFC 3264 roles: an SDP in a request opens an offer (ACK and PRACK answer one); a response answers it. */
    private static String sdpRole(SipMessageRef m, Map<SipTransaction, Boolean> offerInRequest) {
        SipTransaction tx = m.transaction();
        if (m.request()) {
            if ("ACK".equals(m.method()) || "PRACK".equals(m.method())) {
                return "answer";
            }
            if (tx != null) {
                offerInRequest.put(tx, Boolean.TRUE);
            }
            return "offer";
        }
        if (tx != null && offerInRequest.containsKey(tx)) {
            return "answer";
        }
        SipMessageRef request = tx == null ? null : tx.request();
        return request != null && request.sdp() ? "answer" : "offer";
    }

    private static String summary(SipMessageRef m, String role, Function<SipMessageRef, byte[]> bytes) {
        if (bytes == null) {
            return null;
        }
        byte[] b = bytes.apply(m);
        if (b == null) {
            return null;
        }
        String media = SdpSummary.of(b);
        return media == null ? null : role + " " + media;
    }
}
