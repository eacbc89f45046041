package dev.parley.session.sip;

/**
 * What the REGISTER transactions of one Call-ID did: address of record, contact expiry, digest challenge and
 * outcome. Refreshes reuse the Call-ID, so the fields describe the latest attempt where that matters. A view over
 * its row of the {@link RegistrationTable}, made on demand.
 */
public final class SipRegistration {
    private final RegistrationTable registrations;
    private final int r;

    SipRegistration(RegistrationTable registrations, int r) {
        this.registrations = registrations;
        this.r = r;
    }

    /** To user of the first REGISTER. */
    public String addressOfRecord() {
        return registrations.addressOfRecord(r);
    }

    /** Contact expiry in seconds: granted by the last 2xx when it says, else asked by the last REGISTER; -1 unknown. */
    public int expires() {
        int granted = registrations.grantedExpires(r);
        return granted >= 0 ? granted : registrations.requestedExpires(r);
    }

    /** Expires asked by the last REGISTER that carried one, -1 if none. */
    public int requestedExpires() {
        return registrations.requestedExpires(r);
    }

    /** A 401 or 407 digest challenge was seen. */
    public boolean challenged() {
        return registrations.has(r, RegistrationTable.CHALLENGED);
    }

    /** A 2xx followed a challenge. */
    public boolean authorized() {
        return registrations.has(r, RegistrationTable.AUTHORIZED);
    }

    /** A final response >= 300 other than 401/407 was seen. */
    public boolean failed() {
        return registrations.has(r, RegistrationTable.FAILED);
    }

    /** A REGISTER asked for expires 0 (removal of the binding). */
    public boolean deregistration() {
        return registrations.has(r, RegistrationTable.DEREGISTRATION);
    }

    /** True when the last final response was a 2xx. */
    public boolean registered() {
        int last = lastStatus();
        return last >= 200 && last < 300 && !(deregistration() && requestedExpires() == 0);
    }

    /** Status code of the last final response, -1 if none. */
    public int lastStatus() {
        return registrations.lastStatus(r);
    }

    public String lastReason() {
        return registrations.lastReason(r);
    }

    /** Time of the last 2xx, -1 if none. */
    public long lastRegisteredNanos() {
        return registrations.lastRegisteredNanos(r);
    }
}
