package dev.parley.session.sip;

import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;

/** A read-only list of flyweights (message refs, transactions) made on demand from an array of row or table ids. */
final class IdViews {
    private IdViews() {
    }

    static <T> List<T> of(int[] ids, IntFunction<T> view) {
        if (ids.length == 0) {
            return List.of();
        }
        return new AbstractList<>() {
            @Override
            public T get(int i) {
                return view.apply(ids[i]);
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }
}
