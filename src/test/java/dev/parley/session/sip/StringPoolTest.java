package dev.parley.session.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringPoolTest {

    private static final List<String> SAMPLES = List.of("", "z9hG4bK", "z9hG4bK776asdhds", "z9hG4bK1c2d3e4f5a6b7c8d",
            "z9hG4bKABCDEF0", "a1b2c3", "ABC123", "0", "07", "1234567", "deadbeefcafe", "DeadBeef", "as-1x.y!",
            "caf\u00e9", "x".repeat(300), "ab".repeat(200), "\u4f60\u597d-tag", "z9hG4bK\u00ff\u00fe", "z9hG4b", "Z9HG4BKabc");

    @Test
    void everyStringComesBackEqualAndMatchesOnlyItself() {
        StringPool pool = new StringPool();
        List<Integer> ids = new ArrayList<>();
        for (String s : SAMPLES) {
            ids.add(pool.add(s));
        }
        pool.trim();
        for (int i = 0; i < SAMPLES.size(); i++) {
            int id = ids.get(i);
            assertThat(pool.get(id)).isEqualTo(SAMPLES.get(i));
            for (int j = 0; j < SAMPLES.size(); j++) {
                assertThat(pool.matches(id, SAMPLES.get(j))).as(SAMPLES.get(i) + " vs " + SAMPLES.get(j))
                        .isEqualTo(i == j);
            }
            assertThat(pool.matches(id, null)).isFalse();
        }
    }

    @Test
    void matchingFromBytesAgreesWithStringEqualityOnNearMisses() {
        // hex entries (both cases, odd and even lengths, with and without the cookie) against probes one character
        // off: another digit, the other case, a non-hex letter, one character more or less
        java.util.Random random = new java.util.Random(3261);
        StringPool pool = new StringPool();
        List<String> entries = new ArrayList<>(SAMPLES);
        for (int i = 0; i < 300; i++) {
            String digits = (i % 2 == 0 ? "0123456789abcdef" : "0123456789ABCDEF");
            StringBuilder b = new StringBuilder(i % 3 == 0 ? "z9hG4bK" : "");
            int n = 1 + random.nextInt(24);
            for (int k = 0; k < n; k++) {
                b.append(digits.charAt(random.nextInt(16)));
            }
            entries.add(b.toString());
        }
        List<Integer> ids = new ArrayList<>();
        for (String e : entries) {
            byte[] bytes = e.getBytes(StandardCharsets.UTF_8);
            ids.add(random.nextBoolean() ? pool.add(e) : pool.add(bytes, 0, bytes.length));
        }
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            List<String> probes = new ArrayList<>(List.of(e, e + "0", "x" + e, e.toUpperCase(), e.toLowerCase()));
            if (!e.isEmpty()) {
                int at = random.nextInt(e.length());
                for (char c : new char[] {'0', '7', 'a', 'F', 'g', 'z', '-'}) {
                    probes.add(e.substring(0, at) + c + e.substring(at + 1));
                }
                probes.add(e.substring(0, e.length() - 1));
            }
            for (String probe : probes) {
                byte[] framed = ("<" + probe + ">").getBytes(StandardCharsets.UTF_8);
                assertThat(pool.matches(ids.get(i), framed, 1, framed.length - 2)).as(e + " vs " + probe)
                        .isEqualTo(e.equals(probe));
            }
        }
    }

    @Test
    void latin1EntriesAreNotMatchedByteForByteAgainstUtf8() {
        // "\u00c3\u00a9" is kept as the bytes C3 A9, which are also the UTF-8 bytes of "\u00e9": not the same text
        StringPool pool = new StringPool();
        int mojibake = pool.add("\u00c3\u00a9");
        byte[] e = "\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] same = "\u00c3\u00a9".getBytes(StandardCharsets.UTF_8);

        assertThat(pool.matches(mojibake, e, 0, e.length)).isFalse();
        assertThat(pool.matches(mojibake, same, 0, same.length)).isTrue();
        int fromBytes = pool.add(e, 0, e.length);
        assertThat(pool.get(fromBytes)).isEqualTo("\u00e9");
        assertThat(pool.matches(fromBytes, e, 0, e.length)).isTrue();
        assertThat(pool.matches(fromBytes, same, 0, same.length)).isFalse();
    }

    @Test
    void nullIsIdZero() {
        StringPool pool = new StringPool();
        assertThat(pool.add(null)).isZero();
        assertThat(pool.get(0)).isNull();
        assertThat(pool.matches(0, null)).isTrue();
        assertThat(pool.matches(0, "")).isFalse();
    }

    @Test
    void growsPastItsInitialArrays() {
        StringPool pool = new StringPool();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(pool.add("z9hG4bK" + Integer.toHexString(i * 7919) + "-" + i));
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(pool.get(ids.get(i))).isEqualTo("z9hG4bK" + Integer.toHexString(i * 7919) + "-" + i);
        }
    }
}
