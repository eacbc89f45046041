package dev.parley.session.auth;

/** What a credential check concluded. */
public enum Verdict {
    /** The password reproduces what was sent on the wire. */
    MATCH,
    /** Everything needed was there and the password does not reproduce it. */
    MISMATCH,
    /** The check cannot be made: a field is missing or malformed, or the algorithm is not supported. */
    NOT_CHECKABLE
}
