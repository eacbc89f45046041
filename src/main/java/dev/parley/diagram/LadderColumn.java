package dev.parley.diagram;

/**
 * One endpoint of the ladder.
 *
 * @param index position from the left, 0-based
 * @param key   the endpoint text ("10.0.0.1:5060", or "10.0.0.1" with merged ports)
 * @param label the alias of the key, or the key itself
 */
public record LadderColumn(int index, String key, String label) {

    /** True when an alias names this column, so views may show the key as a second line. */
    public boolean aliased() {
        return !key.equals(label);
    }
}
