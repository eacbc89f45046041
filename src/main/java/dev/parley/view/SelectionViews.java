package dev.parley.view;

import dev.parley.capture.file.OriginReader;
import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderModel;
import dev.parley.diagram.LadderModelBuilder;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipMessageRef;
import dev.parley.session.sip.SipSession;
import dev.parley.view.callflow.CallFlowViewModel;
import dev.parley.view.ladder.LadderViewModel;
import dev.parley.view.message.MessageDetailViewModel;
import dev.parley.view.pop3.Pop3ViewModel;
import dev.parley.view.sessions.SessionListViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the selected sessions show: their ladder (columns named by {@link ColumnNaming}), the detail of the ladder's
 * selected message, the call flow of the first selected call, and the POP3 panel when only POP3 sessions are
 * selected. Message bytes the loader did not keep are re-read from the capture. {@link MainViewModel} decides when it
 * is safe to show (a live capture's sessions change under the views); this class only shows. FX thread only.
 */
final class SelectionViews {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionViews.class);

    private final SessionListViewModel sessionList;
    final ColumnNaming naming;
    final LadderViewModel ladder = new LadderViewModel();
    final MessageDetailViewModel detail = new MessageDetailViewModel();
    final CallFlowViewModel callFlow = new CallFlowViewModel();
    final Pop3ViewModel pop3 = new Pop3ViewModel();
    private OriginReader reader;

    /** @param portsChanged runs when the merge-ports choice changes (alias changes rebuild the ladder at once) */
    SelectionViews(SessionListViewModel sessionList, Runnable portsChanged) {
        this.sessionList = sessionList;
        this.naming = new ColumnNaming(portsChanged, this::rebuild);
        ladder.selectedArrowProperty().addListener((o, a, arrow) -> showArrow(arrow));
    }

    /** Message bytes are re-read from this capture from now on. */
    void readFrom(Path capture) {
        closeReader();
        reader = new OriginReader(capture);
    }

    /** Shows nothing, and forgets the capture. */
    void clear() {
        ladder.show(LadderModel.EMPTY);
        detail.clear();
        callFlow.clear();
        pop3.clear();
        closeReader();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("closing the reader", e);
            }
            reader = null;
        }
    }

    /** The bytes of a message: kept by the loader, else re-read from the capture; null when unreadable. */
    byte[] bytes(SipMessageRef ref) {
        if (ref == null) {
            return null;
        }
        if (ref.bytes() != null) {
            return ref.bytes();
        }
        if (reader == null || ref.origin() == null) {
            return null;
        }
        try {
            return reader.read(ref.origin());
        } catch (IOException e) {
            LOG.warn("cannot re-read message {}: {}", ref, e.getMessage());
            return null;
        }
    }

    /** Shows the selection anew: ladder (first message selected), call flow, or the POP3 panel. */
    void show() {
        List<SipSession> selected = new ArrayList<>(sessionList.selectedSessions());
        if (selected.isEmpty()) {
            ladder.show(LadderModel.EMPTY);
            detail.clear();
            callFlow.clear();
            showPop3();
            return;
        }
        pop3.clear();
        LadderModel built = LadderModelBuilder.build(selected, naming.ladderOptions(), this::bytes);
        ladder.show(built);
        callFlow.show(selected.get(0), this::bytes);
        if (!built.isEmpty()) {
            ladder.select(0);
        }
    }

    /** Rebuilds the ladder of the selected sessions (new column naming), keeping the selected message selected. */
    void rebuild() {
        List<SipSession> selected = new ArrayList<>(sessionList.selectedSessions());
        if (selected.isEmpty()) {
            if (pop3.activeProperty().get()) {
                ladder.show(pop3.ladder(naming.ladderOptions()));
            }
            return;
        }
        LadderArrow was = ladder.getSelectedArrow();
        ladder.show(LadderModelBuilder.build(selected, naming.ladderOptions(), this::bytes));
        if (was != null && was.message() != null) {
            ladder.selectMessage(was.message());
        }
    }

    /** A POP3 session selected without any SIP one: its ladder, session panel and mail viewer. */
    private void showPop3() {
        List<Pop3Session> p = sessionList.selectedPop3Sessions();
        pop3.show(p.isEmpty() ? null : p.get(0), reader);
        if (pop3.activeProperty().get()) {
            ladder.show(pop3.ladder(naming.ladderOptions()));
        }
    }

    private void showArrow(LadderArrow arrow) {
        if (pop3.activeProperty().get()) {
            pop3.arrowSelected(arrow);
        }
        if (arrow == null) {
            detail.clear();
        } else {
            detail.show(arrow.message(), bytes(arrow.message()));
        }
    }
}
