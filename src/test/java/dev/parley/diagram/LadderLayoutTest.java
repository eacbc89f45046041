package dev.parley.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderLayoutTest {
    private static final LadderMetrics METRICS = LadderMetrics.DEFAULT;

    /** A ladder of n arrows over the given number of columns, with self-arrows and long labels mixed in. */
    static LadderModel synthetic(int n, int columnCount) {
        List<LadderColumn> columns = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            columns.add(new LadderColumn(c, "10.0.0." + c + ":5060", "10.0.0." + c + ":5060"));
        }
        List<LadderArrow> arrows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = i % columnCount;
            int to = i % 7 == 0 ? from : (i * 3 + 1) % columnCount;
            String sdp = i % 5 == 0 ? "offer PCMU/8000 PCMA/8000 G722/8000 @ 10.0.0.1:6000" : null;
            arrows.add(new LadderArrow(i, from, to, i % 2 == 0 ? "INVITE" : "183 Session Progress",
                    "CSeq " + i + " INVITE", 1_000_000L * i, i == 0 ? 0 : 1_000_000L, i % 3, i % 11 == 0, sdp,
                    null));
        }
        return new LadderModel(columns, arrows, 0);
    }

    @Test
    void rowsGoDownAndColumnsFitInTheWidth() {
        LadderLayout l = LadderLayout.of(Samples.firstUdpCall(), METRICS);

        assertThat(l.columnCount()).isEqualTo(2);
        assertThat(l.columnX(0)).isGreaterThan(l.gutterRight());
        assertThat(l.columnX(1)).isGreaterThan(l.columnX(0) + l.headerBoxWidth());
        assertThat(l.columnX(1) + l.headerBoxWidth() / 2).isLessThanOrEqualTo(l.width());
        for (int i = 1; i < 7; i++) {
            assertThat(l.rowTop(i)).isGreaterThan(l.rowTop(i - 1));
            assertThat(l.arrowY(i)).isGreaterThan(l.arrowY(i - 1));
        }
        for (int i = 0; i < 7; i++) {
            assertThat(l.labelBaseline(i)).isBetween(l.rowTop(i), l.arrowY(i));
            assertThat(l.smallBaseline(i)).isBetween(l.arrowY(i), l.rowTop(i) + l.rowHeight());
        }
        assertThat(l.rowTop(0)).isEqualTo(l.headerHeight());
        assertThat(l.height()).isGreaterThanOrEqualTo(l.rowTop(6) + l.rowHeight());
    }

    @Test
    void labelsAndSdpFitBetweenTheirColumns() {
        LadderModel m = Samples.firstUdpCall();
        LadderLayout l = LadderLayout.of(m, METRICS);

        for (LadderArrow a : m.arrows()) {
            double text = METRICS.textWidth(a.label()) + METRICS.smallTextWidth(" " + a.detail());
            assertThat(l.textRoom(a)).as(a.label()).isGreaterThanOrEqualTo(text);
            if (a.sdp() != null) {
                assertThat(l.textRoom(a)).isGreaterThanOrEqualTo(METRICS.smallTextWidth(a.sdp()));
            }
            double x = l.textX(a, text);
            assertThat(x).isGreaterThanOrEqualTo(Math.min(l.arrowStartX(a), l.arrowEndX(a)));
            assertThat(x + text).isLessThanOrEqualTo(Math.max(l.arrowStartX(a), l.arrowEndX(a)));
        }
    }

    @Test
    void hitTestingAndVisibleRangesAreConsistent() {
        LadderModel m = synthetic(5000, 9);
        LadderLayout l = LadderLayout.of(m, METRICS);

        assertThat(l.arrowAt(l.headerHeight() - 1)).isEqualTo(-1);
        assertThat(l.arrowAt(l.arrowY(0))).isZero();
        assertThat(l.arrowAt(l.arrowY(2345))).isEqualTo(2345);
        assertThat(l.arrowAt(l.rowTop(4999) + l.rowHeight() + 1)).isEqualTo(-1);

        double top = l.rowTop(1000) + 3; // a viewport scrolled into row 1000
        int first = l.firstVisible(top);
        int end = l.endVisible(top, 600);
        assertThat(first).isEqualTo(1000);
        assertThat(end - first).isBetween((int) (600 / l.rowHeight()), (int) (600 / l.rowHeight()) + 2);
        assertThat(l.endVisible(l.height(), 600)).isEqualTo(5000);
        assertThat(l.firstVisible(-50)).isZero();
    }

    @Test
    void manyColumnsAndSelfArrowsStayInsideTheWidth() {
        LadderModel m = synthetic(300, 12);
        LadderLayout l = LadderLayout.of(m, METRICS);

        for (int c = 1; c < l.columnCount(); c++) {
            assertThat(l.columnX(c) - l.columnX(c - 1)).isGreaterThanOrEqualTo(l.headerBoxWidth());
        }
        for (LadderArrow a : m.arrows()) {
            assertThat(l.textRoom(a)).isPositive();
            if (a.self()) {
                assertThat(l.textLeft(a) + l.textRoom(a)).isLessThanOrEqualTo(l.width());
            }
        }
        assertThat(l.columnX(l.columnCount() - 1)).isLessThan(l.width());
        assertThat(l.height()).isEqualTo(Math.ceil(l.headerHeight() + 300 * l.rowHeight() + LadderLayout.MARGIN));
    }

    @Test
    void aliasesMakeTheHeaderTaller() {
        LadderModel plain = synthetic(3, 2);
        LadderModel named = new LadderModel(List.of(new LadderColumn(0, "10.0.0.0:5060", "alice"),
                plain.columns().get(1)), plain.arrows(), 0);

        assertThat(LadderLayout.of(named, METRICS).headerHeight())
                .isGreaterThan(LadderLayout.of(plain, METRICS).headerHeight());
    }

    @Test
    void emptyModelHasAHeaderOnly() {
        LadderLayout l = LadderLayout.of(LadderModel.EMPTY, METRICS);

        assertThat(l.columnCount()).isZero();
        assertThat(l.width()).isPositive();
        assertThat(l.arrowAt(100)).isEqualTo(-1);
        assertThat(l.endVisible(0, 500)).isZero();
    }

    @Test
    void fitCutsWithAnEllipsis() {
        assertThat(LadderLayout.fit("short", 100, s -> s.length() * 7.0)).isEqualTo("short");
        assertThat(LadderLayout.fit("a much longer text", 70, s -> s.length() * 7.0)).isEqualTo("a much lo…");
        assertThat(LadderLayout.fit("abc", 3, s -> s.length() * 7.0)).isEmpty();
        assertThat(LadderLayout.fit(null, 3, s -> 0.0)).isNull();
    }
}
