package dev.parley.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointAliasesTest {

    @Test
    void parsesLinesSkippingMalformedOnesAndKeepsOrder() {
        Map<String, String> m = EndpointAliases.parse("""
                10.0.0.1:5060=UAC
                garbage line
                =no key
                10.0.0.2:5060=  UAS = proxy\t
                10.0.0.3=
                [2001:db8::1]:5060=v6 phone
                """);
        assertThat(m).containsExactly(Map.entry("10.0.0.1:5060", "UAC"), Map.entry("10.0.0.2:5060", "UAS = proxy"),
                Map.entry("[2001:db8::1]:5060", "v6 phone"));
        assertThat(EndpointAliases.parse(EndpointAliases.format(m))).containsExactlyEntriesOf(m);
    }

    @Test
    void boundsEntriesAndLength() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            b.append("10.0.").append(i / 256).append('.').append(i % 256).append(":5060=host").append(i).append('\n');
        }
        Map<String, String> m = EndpointAliases.parse(b.toString());
        assertThat(m).hasSize(EndpointAliases.MAX_ENTRIES);
        assertThat(m.keySet().iterator().next()).as("the oldest are dropped").isEqualTo("10.0.0.50:5060");
        assertThat(EndpointAliases.clean("x".repeat(100))).hasSize(EndpointAliases.MAX_ALIAS_LENGTH);
        assertThat(EndpointAliases.clean(" two\nlines ")).isEqualTo("two lines");

        String cut = EndpointAliases.format(m, 100);
        assertThat(cut.length()).isLessThanOrEqualTo(100);
        Map<String, String> kept = EndpointAliases.parse(cut);
        assertThat(kept).isNotEmpty().containsEntry("10.0.0.249:5060", "host249");
        assertThat(cut).startsWith(kept.keySet().iterator().next()); // whole lines only
    }

    @Test
    void formatsInMapOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("b:1", "B");
        m.put("a:1", "A");
        assertThat(EndpointAliases.format(m)).isEqualTo("b:1=B\na:1=A\n");
    }
}
