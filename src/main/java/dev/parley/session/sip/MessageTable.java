package dev.parley.session.sip;

import dev.parley.decode.Flow;
import dev.parley.decode.Origin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-message fields of every SIP message the correlator saw, one growable primitive column per field (DESIGN.md
 * decision 2, as Wireshark keeps per-frame data small): row = message index in capture order. {@link SipMessageRef}
 * is a flyweight over one row. Rare values that do not fit a column (frame numbers past 2^31, multi-run or inline
 * origins, names past the name table, tags past a session's 254 slots) go to side maps keyed by row.
 */
final class MessageTable {
    static final byte REQUEST = 1;
    static final byte SDP = 2;
    static final byte RESENT = 4;
    /** The message is its transaction's request, a distinct response or the ACK of a failure: no retransmission. */
    static final byte KEPT = 8;
    /** The ACK of a non-2xx final response, kept in the INVITE's transaction. */
    static final byte ACK_OF_FAILURE = 16;
    static final int TAG_OVERFLOW = 0xFF;
    private static final int SPREAD = Integer.MIN_VALUE; // offset column: the origin is in {@link #origins}, or null

    private static final int PAGE_BITS = 14;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    final StringPool pool = new StringPool();
    /** The Call-IDs of the sessions, by their bytes (a session keeps its id). */
    final KeyTable callIds = new KeyTable();
    final NameTable names = new NameTable();
    final TransactionTable transactions = new TransactionTable(names);
    /** The sessions' views, in columns (docs/DESIGN-NOTES.md note 27). */
    final CallTable calls = new CallTable();
    final DialogTable dialogs = new DialogTable();
    final PagerTable pager = new PagerTable();
    final RegistrationTable registrations = new RegistrationTable();
    private final ShapeTable shapes = new ShapeTable();
    private int size;
    /** Fixed-size pages: the table grows without copying (no big garbage arrays while loading). */
    private Page[] pages = new Page[16];

    /** The columns of {@value #PAGE} consecutive rows (the last page may be shorter until it fills). */
    private static final class Page {
        long[] time;
        int[] frame;
        long base = -1; // file offset of the page's first single-run message; the column keeps offsets from it
        int[] offset;
        char[] length;
        Flow[] flow;
        byte[] flags;
        char[] shape; // method, CSeq method, reason phrase and status (see ShapeTable)
        int[] tx; // transaction id, -1 for none (no Call-ID)
        int[] previousInTx; // the same transaction's row before this one, -1 for its first
        int[] previous; // the same session's row before this one, -1 for its first (see SipSession)
        byte[] fromTag;
        byte[] toTag;
        int[] dialog; // the dialog (DialogTable) the message belongs to + 1, 0 for none
        byte[][] bytes; // only when the loader keeps message bytes
        int live; // rows of sessions not evicted

        Page(int n) {
            resize(n);
        }

        void resize(int n) {
            time = time == null ? new long[n] : Arrays.copyOf(time, n);
            frame = frame == null ? new int[n] : Arrays.copyOf(frame, n);
            offset = offset == null ? new int[n] : Arrays.copyOf(offset, n);
            length = length == null ? new char[n] : Arrays.copyOf(length, n);
            flow = flow == null ? new Flow[n] : Arrays.copyOf(flow, n);
            flags = flags == null ? new byte[n] : Arrays.copyOf(flags, n);
            shape = shape == null ? new char[n] : Arrays.copyOf(shape, n);
            tx = tx == null ? new int[n] : Arrays.copyOf(tx, n);
            previousInTx = previousInTx == null ? new int[n] : Arrays.copyOf(previousInTx, n);
            previous = previous == null ? new int[n] : Arrays.copyOf(previous, n);
            fromTag = fromTag == null ? new byte[n] : Arrays.copyOf(fromTag, n);
            toTag = toTag == null ? new byte[n] : Arrays.copyOf(toTag, n);
            dialog = dialog == null ? new int[n] : Arrays.copyOf(dialog, n);
            if (bytes != null) {
                bytes = Arrays.copyOf(bytes, n);
            }
        }
    }

    private final Map<Integer, Long> bigFrames = new HashMap<>();
    private final Map<Integer, Long> bigShapes = new HashMap<>();
    private final Map<Integer, Origin> origins = new HashMap<>();
    private final Map<Long, String> bigNames = new HashMap<>(); // key row * 4 + column
    private final Map<Long, String> bigTags = new HashMap<>(); // key row * 2 + (0 from, 1 to)

    int size() {
        return size;
    }

    /** Appends a row; returns its index. Tag slots are session-local (see {@link SipSession}). */
    int add(long frameNumber, long nanos, Flow f, Origin origin, boolean request, String methodName,
            int statusCode, String reasonPhrase, String cseqMethodName, boolean sdp, boolean resent,
            int transaction, int fromSlot, String fromText, int toSlot, String toText, byte[] data) {
        return add(frameNumber, nanos, f, origin, request, names.id(methodName), methodName, statusCode,
                names.id(reasonPhrase), reasonPhrase, names.id(cseqMethodName), cseqMethodName, sdp, resent,
                transaction, fromSlot, fromText, toSlot, toText, data);
    }

    /** As above with the name ids already looked up in {@link #names}. */
    int add(long frameNumber, long nanos, Flow f, Origin origin, boolean request, char methodId, String methodName,
            int statusCode, char reasonId, String reasonPhrase, char cseqMethodId, String cseqMethodName,
            boolean sdp, boolean resent, int transaction, int fromSlot, String fromText, int toSlot,
            String toText, byte[] data) {
        long single = origin == null ? -1 : origin.singleRunOffset(frameNumber);
        return add(frameNumber, nanos, f, origin, single, single >= 0 ? origin.length(0) : 0, request, methodId,
                methodName, statusCode, reasonId, reasonPhrase, cseqMethodId, cseqMethodName, sdp, resent,
                transaction, fromSlot, fromText, toSlot, toText, data);
    }

    /**
     * As above with the origin's single run already found (the session's hot path, from a
     * {@link dev.parley.decode.sip.SipBatch}): {@code singleOffset} is the file offset of the message's bytes when its
     * origin is one run in its own frame ({@link Origin#singleRunOffset}), else -1 (and then {@code origin} is kept as
     * it is, when there is one).
     */
    int add(long frameNumber, long nanos, Flow f, Origin origin, long singleOffset, int singleLength, boolean request,
            char methodId, String methodName, int statusCode, char reasonId, String reasonPhrase, char cseqMethodId,
            String cseqMethodName, boolean sdp, boolean resent, int transaction, int fromSlot, String fromText,
            int toSlot, String toText, byte[] data) {
        int row = size;
        Page page = page(row);
        size++;
        int r = row & MASK;
        long[] time = page.time;
        int[] frame = page.frame;
        int[] offset = page.offset;
        char[] length = page.length;
        time[r] = nanos;
        if (frameNumber >= 0 && frameNumber <= Integer.MAX_VALUE) {
            frame[r] = (int) frameNumber;
        } else {
            frame[r] = -1;
            bigFrames.put(row, frameNumber);
        }
        boolean single = singleOffset >= 0;
        long delta = 0;
        if (single) {
            if (page.base < 0) {
                page.base = singleOffset;
            }
            delta = singleOffset - page.base;
            single = delta > SPREAD && delta <= Integer.MAX_VALUE && singleLength <= Character.MAX_VALUE;
        }
        if (single) {
            offset[r] = (int) delta;
            length[r] = (char) singleLength;
        } else {
            offset[r] = SPREAD;
            if (origin == null && singleOffset >= 0) { // one run, but too far from the page's first or too long
                origin = Origin.of(frameNumber, singleOffset, singleLength);
            }
            if (origin != null) {
                origins.put(row, origin);
            }
        }
        page.flow[r] = f;
        page.flags[r] = (byte) ((request ? REQUEST : 0) | (sdp ? SDP : 0) | (resent ? RESENT : 0));
        long key = ShapeTable.key(name(row, 0, methodId, methodName), name(row, 1, cseqMethodId, cseqMethodName),
                name(row, 2, reasonId, reasonPhrase), statusCode);
        char shape = shapes.id(key);
        page.shape[r] = shape;
        if (shape == ShapeTable.FULL) {
            bigShapes.put(row, key);
        }
        page.tx[r] = transaction;
        page.previousInTx[r] = -1;
        if (transaction >= 0) {
            page.live++;
        }
        page.fromTag[r] = tag(row, 0, fromSlot, fromText);
        page.toTag[r] = tag(row, 1, toSlot, toText);
        if (data != null) {
            if (page.bytes == null) {
                page.bytes = new byte[page.time.length][];
            }
            page.bytes[r] = data;
        }
        return row;
    }

    private char name(int row, int column, char id, String s) {
        if (id == NameTable.FULL) {
            bigNames.put(row * 4L + column, s);
        }
        return id;
    }

    private byte tag(int row, int which, int slot, String text) {
        if (slot < TAG_OVERFLOW) {
            return (byte) slot;
        }
        bigTags.put(row * 2L + which, text);
        return (byte) TAG_OVERFLOW;
    }

    /** The page for a new row, made or widened as needed. */
    private Page page(int row) {
        int p = row >>> PAGE_BITS;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
        }
        Page page = pages[p];
        if (page == null) {
            page = new Page(PAGE);
            pages[p] = page;
        } else if ((row & MASK) >= page.time.length) {
            page.resize(PAGE);
        }
        return page;
    }

    /**
     * Forgets the row of an evicted session: its objects become garbage, and the page's columns once none of its
     * rows is left (the newest page stays). A released row must not be read again.
     */
    void release(int row) {
        int p = row >>> PAGE_BITS;
        Page page = pages[p];
        int r = row & MASK;
        page.tx[r] = -1;
        page.flow[r] = null;
        if (page.bytes != null) {
            page.bytes[r] = null;
        }
        if (!origins.isEmpty()) {
            origins.remove(row);
        }
        if (!bigFrames.isEmpty()) {
            bigFrames.remove(row);
        }
        if (!bigShapes.isEmpty()) {
            bigShapes.remove(row);
        }
        if (!bigNames.isEmpty()) {
            for (int c = 0; c < 3; c++) {
                bigNames.remove(row * 4L + c);
            }
        }
        if (!bigTags.isEmpty()) {
            bigTags.remove(row * 2L);
            bigTags.remove(row * 2L + 1);
        }
        if (--page.live == 0 && p != (size - 1) >>> PAGE_BITS) {
            pages[p] = null;
        }
    }

    private Page at(int row) {
        return pages[row >>> PAGE_BITS];
    }

    /** End of a load: drop the slack of the last page. */
    void trim() {
        int r = size & MASK;
        if (r != 0) {
            pages[size >>> PAGE_BITS].resize(r);
        }
        pool.trim();
    }

    long frame(int row) {
        int f = at(row).frame[row & MASK];
        return f >= 0 ? f : bigFrames.get(row);
    }

    long time(int row) {
        return at(row).time[row & MASK];
    }

    Origin origin(int row) {
        Page p = at(row);
        int off = p.offset[row & MASK];
        return off == SPREAD ? origins.get(row) : Origin.of(frame(row), p.base + off, p.length[row & MASK]);
    }

    Flow flow(int row) {
        return at(row).flow[row & MASK];
    }

    int status(int row) {
        return ShapeTable.status(shape(row));
    }

    boolean request(int row) {
        return (at(row).flags[row & MASK] & REQUEST) != 0;
    }

    boolean sdp(int row) {
        return (at(row).flags[row & MASK] & SDP) != 0;
    }

    boolean resent(int row) {
        return (at(row).flags[row & MASK] & RESENT) != 0;
    }

    String method(int row) {
        return name(row, 0, ShapeTable.method(shape(row)));
    }

    String cseqMethod(int row) {
        return name(row, 1, ShapeTable.cseqMethod(shape(row)));
    }

    String reason(int row) {
        return name(row, 2, ShapeTable.reason(shape(row)));
    }

    private long shape(int row) {
        char id = at(row).shape[row & MASK];
        return id == ShapeTable.FULL ? bigShapes.get(row) : shapes.key(id);
    }

    private String name(int row, int column, char id) {
        return id == NameTable.FULL ? bigNames.get(row * 4L + column) : names.name(id);
    }

    /** The row's transaction id, -1 for none. */
    int transaction(int row) {
        return at(row).tx[row & MASK];
    }

    /** Chains a transaction's rows: {@code previous} is its row before {@code row}, -1 for its first. */
    void linkInTransaction(int row, int previous) {
        at(row).previousInTx[row & MASK] = previous;
    }

    int previousInTransaction(int row) {
        return at(row).previousInTx[row & MASK];
    }

    void keep(int row) {
        at(row).flags[row & MASK] |= KEPT;
    }

    void keepAck(int row) {
        at(row).flags[row & MASK] |= KEPT | ACK_OF_FAILURE;
    }

    boolean kept(int row) {
        return (at(row).flags[row & MASK] & KEPT) != 0;
    }

    boolean ackOfFailure(int row) {
        return (at(row).flags[row & MASK] & ACK_OF_FAILURE) != 0;
    }

    /** Chains a session's rows: {@code previous} is its row before {@code row}, -1 when {@code row} is its first. */
    void linkPrevious(int row, int previous) {
        at(row).previous[row & MASK] = previous;
    }

    /** The same session's row before {@code row}, -1 for its first. */
    int previous(int row) {
        return at(row).previous[row & MASK];
    }

    /** Session-local tag slot (0 = none), or {@link #TAG_OVERFLOW}. */
    int fromSlot(int row) {
        return at(row).fromTag[row & MASK] & 0xFF;
    }

    int toSlot(int row) {
        return at(row).toTag[row & MASK] & 0xFF;
    }

    /** Puts the message in dialog {@code d} of the {@link DialogTable}. */
    void dialog(int row, int d) {
        at(row).dialog[row & MASK] = d + 1;
    }

    /** The message's dialog in the {@link DialogTable}, -1 for none. */
    int dialog(int row) {
        return at(row).dialog[row & MASK] - 1;
    }

    String overflowTag(int row, int which) {
        return bigTags.get(row * 2L + which);
    }

    byte[] bytes(int row) {
        byte[][] bytes = at(row).bytes;
        return bytes == null ? null : bytes[row & MASK];
    }
}
