package dev.parley.view.callflow;

import dev.parley.session.sip.CallState;
import dev.parley.view.callflow.Rows.Field;
import dev.parley.view.callflow.Rows.MediaRow;
import dev.parley.view.callflow.Rows.PagerRow;
import dev.parley.view.callflow.Rows.Party;
import dev.parley.view.callflow.Rows.TimelineRow;
import java.util.List;

/** Everything the call flow panel shows for one session, computed off the FX thread by {@link SessionSummarizer}. */
record SessionSummary(String kind, String headline, String state, Tone tone, CallState callState,
                      String postDialDelay, String setupTime, String ringTime, String duration,
                      String endedBy, String endReason, Party caller, Party callee,
                      List<TimelineRow> timeline, List<MediaRow> media, List<Field> details,
                      List<PagerRow> pagerMessages) {
}
