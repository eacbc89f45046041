package dev.parley.session.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One request and its responses, keyed by the top Via branch and the CSeq (number and method), as RFC 3261
 * section 17 and Wireshark's {@code sip_hash_key} do. The ACK of a non-2xx final response shares the INVITE's
 * branch and is kept here as {@link #ack()}; CANCEL has the same branch but is a transaction of its own.
 * Retransmissions of the request or of a response are counted, not listed twice.
 */
public final class SipTransaction {
    private final String branch;
    private final long cseq;
    private final String method;
    private SipMessageRef request;
    private List<SipMessageRef> provisional = List.of(); // most transactions (ACK, many BYEs) have none
    private SipMessageRef finalResponse;
    private List<SipMessageRef> otherFinals = List.of();
    private SipMessageRef ack;
    private int retransmissions;

    SipTransaction(String branch, long cseq, String method) {
        this.branch = branch;
        this.cseq = cseq;
        this.method = method;
    }

    boolean matches(String otherBranch, long otherCseq, String otherMethod) {
        return cseq == otherCseq && Objects.equals(branch, otherBranch) && Objects.equals(method, otherMethod);
    }

    /** Adds a request or response; returns false when it repeats one already held (a retransmission). */
    boolean add(SipMessageRef m) {
        if (m.request()) {
            if (request == null) {
                request = m;
                return true;
            }
            retransmissions++;
            return false;
        }
        if (m.statusCode() < 200) {
            for (SipMessageRef p : provisional) {
                if (p.statusCode() == m.statusCode() && Objects.equals(p.toTag(), m.toTag())) {
                    retransmissions++;
                    return false;
                }
            }
            if (provisional.isEmpty()) {
                provisional = new ArrayList<>(2);
            }
            provisional.add(m);
            return true;
        }
        if (finalResponse == null) {
            finalResponse = m;
            return true;
        }
        if (sameResponse(finalResponse, m)) {
            retransmissions++;
            return false;
        }
        for (SipMessageRef f : otherFinals) {
            if (sameResponse(f, m)) {
                retransmissions++;
                return false;
            }
        }
        if (otherFinals.isEmpty()) {
            otherFinals = new ArrayList<>(1);
        }
        otherFinals.add(m); // forked 2xx from another UAS: a second final in one client transaction
        return true;
    }

    /** Keeps the ACK of a non-2xx final response; a repeated ACK counts as a retransmission. */
    void addAck(SipMessageRef m) {
        if (ack == null) {
            ack = m;
        } else {
            retransmissions++;
        }
    }

    private static boolean sameResponse(SipMessageRef a, SipMessageRef b) {
        return a.statusCode() == b.statusCode() && Objects.equals(a.toTag(), b.toTag());
    }

    public String branch() {
        return branch;
    }

    public long cseq() {
        return cseq;
    }

    /** The CSeq method: INVITE, CANCEL, BYE, ... (ACK for the ACK of a 2xx, which is a transaction of its own). */
    public String method() {
        return method;
    }

    /** The request, or null when only responses were captured. */
    public SipMessageRef request() {
        return request;
    }

    /** Distinct provisional responses (1xx), in arrival order. */
    public List<SipMessageRef> provisionalResponses() {
        return Collections.unmodifiableList(provisional);
    }

    /** The first final response (>= 200), or null while the transaction is pending. */
    public SipMessageRef finalResponse() {
        return finalResponse;
    }

    /** Further distinct final responses, e.g. 2xx from several forks of one INVITE. */
    public List<SipMessageRef> otherFinalResponses() {
        return Collections.unmodifiableList(otherFinals);
    }

    /** The ACK of a non-2xx final response to an INVITE, or null. */
    public SipMessageRef ack() {
        return ack;
    }

    /** Repeated requests and responses seen for this transaction (any transport). */
    public int retransmissions() {
        return retransmissions;
    }

    public boolean isCompleted() {
        return finalResponse != null;
    }

    /** Final status code, or -1 while pending. */
    public int finalStatus() {
        return finalResponse == null ? -1 : finalResponse.statusCode();
    }

    /** Capture time from the request to the first final response, or -1 when either is missing. */
    public long responseTimeNanos() {
        return request == null || finalResponse == null ? -1
                : finalResponse.timestampNanos() - request.timestampNanos();
    }

    @Override
    public String toString() {
        return "Transaction[" + cseq + " " + method + " branch=" + branch + " final=" + finalStatus() + "]";
    }
}
