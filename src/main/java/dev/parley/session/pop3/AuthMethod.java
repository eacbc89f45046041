package dev.parley.session.pop3;

/** How a client logged in (or tried to). */
public enum AuthMethod {
    USER_PASS("USER/PASS"), APOP("APOP"), PLAIN("AUTH PLAIN"), LOGIN("AUTH LOGIN"), CRAM_MD5("AUTH CRAM-MD5"),
    XOAUTH2("AUTH XOAUTH2"), OTHER_SASL("AUTH");

    private final String displayName;

    AuthMethod(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
