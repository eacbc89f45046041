package dev.parley.session.sip;


/**
 * What the REGISTER transactions of each Call-ID did, one row per registration in columns instead of one
 * {@link SipRegistration} object each ({@link SipRegistration} is a view made on demand, see {@link CallTable} for
 * why): address of record, contact expiry, digest challenge and outcome. Refreshes reuse the Call-ID, so the row
 * describes the latest attempt where that matters. Kept for an evicted session's shell, as its call is.
 */
final class RegistrationTable {
    static final int CHALLENGED = 1;
    static final int AUTHORIZED = 2;
    static final int FAILED = 4;
    static final int DEREGISTRATION = 8;

    private int count;
    private final PagedColumn.Ints flags = new PagedColumn.Ints();
    private final PagedColumn.Ints requestedExpires = new PagedColumn.Ints();
    private final PagedColumn.Ints grantedExpires = new PagedColumn.Ints();
    private final PagedColumn.Ints lastStatus = new PagedColumn.Ints();
    private final PagedColumn.Longs lastRegistered = new PagedColumn.Longs();
    private final PagedColumn.Refs<String> addressOfRecord = new PagedColumn.Refs<>();
    private final PagedColumn.Refs<String> lastReason = new PagedColumn.Refs<>();

    /** A registration with nothing seen yet; returns its number. Every column is written (none reads unset). */
    int add() {
        int r = count++;
        requestedExpires.set(r, -1);
        grantedExpires.set(r, -1);
        lastStatus.set(r, -1);
        lastRegistered.set(r, -1);
        flags.set(r, 0);
        addressOfRecord.set(r, null);
        lastReason.set(r, null);
        return r;
    }

    /** Takes in one REGISTER or response of the Call-ID. */
    void update(int r, MessageFacts f, Interner people) {
        if (f.request) {
            if ("REGISTER".equals(f.method)) {
                if (addressOfRecord.get(r) == null) {
                    addressOfRecord.set(r, f.toUser(people));
                }
                int expires = f.expires();
                if (expires >= 0) {
                    requestedExpires.set(r, expires);
                    if (expires == 0) {
                        flags.set(r, flags.get(r) | DEREGISTRATION);
                    }
                }
            }
            return;
        }
        if (!"REGISTER".equals(f.cseqMethod) || f.status < 200) {
            return;
        }
        int code = f.status;
        lastStatus.set(r, code);
        lastReason.set(r, f.reasonPhrase);
        int bits = flags.get(r);
        if (code == 401 || code == 407) {
            bits |= CHALLENGED;
        } else if (code < 300) {
            if ((bits & CHALLENGED) != 0) {
                bits |= AUTHORIZED;
            }
            int expires = f.expires();
            if (expires >= 0) {
                grantedExpires.set(r, expires);
            }
            lastRegistered.set(r, f.nanos);
        } else {
            bits |= FAILED;
        }
        flags.set(r, bits);
    }

    boolean has(int r, int flag) {
        return (flags.get(r) & flag) != 0;
    }

    String addressOfRecord(int r) {
        return addressOfRecord.get(r);
    }

    int requestedExpires(int r) {
        return requestedExpires.get(r);
    }

    int grantedExpires(int r) {
        return grantedExpires.get(r);
    }

    int lastStatus(int r) {
        return lastStatus.get(r);
    }

    String lastReason(int r) {
        return lastReason.get(r);
    }

    long lastRegisteredNanos(int r) {
        return lastRegistered.get(r);
    }
}
