package dev.parley.export;

import dev.parley.diagram.LadderArrow;
import dev.parley.diagram.LadderColumn;
import dev.parley.diagram.LadderLayout;
import dev.parley.diagram.LadderModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The ladder as plain text, one line per message like {@code tshark -z flow,sip}: the time, the columns' life lines,
 * the arrow with its label, then the CSeq, the SDP summary and a resent mark. Pure ASCII except for texts taken from
 * the messages, so it pastes into any ticket.
 *
 * <pre>
 * Time        127.0.0.1:5070     127.0.0.1:5060
 *                   |                  |
 * 0.000000          |----- INVITE ----&gt;|  CSeq 1 INVITE; offer PCMU/8000 @ 127.0.0.1:6004
 * 0.000196          |&lt;-- 100 Trying ---|  CSeq 1 INVITE
 * </pre>
 */
final class TextExporter {
    private static final int MIN_GAP = 12;
    private static final int MAX_GAP = 48;

    private TextExporter() {
    }

    static void write(Diagram diagram, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text(diagram));
        w.flush();
    }

    static String text(Diagram diagram) {
        LadderModel m = diagram.model();
        List<LadderColumn> columns = m.columns();
        int n = columns.size();
        int gutter = "Time".length();
        for (LadderArrow a : m.arrows()) {
            gutter = Math.max(gutter, LadderLayout.relativeTime(m, a).length());
        }
        gutter += 2;
        int[] gaps = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            int here = header(columns.get(i));
            int next = i + 1 < n ? header(columns.get(i + 1)) : 0;
            gaps[i] = Math.max(MIN_GAP, (here + 1) / 2 + (next + 1) / 2 + 3);
        }
        for (LadderArrow a : m.arrows()) {
            int lo = Math.min(a.from(), a.to());
            int hi = Math.max(a.from(), a.to());
            if (a.self()) {
                gaps[lo] = Math.max(gaps[lo], label(a).length() + 7);
            } else if (hi - lo == 1) {
                gaps[lo] = Math.max(gaps[lo], label(a).length() + 8);
            }
        }
        int[] x = new int[n];
        int at = gutter + (n == 0 ? 0 : Math.max(1, (header(columns.get(0)) + 1) / 2));
        for (int i = 0; i < n; i++) {
            x[i] = at;
            at += Math.min(gaps[i], MAX_GAP);
        }
        int width = n == 0 ? gutter : x[n - 1] + (header(columns.get(n - 1)) + 1) / 2 + 2;
        for (LadderArrow a : m.arrows()) {
            if (a.self() && a.from() == n - 1) {
                width = Math.max(width, x[n - 1] + label(a).length() + 6);
            }
        }

        StringBuilder out = new StringBuilder();
        char[] line = new char[width];
        blank(line);
        put(line, 0, "Time");
        for (LadderColumn c : columns) {
            centre(line, x[c.index()], c.label());
        }
        out.append(trim(line)).append('\n');
        if (columns.stream().anyMatch(LadderColumn::aliased)) {
            blank(line);
            for (LadderColumn c : columns) {
                if (c.aliased()) {
                    centre(line, x[c.index()], c.key());
                }
            }
            out.append(trim(line)).append('\n');
        }
        lifeLines(line, x);
        out.append(trim(line)).append('\n');
        for (LadderArrow a : m.arrows()) {
            lifeLines(line, x);
            put(line, 0, LadderLayout.relativeTime(m, a));
            arrow(line, x, a);
            out.append(trim(line));
            StringBuilder note = new StringBuilder();
            if (a.detail() != null && !a.detail().isEmpty()) {
                note.append(a.detail());
            }
            if (a.sdp() != null) {
                note.append(note.length() > 0 ? "; " : "").append(a.sdp());
            }
            if (a.resent()) {
                note.append(note.length() > 0 ? "; " : "").append("resent");
            }
            if (note.length() > 0) {
                int pad = width + 2 - trim(line).length();
                out.append(" ".repeat(Math.max(2, pad))).append(note);
            }
            out.append('\n');
        }
        if (m.isEmpty()) {
            out.append("(no messages)\n");
        }
        if (!diagram.legend().isEmpty()) {
            out.append('\n');
            for (String l : diagram.legend()) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static int header(LadderColumn c) {
        return Math.max(c.label().length(), c.aliased() ? c.key().length() : 0);
    }

    private static String label(LadderArrow a) {
        return a.label() == null ? "" : a.label();
    }

    private static void arrow(char[] line, int[] x, LadderArrow a) {
        int from = x[a.from()];
        String label = label(a);
        if (a.self()) {
            put(line, from + 1, "<-' " + label);
            return;
        }
        int to = x[a.to()];
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        char dash = a.resent() ? '.' : '-';
        for (int i = lo + 1; i < hi; i++) {
            line[i] = dash;
        }
        if (to > from) {
            line[hi - 1] = '>';
        } else {
            line[lo + 1] = '<';
        }
        int room = hi - lo - 5;
        if (label.length() > room) {
            label = room > 3 ? label.substring(0, room - 3) + "..." : "";
        }
        if (!label.isEmpty()) {
            put(line, lo + 1 + (hi - lo - 1 - (label.length() + 2)) / 2, " " + label + " ");
        }
    }

    private static void lifeLines(char[] line, int[] x) {
        blank(line);
        for (int c : x) {
            line[c] = '|';
        }
    }

    private static void blank(char[] line) {
        Arrays.fill(line, ' ');
    }

    private static void centre(char[] line, int x, String text) {
        put(line, Math.max(0, x - text.length() / 2), text);
    }

    private static void put(char[] line, int at, String text) {
        for (int i = 0; i < text.length() && at + i < line.length; i++) {
            if (at + i >= 0) {
                line[at + i] = text.charAt(i);
            }
        }
    }

    private static String trim(char[] line) {
        int end = line.length;
        while (end > 0 && line[end - 1] == ' ') {
            end--;
        }
        return new String(line, 0, end);
    }
}
