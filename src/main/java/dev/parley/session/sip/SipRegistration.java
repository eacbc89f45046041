package dev.parley.session.sip;

import dev.parley.decode.sip.SipSummary;

/**
 * What the REGISTER transactions of one Call-ID did: address of record, contact expiry, digest challenge and
 * outcome. Refreshes reuse the Call-ID, so the fields describe the latest attempt where that matters.
 */
public final class SipRegistration {
    private String addressOfRecord;
    private int requestedExpires = -1;
    private int grantedExpires = -1;
    private boolean challenged;
    private boolean authorized;
    private boolean failed;
    private boolean deregistration;
    private int lastStatus = -1;
    private String lastReason;
    private long lastRegisteredNanos = -1;

    SipRegistration() {
    }

    void update(MessageFacts f, Interner people) {
        SipSummary s = f.sip;
        if (f.request) {
            if ("REGISTER".equals(f.method)) {
                if (addressOfRecord == null) {
                    addressOfRecord = people.intern(s.toUser());
                }
                if (s.expires() >= 0) {
                    requestedExpires = s.expires();
                    deregistration |= s.expires() == 0;
                }
            }
            return;
        }
        if (!"REGISTER".equals(f.cseqMethod) || f.status < 200) {
            return;
        }
        int code = f.status;
        lastStatus = code;
        lastReason = f.reasonPhrase;
        if (code == 401 || code == 407) {
            challenged = true;
        } else if (code < 300) {
            authorized |= challenged;
            if (s.expires() >= 0) {
                grantedExpires = s.expires();
            }
            lastRegisteredNanos = f.nanos;
        } else {
            failed = true;
        }
    }

    /** To user of the first REGISTER. */
    public String addressOfRecord() {
        return addressOfRecord;
    }

    /** Contact expiry in seconds: granted by the last 2xx when it says, else asked by the last REGISTER; -1 unknown. */
    public int expires() {
        return grantedExpires >= 0 ? grantedExpires : requestedExpires;
    }

    /** Expires asked by the last REGISTER that carried one, -1 if none. */
    public int requestedExpires() {
        return requestedExpires;
    }

    /** A 401 or 407 digest challenge was seen. */
    public boolean challenged() {
        return challenged;
    }

    /** A 2xx followed a challenge. */
    public boolean authorized() {
        return authorized;
    }

    /** A final response >= 300 other than 401/407 was seen. */
    public boolean failed() {
        return failed;
    }

    /** A REGISTER asked for expires 0 (removal of the binding). */
    public boolean deregistration() {
        return deregistration;
    }

    /** True when the last final response was a 2xx. */
    public boolean registered() {
        return lastStatus >= 200 && lastStatus < 300 && !(deregistration && requestedExpires == 0);
    }

    /** Status code of the last final response, -1 if none. */
    public int lastStatus() {
        return lastStatus;
    }

    public String lastReason() {
        return lastReason;
    }

    /** Time of the last 2xx, -1 if none. */
    public long lastRegisteredNanos() {
        return lastRegisteredNanos;
    }
}
