package dev.parley.view.pop3;

import dev.parley.capture.file.OriginReader;
import dev.parley.decode.pop3.Pop3Exchange;
import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderOptions;
import dev.parley.diagram.Pop3LadderBuilder;
import dev.parley.session.pop3.Mail;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.view.mail.MailViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the main window shows for a selected POP3 session: the session panel, the mail viewer and the ladder, kept
 * together so the main view model only hands over the selection. Holds no Node; FX thread only.
 */
public final class Pop3ViewModel {
    private final Pop3SessionViewModel session = new Pop3SessionViewModel();
    private final MailViewModel mail = new MailViewModel();
    private final ReadOnlyObjectWrapper<Pop3Session> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyLongWrapper mailRequests = new ReadOnlyLongWrapper(this, "mailRequests");
    private List<Pop3Exchange> arrowExchanges = List.of();
    private OriginReader reader;

    public Pop3SessionViewModel session() {
        return session;
    }

    public MailViewModel mail() {
        return mail;
    }

    /** Shows a session (null clears); {@code reader} re-reads mails from the capture. */
    public void show(Pop3Session s, OriginReader originReader) {
        if (s == null) {
            clear();
            return;
        }
        if (s == shown.get() && originReader == reader) {
            return;
        }
        reader = originReader;
        shown.set(s);
        session.show(s, originReader);
        mail.clear();
        arrowExchanges = Pop3LadderBuilder.exchangesOfArrows(s);
        active.set(true);
    }

    public void clear() {
        shown.set(null);
        reader = null;
        session.clear();
        mail.clear();
        arrowExchanges = List.of();
        active.set(false);
    }

    /** The ladder of the shown session (secrets masked), empty when none. */
    public LadderModel ladder(LadderOptions options) {
        return shown.get() == null ? LadderModel.EMPTY : Pop3LadderBuilder.build(shown.get(), options);
    }

    /** An arrow of the ladder was selected: an arrow of a RETR or TOP exchange opens its mail. */
    public void arrowSelected(LadderArrow arrow) {
        Pop3Session s = shown.get();
        if (s == null || arrow == null || arrow.index() < 0 || arrow.index() >= arrowExchanges.size()) {
            return;
        }
        Pop3Exchange e = arrowExchanges.get(arrow.index());
        if (e.reply() == null || !(e.verb().equals("RETR") || e.verb().equals("TOP"))) {
            return;
        }
        for (Mail m : s.mails()) {
            if (m.frame() == e.reply().frame() && m.timestampNanos() == e.reply().timestampNanos()) {
                openMail(m);
                return;
            }
        }
    }

    /** Shows a mail in the viewer and asks the view to bring the viewer forward. */
    public void openMail(Mail m) {
        mail.show(m, reader);
        mailRequests.set(mailRequests.get() + 1);
    }

    /** A POP3 session is shown (the main window swaps its side panes). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pop3Session> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Counts {@link #openMail} calls; the view shows the mail tab on each change. */
    public ReadOnlyLongProperty mailRequestsProperty() {
        return mailRequests.getReadOnlyProperty();
    }
}
