package dev.parley.session.sip;

import java.util.Arrays;

/**
 * A growable column in fixed pages of {@value #PAGE} entries, for the views' tables ({@link CallTable} and the
 * others): it grows without copying its values, so a load leaves no big garbage arrays behind, and a page is copied by
 * the collector only when it is promoted. An entry must be written before it is read: a table writes every column of
 * a row when it makes the row. Not thread-safe: the correlating thread
 * writes; views read what it wrote, as they read the message table.
 *
 * @param <P> the page type, an array
 */
abstract class PagedColumn<P> {
    static final int PAGE_BITS = 12;
    static final int PAGE = 1 << PAGE_BITS;
    static final int MASK = PAGE - 1;

    private Object[] pages = new Object[4];

    abstract P newPage();

    @SuppressWarnings("unchecked")
    final P page(int i) {
        return (P) pages[i >>> PAGE_BITS];
    }

    /** The page of entry {@code i}, made when it is the first entry written there. */
    @SuppressWarnings("unchecked")
    final P pageToWrite(int i) {
        int p = i >>> PAGE_BITS;
        if (p >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
        }
        Object page = pages[p];
        if (page == null) {
            page = newPage();
            pages[p] = page;
        }
        return (P) page;
    }

    /** A column of ints. */
    static final class Ints extends PagedColumn<int[]> {
        @Override
        int[] newPage() {
            return new int[PAGE];
        }

        int get(int i) {
            return page(i)[i & MASK];
        }

        void set(int i, int value) {
            pageToWrite(i)[i & MASK] = value;
        }
    }

    /** A column of longs. */
    static final class Longs extends PagedColumn<long[]> {
        @Override
        long[] newPage() {
            return new long[PAGE];
        }

        long get(int i) {
            return page(i)[i & MASK];
        }

        void set(int i, long value) {
            pageToWrite(i)[i & MASK] = value;
        }
    }

    /** A column of references (interned names, shared flows). */
    static final class Refs<T> extends PagedColumn<Object[]> {
        @Override
        Object[] newPage() {
            return new Object[PAGE];
        }

        @SuppressWarnings("unchecked")
        T get(int i) {
            return (T) page(i)[i & MASK];
        }

        void set(int i, T value) {
            pageToWrite(i)[i & MASK] = value;
        }
    }

    /**
     * Numbers for the rows of a table whose rows can be given back (an evicted session's dialogs and pager messages):
     * a given-back number is handed out again before a new one, so a long live capture stays bounded.
     */
    static final class Numbers {
        private final Ints freeNext = new Ints();
        private int free = -1;
        private int next;

        int take() {
            if (free < 0) {
                return next++;
            }
            int n = free;
            free = freeNext.get(n);
            return n;
        }

        void giveBack(int n) {
            freeNext.set(n, free);
            free = n;
        }
    }
}
