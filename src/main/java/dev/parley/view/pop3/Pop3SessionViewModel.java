package dev.parley.view.pop3;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.Anomaly;
import dev.parley.decode.mime.MimeMessage;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.decode.pop3.Pop3Reply;
import dev.parley.diagram.Pop3LadderBuilder;
import dev.parley.session.auth.CheckResult;
import dev.parley.view.PasswordCheckState;
import dev.parley.session.auth.Secrets;
import dev.parley.session.auth.Verdict;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.MailboxEntry;
import dev.parley.session.pop3.Pop3Login;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.pop3.Pop3StateChange;
import dev.parley.view.pop3.Pop3Rows.ExchangeRow;
import dev.parley.view.pop3.Pop3Rows.MailRow;
import dev.parley.view.pop3.Pop3Rows.TimelineRow;
import dev.parley.view.sessions.SessionRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The POP3 session panel's state: headline and outcome, the state timeline, the login (password masked until
 * {@link #revealPasswordProperty()} is set), the password check, capabilities, maildrop, mailbox, retrieved mails,
 * response times and anomalies. Holds no Node; FX thread only, after loading.
 */
public final class Pop3SessionViewModel {
    /** Mails whose subject is read for the list; beyond, the subject shows when the mail is opened. */
    static final int SUBJECTS_READ = 200;

    private final ReadOnlyObjectWrapper<Pop3Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user", "");
    private final ReadOnlyStringWrapper method = new ReadOnlyStringWrapper(this, "method", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper password = new ReadOnlyStringWrapper(this, "password", "");
    private final ReadOnlyBooleanWrapper hasPassword = new ReadOnlyBooleanWrapper(this, "hasPassword");
    private final BooleanProperty revealPassword = new SimpleBooleanProperty(this, "revealPassword");
    private final PasswordCheckState passwordCheck = new PasswordCheckState();
    private final ReadOnlyStringWrapper capabilities = new ReadOnlyStringWrapper(this, "capabilities", "");
    private final ReadOnlyStringWrapper maildrop = new ReadOnlyStringWrapper(this, "maildrop", "");
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<MailboxEntry> mailbox = FXCollections.observableArrayList();
    private final ObservableList<MailRow> mails = FXCollections.observableArrayList();
    private final ObservableList<ExchangeRow> exchanges = FXCollections.observableArrayList();
    private final ObservableList<String> anomalies = FXCollections.observableArrayList();

    public Pop3SessionViewModel() {
        revealPassword.addListener((o, a, b) -> updatePassword());
    }

    /** Shows a loaded session; {@code reader} re-reads mails for their subjects (may be null: no subjects). */
    public void show(Pop3Session s, OriginReader reader) {
        if (s == null) {
            clear();
            return;
        }
        session.set(s);
        revealPassword.set(false);
        String who = s.user() == null ? "(no user)" : s.user();
        headline.set("POP3 session " + s.index() + ": " + who + " @ " + s.server());
        outcome.set(SessionRow.pop3State(s));
        StringBuilder f = new StringBuilder();
        f.append(s.client()).append(" \u2192 ").append(s.server()).append("   ")
                .append(SessionRow.formatDuration(s.durationNanos())).append(", frames ").append(s.firstFrame())
                .append('-').append(s.lastFrame()).append(", ").append(s.commandCount()).append(" commands");
        if (!s.deleted().isEmpty()) {
            f.append("\nDeleted ").append(s.deleted()).append(s.deletionsCommitted() ? ": committed (QUIT in TRANSACTION)"
                    : ": NOT committed (no QUIT +OK in TRANSACTION)");
        }
        if (s.greeting() != null) {
            f.append("\nGreeting: +OK ").append(s.greeting());
        }
        facts.set(f.toString());

        List<TimelineRow> states = new ArrayList<>();
        for (Pop3StateChange c : s.timeline()) {
            states.add(new TimelineRow(c.state().name(), relative(s, c.timestampNanos()), c.frame()));
        }
        if (s.cutOff()) {
            states.add(new TimelineRow("CUT OFF", relative(s, s.lastNanos()), s.lastFrame()));
        }
        timeline.setAll(states);

        Pop3Login l = s.login();
        user.set(l == null || l.user() == null ? "" : l.user());
        method.set(l == null ? "no login" : l.method().displayName() + (l.mechanism() == null ? ""
                : l.method() == dev.parley.session.pop3.AuthMethod.OTHER_SASL ? " " + l.mechanism() : ""));
        result.set(l == null ? "" : l.result().name() + (s.logins().size() > 1 ? " (" + s.logins().size()
                + " attempts)" : ""));
        hasPassword.set(l != null && l.password() != null);
        updatePassword();
        String reason = PasswordCheck.notCheckableReason(s, l);
        passwordCheck.offer(reason == null, reason == null ? "Checks " + PasswordCheck.how(l) : "Not checkable: " + reason);

        capabilities.set(s.capabilities().isEmpty() ? "(no CAPA)" : String.join(", ", s.capabilities()));
        maildrop.set(s.maildropMessages() < 0 ? "(no STAT)"
                : s.maildropMessages() + " messages, " + s.maildropOctets() + " octets");
        mailbox.setAll(s.mailbox());
        mails.setAll(mailRows(s, reader));
        exchanges.setAll(exchangeRows(s));
        List<String> found = new ArrayList<>();
        for (Anomaly a : s.anomalies()) {
            found.add("frame " + a.frame() + "  " + a.severity() + "  " + a.code() + ": " + a.message());
        }
        anomalies.setAll(found);
    }

    public void clear() {
        session.set(null);
        headline.set("");
        outcome.set("");
        facts.set("");
        user.set("");
        method.set("");
        result.set("");
        revealPassword.set(false);
        hasPassword.set(false);
        password.set("");
        passwordCheck.clear();
        capabilities.set("");
        maildrop.set("");
        timeline.clear();
        mailbox.clear();
        mails.clear();
        exchanges.clear();
        anomalies.clear();
    }

    /** Checks a typed password against the session's login; the result is also in {@link #checkResultProperty()}. */
    public CheckResult checkPassword(String typed) {
        Pop3Session s = session.get();
        return passwordCheck.check(typed, p -> s == null ? CheckResult.notCheckable("no session")
                        : PasswordCheck.check(s, s.login(), p),
                v -> v == Verdict.MATCH ? "this is the password" : "not this password");
    }

    private void updatePassword() {
        Pop3Session s = session.get();
        Pop3Login l = s == null ? null : s.login();
        String secret = l == null ? null : l.password();
        password.set(secret == null ? (l == null ? "" : "(not sent in clear)")
                : Secrets.show(secret, revealPassword.get()));
    }

    private static List<MailRow> mailRows(Pop3Session s, OriginReader reader) {
        List<MailRow> out = new ArrayList<>(s.mails().size());
        int read = 0;
        for (Mail m : s.mails()) {
            String subject = "";
            if (read++ < SUBJECTS_READ && (reader != null || m.bytesKept())) {
                try {
                    MimeMessage mime = m.mime(reader);
                    subject = mime.subject() == null ? "" : mime.subject();
                } catch (IOException | RuntimeException e) {
                    subject = "(unreadable: " + e.getMessage() + ")";
                }
            }
            out.add(new MailRow(m, m.number(), m.partial() ? "TOP " + m.topLines() : "RETR", m.size(), subject));
        }
        return out;
    }

    private static List<ExchangeRow> exchangeRows(Pop3Session s) {
        List<ExchangeRow> out = new ArrayList<>();
        for (Pop3Exchange e : s.exchanges()) {
            if (e.command() == null) {
                continue;
            }
            Pop3Reply r = e.reply();
            String reply = r == null ? "(no reply)" : r.status().wire() + (r.text().isEmpty() ? "" : " " + r.text());
            long rt = e.responseTimeNanos();
            out.add(new ExchangeRow(e.command().frame(), relative(s, e.command().timestampNanos()),
                    Pop3LadderBuilder.commandLabel(e.command(), false), reply,
                    rt < 0 ? "" : millis(rt)));
        }
        return out;
    }

    static String relative(Pop3Session s, long nanos) {
        return "+" + SessionRow.formatDuration(Math.max(0, nanos - s.firstNanos()));
    }

    static String millis(long nanos) {
        long us = nanos / 1000;
        return us / 1000 + "." + (us % 1000 < 100 ? (us % 1000 < 10 ? "00" : "0") : "") + us % 1000 + " ms";
    }

    public ReadOnlyObjectProperty<Pop3Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "UPDATE", "QUIT", "AUTH FAILED", "STLS", "CUT OFF" (as in the session list). */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Route, duration, frames, deletions, greeting: a few lines. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty methodProperty() {
        return method.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The clear-text password as {@link Secrets#MASK} until revealed, or why there is none. */
    public ReadOnlyStringProperty passwordProperty() {
        return password.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPasswordProperty() {
        return hasPassword.getReadOnlyProperty();
    }

    /** Show the clear-text password (the user asked); reset to false for every session shown. */
    public BooleanProperty revealPasswordProperty() {
        return revealPassword;
    }

    public ReadOnlyBooleanProperty checkableProperty() {
        return passwordCheck.checkableProperty();
    }

    /** How the check works, or why it cannot be made. */
    public ReadOnlyStringProperty checkHowProperty() {
        return passwordCheck.howProperty();
    }

    public ReadOnlyObjectProperty<CheckResult> checkResultProperty() {
        return passwordCheck.resultProperty();
    }

    /** "MATCH: ...", "MISMATCH: ...", "NOT CHECKABLE: reason", "" before a check. */
    public ReadOnlyStringProperty checkTextProperty() {
        return passwordCheck.textProperty();
    }

    public ReadOnlyStringProperty capabilitiesProperty() {
        return capabilities.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maildropProperty() {
        return maildrop.getReadOnlyProperty();
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ObservableList<MailboxEntry> mailbox() {
        return mailbox;
    }

    public ObservableList<MailRow> mails() {
        return mails;
    }

    public ObservableList<ExchangeRow> exchanges() {
        return exchanges;
    }

    public ObservableList<String> anomalies() {
        return anomalies;
    }
}
