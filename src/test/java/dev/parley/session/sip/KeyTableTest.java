package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int find(KeyTable t, String key, long extra) {
        byte[] b = bytes(key);
        return t.find(b, 0, b.length, extra);
    }

    private static int add(KeyTable t, String key, long extra) {
        byte[] b = bytes(key);
        return t.add(b, 0, b.length, extra);
    }

    @Test
    void findsKeysByTheirBytesAndNumber() {
        KeyTable t = new KeyTable();
        int a = add(t, "a84b4c76e66710@pc33.atlanta.com", 0);
        int b = add(t, "a84b4c76e66710@pc33.atlanta.com", 7); // same bytes, another owner
        int c = add(t, "", 0);
        assertThat(find(t, "a84b4c76e66710@pc33.atlanta.com", 0)).isEqualTo(a);
        assertThat(find(t, "a84b4c76e66710@pc33.atlanta.com", 7)).isEqualTo(b).isNotEqualTo(a);
        assertThat(find(t, "a84b4c76e66710@pc33.atlanta.co", 0)).isEqualTo(-1);
        assertThat(find(t, "", 0)).isEqualTo(c);
        assertThat(t.text(a)).isEqualTo("a84b4c76e66710@pc33.atlanta.com");
        assertThat(t.extra(b)).isEqualTo(7);
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void matchesPartOfALargerArray() {
        KeyTable t = new KeyTable();
        byte[] message = bytes("Call-ID: 3848276298220188511@atlanta.example.com\r\n");
        int id = t.add(message, 9, 40, 0);
        assertThat(find(t, "3848276298220188511@atlanta.example.com", 0)).isEqualTo(-1); // 39 bytes
        assertThat(t.find(message, 9, 40, 0)).isEqualTo(id);
        assertThat(t.text(id)).isEqualTo("3848276298220188511@atlanta.example.com\r");
    }

    @Test
    void keepsUtf8Text() {
        KeyTable t = new KeyTable();
        int id = add(t, "çağrı-1@örnek.example", 0);
        assertThat(t.text(id)).isEqualTo("çağrı-1@örnek.example");
        assertThat(find(t, "çağrı-1@örnek.example", 0)).isEqualTo(id);
    }

    @Test
    void reusesTheIdsOfRemovedKeys() {
        KeyTable t = new KeyTable();
        int a = add(t, "one", 0);
        add(t, "two", 0);
        t.remove(a);
        assertThat(find(t, "one", 0)).isEqualTo(-1);
        assertThat(find(t, "two", 0)).isNotNegative();
        assertThat(add(t, "three", 0)).isEqualTo(a);
        assertThat(t.text(a)).isEqualTo("three");
        assertThat(t.size()).isEqualTo(2);
    }

    /** Many adds, finds and removes against a map that does the same: every probe run stays whole. */
    @Test
    void agreesWithAMapOverManyRandomOperations() {
        agreesWithAMap(Integer.MAX_VALUE, 200_000);
    }

    /** The same with few keys, so that the table stays small and many probe runs wrap around its end. */
    @Test
    void agreesWithAMapWhenProbeRunsWrapAround() {
        agreesWithAMap(400, 300_000);
    }

    private static void agreesWithAMap(int maxLive, int steps) {
        KeyTable t = new KeyTable();
        Map<String, Integer> reference = new HashMap<>();
        List<String> live = new ArrayList<>();
        Random random = new Random(42);
        for (int step = 0; step < steps; step++) {
            int op = live.size() >= maxLive ? 9 : random.nextInt(10);
            if (op < 5 || live.isEmpty()) {
                String key = Long.toHexString(random.nextLong() & 0xFFFFF) + "@" + random.nextInt(4);
                long extra = random.nextInt(3);
                String k = key + "#" + extra;
                if (!reference.containsKey(k)) {
                    assertThat(find(t, key, extra)).isEqualTo(-1);
                    reference.put(k, add(t, key, extra));
                    live.add(k);
                }
            } else if (op < 8) {
                String k = live.get(random.nextInt(live.size()));
                int hash = k.lastIndexOf('#');
                assertThat(find(t, k.substring(0, hash), Long.parseLong(k.substring(hash + 1))))
                        .as(k).isEqualTo(reference.get(k));
            } else {
                String k = live.remove(random.nextInt(live.size()));
                t.remove(reference.remove(k));
            }
        }
        assertThat(t.size()).isEqualTo(reference.size());
        for (Map.Entry<String, Integer> e : reference.entrySet()) {
            String k = e.getKey();
            int hash = k.lastIndexOf('#');
            assertThat(find(t, k.substring(0, hash), Long.parseLong(k.substring(hash + 1)))).isEqualTo(e.getValue());
            assertThat(t.text(e.getValue())).isEqualTo(k.substring(0, hash));
        }
    }

    @Test
    void storesKeysLargerThanAPage() {
        KeyTable t = new KeyTable();
        String big = "x".repeat((1 << 20) + 5);
        int a = add(t, "small", 0);
        int b = add(t, big, 0);
        int c = add(t, "after", 0);
        assertThat(find(t, big, 0)).isEqualTo(b);
        assertThat(t.text(a)).isEqualTo("small");
        assertThat(t.text(c)).isEqualTo("after");
        assertThat(t.text(b)).hasSize((1 << 20) + 5);
    }
}
