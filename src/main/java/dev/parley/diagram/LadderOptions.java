package dev.parley.diagram;

import java.util.Map;

/**
 * How endpoints become columns.
 *
 * @param mergePorts one column per IP address instead of per IP:port
 * @param aliases    endpoint text ("10.0.0.1:5060", or "10.0.0.1" with merged ports) to a display name
 */
public record LadderOptions(boolean mergePorts, Map<String, String> aliases) {

    public static final LadderOptions DEFAULT = new LadderOptions(false, Map.of());

    public LadderOptions {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    public LadderOptions withMergePorts(boolean merge) {
        return new LadderOptions(merge, aliases);
    }

    public LadderOptions withAliases(Map<String, String> names) {
        return new LadderOptions(mergePorts, names);
    }
}
