package dev.parley.view;

import dev.parley.session.sip.SipCorrelator;
import dev.parley.session.sip.SipSession;
import dev.parley.view.sessions.SessionRow;
import java.util.ArrayList;
import java.util.List;

/** Copies the sessions the correlator appended since the last call, as rows for the list; loading thread only. */
final class RowCopier {
    private int published;
    private long droppedBefore;

    List<SessionRow> newRows(SipCorrelator sip) {
        List<SipSession> all = sip.sessions();
        long dropped = sip.statistics().droppedSessions();
        // evicted sessions shift the list left; the final refresh corrects any approximation here
        int start = (int) Math.max(0, published - (dropped - droppedBefore));
        droppedBefore = dropped;
        List<SessionRow> rows = new ArrayList<>(Math.max(0, all.size() - start));
        for (int i = start; i < all.size(); i++) {
            rows.add(SessionRow.of(i, all.get(i)));
        }
        published = all.size();
        return rows;
    }

    /** How many sessions were copied so far. */
    int published() {
        return published;
    }
}
