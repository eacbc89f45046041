package dev.parley.view;

import dev.parley.session.auth.CheckResult;
import dev.parley.session.auth.Verdict;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;

/**
 * The state of one "Check password" control, shared by the SIP message detail and the POP3 session panel: whether
 * a check can be made and against what, and the last verdict as text. The typed password is never kept.
 */
public final class PasswordCheckState {
    private final ReadOnlyBooleanWrapper checkable = new ReadOnlyBooleanWrapper(this, "checkable");
    private final ReadOnlyStringWrapper how = new ReadOnlyStringWrapper(this, "how", "");
    private final ReadOnlyObjectWrapper<CheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    /** A new subject (message, session): whether it can be checked and what a check works on; no verdict yet. */
    public void offer(boolean canCheck, String what) {
        checkable.set(canCheck);
        how.set(what == null ? "" : what);
        result.set(null);
        text.set("");
    }

    public void clear() {
        offer(false, "");
    }

    /**
     * Checks {@code typed} with {@code check} and says the verdict: "MATCH: " or "MISMATCH: " followed by
     * {@code detail} of the verdict, "NOT CHECKABLE: reason". An empty password is not checked.
     */
    public CheckResult check(String typed, Function<String, CheckResult> check, Function<Verdict, String> detail) {
        CheckResult r = typed == null || typed.isEmpty() ? CheckResult.notCheckable("no password given")
                : check.apply(typed);
        result.set(r);
        text.set(r.verdict() == Verdict.NOT_CHECKABLE ? "NOT CHECKABLE: " + r.reason()
                : r.verdict() + ": " + detail.apply(r.verdict()));
        return r;
    }

    public ReadOnlyBooleanProperty checkableProperty() {
        return checkable.getReadOnlyProperty();
    }

    /** What a password is checked against, or why it cannot be. */
    public ReadOnlyStringProperty howProperty() {
        return how.getReadOnlyProperty();
    }

    /** The last verdict, null before a check and after a new subject. */
    public ReadOnlyObjectProperty<CheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "MATCH: ...", "MISMATCH: ...", "NOT CHECKABLE: reason", "" before a check. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Gives {@code label} the style class of the verdict ("verdict-match", ...), none without one. */
    public static void styleVerdict(Label label, CheckResult r) {
        label.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        if (r != null) {
            label.getStyleClass().add("verdict-" + r.verdict().name().toLowerCase(Locale.ROOT));
        }
    }
}
