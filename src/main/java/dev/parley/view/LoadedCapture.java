package dev.parley.view;

import dev.parley.decode.Anomaly;
import dev.parley.session.CaptureModel;
import dev.parley.session.pop3.Pop3Session;
import dev.parley.session.sip.SipSession;
import dev.parley.view.sessions.SessionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a finished load hands to the FX thread, prepared on the loading thread so that the FX thread only applies it:
 * the model, its sessions and their final rows (SIP, then POP3), and the anomalies in frame order.
 *
 * @param anomalies     the anomalies kept, by frame
 * @param anomalyTotal  every anomaly found, counting those past the kept ones
 */
record LoadedCapture(CaptureModel model, List<SipSession> sessions, List<Pop3Session> pop3Sessions,
                     List<SessionRow> rows, List<Anomaly> anomalies, long anomalyTotal) {

    /** Loading thread: copies the rows and gathers the anomalies of a loaded model. */
    static LoadedCapture of(CaptureModel loaded) {
        List<SipSession> all = loaded.sip().sessions();
        List<Pop3Session> pop3 = loaded.pop3() == null ? List.of() : loaded.pop3().sessions();
        List<SessionRow> rows = new ArrayList<>(all.size() + pop3.size());
        for (int i = 0; i < all.size(); i++) {
            rows.add(SessionRow.of(i, all.get(i)));
        }
        for (Pop3Session p : pop3) {
            rows.add(SessionRow.of(p));
        }
        List<Anomaly> found = new ArrayList<>(loaded.anomalies().anomalies());
        found.addAll(loaded.sip().anomalies());
        found.sort(Comparator.comparingLong(Anomaly::frame));
        long total = loaded.anomalies().total() + loaded.sip().anomalies().size();
        return new LoadedCapture(loaded, all, pop3, rows, found, total);
    }
}
