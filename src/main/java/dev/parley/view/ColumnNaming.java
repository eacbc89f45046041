package dev.parley.view;

import dev.parley.diagram.LadderOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * How the ladder names its columns: one column per host or per host:port, and the user's endpoint aliases. Keys are
 * column keys, "ip:port", or "ip" for merged ports. Each change runs the owner's rebuild once. FX thread only.
 */
public final class ColumnNaming {
    private final BooleanProperty mergePorts = new SimpleBooleanProperty(this, "mergePorts");
    // insertion order = age, so the oldest alias goes first when the bound is reached
    private final ObservableMap<String, String> aliases = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, String> aliasesView = FXCollections.unmodifiableObservableMap(aliases);
    private final Runnable aliasesChanged;

    /**
     * @param portsChanged   runs when the merge-ports choice changes
     * @param aliasesChanged runs once per change of the aliases
     */
    ColumnNaming(Runnable portsChanged, Runnable aliasesChanged) {
        this.aliasesChanged = aliasesChanged;
        mergePorts.addListener((o, a, b) -> portsChanged.run());
    }

    /** One ladder column per host instead of per host:port. */
    public BooleanProperty mergePortsProperty() {
        return mergePorts;
    }

    /**
     * Endpoint aliases shown as ladder column names, oldest first (read-only: change them with {@link #setAlias} or
     * {@link #setAliases}).
     */
    public ObservableMap<String, String> endpointAliases() {
        return aliasesView;
    }

    /** The alias of a column key, "" when none. */
    public String alias(String endpoint) {
        return aliases.getOrDefault(endpoint, "");
    }

    /**
     * Names an endpoint's column (the newest alias); a blank alias removes it. Beyond
     * {@link EndpointAliases#MAX_ENTRIES} the oldest alias is forgotten.
     */
    public void setAlias(String endpoint, String alias) {
        if (endpoint == null || endpoint.isBlank()) {
            return;
        }
        String key = endpoint.strip();
        String clean = EndpointAliases.clean(alias);
        if (clean.equals(aliases.get(key))) {
            return;
        }
        aliases.remove(key);
        if (!clean.isEmpty()) {
            aliases.put(key, clean);
            while (aliases.size() > EndpointAliases.MAX_ENTRIES) {
                aliases.remove(aliases.keySet().iterator().next());
            }
        }
        aliasesChanged.run();
    }

    /** Replaces all aliases (the aliases dialog, remembered preferences). */
    public void setAliases(Map<String, String> all) {
        Map<String, String> clean = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            String alias = EndpointAliases.clean(v);
            if (k != null && !k.isBlank() && !alias.isEmpty()) {
                clean.put(k.strip(), alias);
            }
        });
        while (clean.size() > EndpointAliases.MAX_ENTRIES) {
            clean.remove(clean.keySet().iterator().next());
        }
        if (clean.equals(aliases) && List.copyOf(clean.keySet()).equals(List.copyOf(aliases.keySet()))) {
            return;
        }
        aliases.clear();
        aliases.putAll(clean);
        aliasesChanged.run();
    }

    /** The ladder's options as named now (the aliases map is read as it is when the ladder is built). */
    LadderOptions ladderOptions() {
        return new LadderOptions(mergePorts.get(), aliases);
    }
}
