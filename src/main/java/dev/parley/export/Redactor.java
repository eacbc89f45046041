package dev.parley.export;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides who talked and their secrets in exported texts, diagrams and reports: user parts of SIP/SIPS/tel URIs (in
 * every header: From, To, Contact, P-Asserted-Identity, Request-URI...), display names, Digest usernames, responses,
 * nonces and cnonces, passwords (URI passwords and password= parameters), and the SDP origin's username.
 * Replacement is consistent within one Redactor, so one export keeps a readable flow: the same user is always
 * "user-1", the same phone number "tel-1", the same display name "name-1". Use one Redactor per export; not
 * thread-safe. Runs on exports only, never on the packet path, so regular expressions are fine here.
 */
public final class Redactor {
    /** The redactor that changes nothing. */
    public static final Redactor NONE = new Redactor(false);

    static final String SECRET = "redacted";
    private static final Pattern SIP_USER = Pattern.compile(
            "(?i)\\b(sips?|im|pres):([^@\\s;>:,\"?/]+)(?::([^@\\s;>,\"]*))?@");
    private static final Pattern TEL = Pattern.compile("(?i)\\btel:([+0-9A-F*#().\\-]+)");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?im)^((?:Proxy-)?Authorization|(?:WWW|Proxy)-Authenticate|Authentication-Info)[ \\t]*:.*$");
    private static final Pattern DIGEST_SECRET = Pattern.compile(
            "(?i)\\b(response|nonce|cnonce|nextnonce|rspauth)[ \\t]*=[ \\t]*(\"[^\"]*\"|[^,\\s]+)");
    private static final Pattern DIGEST_USER = Pattern.compile("(?i)\\b(username)[ \\t]*=[ \\t]*\"([^\"]*)\"");
    private static final Pattern BASIC = Pattern.compile("(?i)\\b(Basic)[ \\t]+([A-Za-z0-9+/=]+)");
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\b(password|passwd|pwd)=(\"[^\"]*\"|[^;\\s,&>]*)");
    private static final Pattern NAME_ADDR_HEADER = Pattern.compile(
            "(?im)^(From|f|To|t|Contact|m|P-Asserted-Identity|P-Preferred-Identity|Remote-Party-ID|Diversion"
                    + "|Referred-By|b|Refer-To|r|Reply-To|History-Info|P-Called-Party-ID)([ \\t]*:[ \\t]*)(.*)$");
    private static final Pattern DISPLAY = Pattern.compile("(^|,)([ \\t]*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^<,\"]*?)([ \\t]*<)");
    private static final Pattern SDP_ORIGIN = Pattern.compile("(?m)^o=(\\S+)");

    private final boolean active;
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private int userCount;
    private int telCount;

    private Redactor(boolean active) {
        this.active = active;
    }

    /** A fresh redactor: its placeholders start at 1. */
    public static Redactor create() {
        return new Redactor(true);
    }

    /** A fresh redactor when {@code redact}, else {@link #NONE}. */
    public static Redactor of(boolean redact) {
        return redact ? create() : NONE;
    }

    public boolean active() {
        return active;
    }

    /** The placeholder of a user name or number ("user-3", "tel-2"); null, empty and "-" stay as they are. */
    public String user(String user) {
        if (!active || user == null || user.isEmpty() || "-".equals(user)) {
            return user;
        }
        String key = user.toLowerCase(Locale.ROOT);
        String p = users.get(key);
        if (p == null) {
            p = phone(user) ? "tel-" + ++telCount : "user-" + ++userCount;
            users.put(key, p);
        }
        return p;
    }

    /** The placeholder of a display name ("name-1"). */
    public String displayName(String name) {
        if (!active || name == null || name.isBlank()) {
            return name;
        }
        return names.computeIfAbsent(name.strip(), k -> "name-" + (names.size() + 1));
    }

    /** A SIP message (or any text with SIP headers and SDP) with users, numbers and credentials replaced. */
    public String message(String text) {
        if (!active || text == null) {
            return text;
        }
        String s = replace(AUTH_HEADER, text, m -> {
            String line = replace(DIGEST_SECRET, m.group(), d -> d.group(1) + "=\"" + SECRET + "\"");
            line = replace(DIGEST_USER, line, d -> d.group(1) + "=\"" + user(d.group(2)) + "\"");
            return replace(BASIC, line, d -> d.group(1) + " " + SECRET);
        });
        s = replace(NAME_ADDR_HEADER, s, m -> m.group(1) + m.group(2) + replace(DISPLAY, m.group(3), d -> {
            String name = d.group(3);
            if (name.isBlank()) {
                return d.group();
            }
            boolean quoted = name.startsWith("\"");
            String bare = quoted ? name.substring(1, name.length() - 1) : name;
            return d.group(1) + d.group(2) + "\"" + displayName(bare) + "\"" + d.group(4);
        }));
        s = replace(SIP_USER, s, m -> m.group(1) + ":" + user(m.group(2))
                + (m.group(3) == null ? "" : ":" + SECRET) + "@");
        s = replace(TEL, s, m -> m.group().substring(0, 4) + user(m.group(1)));
        s = replace(PASSWORD, s, m -> m.group(1) + "=" + SECRET);
        return replace(SDP_ORIGIN, s, m -> "o=" + user(m.group(1)));
    }

    /** A free text line (e.g. a legend) with the URIs in it redacted; plain words are left alone. */
    public String text(String text) {
        return message(text);
    }

    /** Digits with the usual number punctuation, at least three digits: a phone number rather than a name. */
    static boolean phone(String user) {
        int digits = 0;
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+-.() *#".indexOf(c) < 0) {
                return false;
            }
        }
        return digits >= 3;
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(b);
        return b.toString();
    }
}
