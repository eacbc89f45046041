package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("dev/parley/test/aliases");

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void endpointAliasesRoundTripInOrder() throws Exception {
        AppPreferences prefs = new AppPreferences(node);
        assertThat(prefs.endpointAliases()).isEmpty();
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("10.0.0.1:5060", "UAC");
        aliases.put("[2001:db8::1]:5060", "v6 = phone");
        aliases.put("10.0.0.2", "proxy host");
        prefs.putEndpointAliases(aliases);
        node.flush();

        assertThat(new AppPreferences(node).endpointAliases()).containsExactlyEntriesOf(aliases);

        prefs.putEndpointAliases(Map.of());
        assertThat(new AppPreferences(node).endpointAliases()).isEmpty();
        assertThat(node.get("endpointAliases", null)).isNull();
    }

    @Test
    void manyLongAliasesFitInOneValueKeepingTheNewest() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            aliases.put("[2001:db8:1234:5678:9abc:def0:1234:" + Integer.toHexString(i) + "]:5060", "x".repeat(60) + i);
        }
        AppPreferences prefs = new AppPreferences(node);
        prefs.putEndpointAliases(aliases); // would exceed Preferences.MAX_VALUE_LENGTH whole
        Map<String, String> back = prefs.endpointAliases();
        assertThat(back).isNotEmpty().hasSizeLessThan(200);
        assertThat(back).containsEntry("[2001:db8:1234:5678:9abc:def0:1234:c7]:5060", "x".repeat(60) + 199);
    }
}
