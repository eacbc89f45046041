package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionIndexTest {

    @Test
    void behavesLikeAnInsertionOrderedMapUnderAddsAndEvictions() {
        MessageTable table = new MessageTable();
        SessionIndex index = new SessionIndex(table.callIds);
        Map<String, SipSession> expected = new LinkedHashMap<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String callId = "c" + rnd.nextInt(1 << 12) + "@h" + (i % 3);
            if (index.get(callId) == null) {
                SipSession s = new SipSession(callId, table);
                index.add(s);
                expected.put(callId, s);
            }
            if (rnd.nextInt(3) == 0 && index.size() > 0) {
                int p = index.first();
                for (int skip = rnd.nextInt(5); skip > 0 && index.next(p) >= 0; skip--) {
                    p = index.next(p);
                }
                expected.remove(index.at(p).callId());
                index.remove(p);
            }
            if (i % 5000 == 0) {
                assertThat(index.snapshot()).containsExactlyElementsOf(expected.values());
            }
        }
        assertThat(index.size()).isEqualTo(expected.size());
        assertThat(index.snapshot()).containsExactlyElementsOf(expected.values());
        for (Map.Entry<String, SipSession> e : expected.entrySet()) {
            assertThat(index.get(e.getKey())).isSameAs(e.getValue());
        }
        assertThat(index.get("never")).isNull();
    }
}
