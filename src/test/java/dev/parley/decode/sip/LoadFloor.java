package dev.parley.decode.sip;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A floor for a whole load, not Parley's loader: what a cold load costs when its hot code is small. Like {@code
 * CaptureLoader} it reads on one thread and correlates on another, but the reading thread only finds the header lines,
 * names them with a switch and copies the keys (Call-ID, tags, branch) and a few numbers into column batches, and the
 * correlating thread only matches Call-IDs and transactions by their bytes, keeps two tag slots per Call-ID, flags
 * retransmissions, appends each message as a row of primitive columns and steps a call state. No names, no dialogs, no
 * views, no object per message. Its counts of messages, Call-IDs, transactions, retransmissions and completed calls
 * are Parley's ({@code LoadFloorTest}). It reads classic little-endian pcaps of Ethernet/IPv4/UDP frames (what {@code
 * SyntheticCaptureGenerator} writes) through positional reads into one 4 MiB buffer, as Parley does, and checks nothing
 * it does not need. The gap between its time and {@code bench}'s, in a fresh JVM each, bounds what a rewrite of the
 * load path along these lines could win; with {@code --scanner} Parley's own SIP scan fills the batches, which prices
 * the scan alone (docs/DESIGN-NOTES.md note 21); with {@code --all-fields} the floor's way of scanning reads every
 * field that summary carries ({@link AllFields}, note 29), which prices the scan's fields apart from its shape; with
 * {@code --full} the correlating thread also does the model's per-message core ({@link FullSteps}, note 22).
 *
 * <pre>
 *   java -XX:+UseParallelGC -Xmx300m -Xmn120m -cp target/test-classes:target/classes \
 *       dev.parley.decode.sip.LoadFloor FILE [--scanner | --all-fields] [--full]
 * </pre>
 */
public final class LoadFloor {
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int UDP_PAYLOAD = 14 + 20 + 8;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Methods by a small id; 0 is a response, 15 any other method. */
    private static final String[] METHODS = {null, "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "MESSAGE",
        "SUBSCRIBE", "NOTIFY", "PRACK", "UPDATE", "INFO", "REFER", "PUBLISH", null};
    static final int INVITE = 1;
    static final int ACK = 2;
    static final int BYE = 3;
    static final int OTHER = 15;

    /** One batch of messages as columns; key bytes packed in {@link #bytes}. */
    static final class Batch {
        static final int ROWS = 2048;
        static final int MORE = 12;
        static final int NUMBERS = 3;
        final long[] frame = new long[ROWS];
        final long[] time = new long[ROWS];
        /** Status code for a response, else -method id. */
        final int[] kind = new int[ROWS];
        final int[] cseq = new int[ROWS];
        final int[] cseqMethod = new int[ROWS];
        /** Source and destination as IPv4 address << 16 | port. */
        final long[] src = new long[ROWS];
        final long[] dst = new long[ROWS];
        /** Start and length in {@link #bytes} of the Call-ID, From tag, To tag and branch (length -1: absent). */
        final int[] keys = new int[ROWS * 8];
        final byte[] bytes = new byte[ROWS * 512];
        /** {@link Scan#ALL_FIELDS} only: start and length of the other texts ({@link #MORE} a row, see AllFields). */
        final int[] more = new int[ROWS * MORE * 2];
        /** {@link Scan#ALL_FIELDS} only: Content-Length, expires, media type (see AllFields). */
        final int[] numbers = new int[ROWS * NUMBERS];
        int rows;
        int used;
        boolean last;
    }

    /** Which scan fills the batches. */
    public enum Scan {
        /** The floor's own: the four keys, the kind and the CSeq only. */
        KEYS,
        /** The floor's way, every field Parley's summary carries ({@link AllFields}). */
        ALL_FIELDS,
        /** Parley's {@link SipScanner}, its summary's keys and numbers copied into the batch. */
        PARLEY
    }

    /** What one load found, and what it took. */
    public record Counts(long frames, int sipMessages, int callIds, int transactions, int resent, int completedCalls,
                         long wallNanos, long readingCpuNanos, long correlatingCpuNanos, int[] callStates) {
    }

    private LoadFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args).subList(1, args.length);
        Scan scan = options.contains("--scanner") ? Scan.PARLEY
                : options.contains("--all-fields") ? Scan.ALL_FIELDS : Scan.KEYS;
        Counts c = load(Path.of(args[0]), scan, options.contains("--full"));
        System.out.printf("frames %d, sip messages %d, call-ids %d, transactions %d, resent %d, completed calls %d%n",
                c.frames(), c.sipMessages(), c.callIds(), c.transactions(), c.resent(), c.completedCalls());
        if (c.callStates() != null) {
            System.out.println("call states " + Arrays.toString(c.callStates()));
        }
        System.out.printf("%.3f s, reading thread %.3f s CPU, correlating thread %.3f s CPU%n", c.wallNanos() / 1e9,
                c.readingCpuNanos() / 1e9, c.correlatingCpuNanos() / 1e9);
    }

    /** {@link #load(Path, Scan, boolean)} with the floor's own correlator steps only. */
    public static Counts load(Path file, Scan scan) throws IOException, InterruptedException {
        return load(file, scan, false);
    }

    /**
     * Loads {@code file}, the batches filled by {@code scan}; with
     * {@code full}, the correlator also does what the model's core does on every message (see {@link FullSteps}).
     */
    public static Counts load(Path file, Scan scan, boolean full) throws IOException, InterruptedException {
        BlockingQueue<Batch> fullQueue = new ArrayBlockingQueue<>(4);
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(8);
        for (int i = 0; i < 6; i++) {
            free.add(new Batch());
        }
        long start = System.nanoTime();
        Correlator correlator = new Correlator(fullQueue, free, full ? new FullSteps() : null);
        Thread t = new Thread(correlator, "floor-correlating");
        t.start();
        long readerCpu = CPU.getCurrentThreadCpuTime();
        long frames = read(file, scan, fullQueue, free);
        readerCpu = CPU.getCurrentThreadCpuTime() - readerCpu;
        t.join();
        return new Counts(frames, correlator.rows, correlator.sessions, correlator.transactions, correlator.resent,
                correlator.completed, System.nanoTime() - start, readerCpu, correlator.cpu,
                correlator.steps == null ? null : correlator.steps.callStates());
    }

    /** Walks the records through one 4 MiB buffer filled by positional reads, as Parley's reader does. */
    private static long read(Path file, Scan scan, BlockingQueue<Batch> full, BlockingQueue<Batch> free)
            throws IOException, InterruptedException {
        long frames = 0;
        Batch batch = free.take();
        byte[] buffer = new byte[4 << 20];
        ByteBuffer window = ByteBuffer.wrap(buffer);
        byte[] frame = new byte[1 << 16];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = PCAP_HEADER;
            int have = 0;
            int at = 0;
            while (true) {
                if (have - at < RECORD_HEADER || have - at < RECORD_HEADER + i32(buffer, at + 8)) {
                    System.arraycopy(buffer, at, buffer, 0, have - at); // keep the partial record, read on
                    have -= at;
                    at = 0;
                    window.clear().position(have);
                    int n = channel.read(window, position);
                    if (n <= 0) {
                        break;
                    }
                    position += n;
                    have += n;
                    continue;
                }
                long time = i32(buffer, at) * 1_000_000_000L + i32(buffer, at + 4) * 1000L;
                int length = i32(buffer, at + 8);
                if (length > frame.length) {
                    break;
                }
                System.arraycopy(buffer, at + RECORD_HEADER, frame, 0, length);
                at += RECORD_HEADER + length;
                boolean sip = switch (scan) {
                    case KEYS -> scan(frame, length, batch, frames, time);
                    case ALL_FIELDS -> AllFields.scan(frame, length, batch, frames, time);
                    case PARLEY -> parleyScan(frame, length, batch, frames, time);
                };
                if (sip && batch.rows == Batch.ROWS) {
                    full.put(batch);
                    batch = free.take();
                    batch.rows = 0;
                    batch.used = 0;
                }
                frames++;
            }
        }
        batch.last = true;
        full.put(batch);
        return frames;
    }

    private static int i32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** Appends the SIP message of one frame to the batch; false when the frame holds none. */
    private static boolean scan(byte[] b, int n, Batch batch, long frame, long time) {
        int lf = firstLineEnd(b, n, batch);
        if (lf < 0) {
            return false;
        }
        int s = UDP_PAYLOAD;
        int row = batch.rows;
        int kind;
        if (b[s] == 'S' && b[s + 1] == 'I' && b[s + 2] == 'P' && b[s + 3] == '/') {
            kind = (b[s + 8] - '0') * 100 + (b[s + 9] - '0') * 10 + (b[s + 10] - '0');
        } else if (b[lf - 8] == 'S' && b[lf - 7] == 'I' && b[lf - 6] == 'P' && b[lf - 5] == '/') {
            kind = -method(b, s, StartLine.indexOf(b, (byte) ' ', s, lf, lf));
        } else {
            return false;
        }
        int[] keys = batch.keys;
        Arrays.fill(keys, row * 8, row * 8 + 8, -1);
        long cseq = -1L << 32;
        boolean via = false;
        for (int p = lf + 1; p < n; ) {
            int e = StartLine.indexOf(b, (byte) '\n', p, n, n);
            int ve = e > p && b[e - 1] == '\r' ? e - 1 : e;
            if (ve == p) {
                break;
            }
            int colon = StartLine.indexOf(b, (byte) ':', p, ve, -1);
            if (colon > p) {
                int vs = colon + 1;
                while (vs < ve && b[vs] == ' ') {
                    vs++;
                }
                int c = b[p] | 0x20;
                int nameLength = colon - p;
                if (c == 'i' && nameLength == 1 || c == 'c' && nameLength == 7 && (b[p + 5] | 0x20) == 'i') {
                    copy(batch, row, 0, b, vs, ve);
                } else if (c == 'f' && (nameLength == 4 || nameLength == 1)) {
                    param(batch, row, 1, b, vs, ve, "tag=");
                } else if (c == 't' && (nameLength == 2 || nameLength == 1)) {
                    param(batch, row, 2, b, vs, ve, "tag=");
                } else if (c == 'v' && (nameLength == 3 || nameLength == 1) && !via) {
                    via = true;
                    param(batch, row, 3, b, vs, ve, "branch=");
                } else if (c == 'c' && nameLength == 4) {
                    cseq = cseq(b, vs, ve);
                }
            }
            p = e + 1;
        }
        endRow(b, batch, row, frame, time, kind, cseq);
        return true;
    }

    /**
     * The end of the start line of the SIP message in an Ethernet/IPv4/UDP frame of {@code n} bytes, or -1 when the
     * frame is no such message or the batch has no room for its bytes.
     */
    static int firstLineEnd(byte[] b, int n, Batch batch) {
        if (n <= UDP_PAYLOAD + 12 || b[12] != 8 || b[13] != 0 || b[14] != 0x45 || b[23] != 17
                || batch.used + n > batch.bytes.length) {
            return -1;
        }
        int lf = StartLine.indexOf(b, (byte) '\n', UDP_PAYLOAD, n, -1);
        return lf < UDP_PAYLOAD + 12 ? -1 : lf;
    }

    /** A CSeq value: its number in the high and its method's id in the low 32 bits. */
    static long cseq(byte[] b, int vs, int ve) {
        int i = vs;
        long number = 0;
        while (i < ve && b[i] >= '0' && b[i] <= '9') {
            number = number * 10 + b[i++] - '0';
        }
        while (i < ve && b[i] == ' ') {
            i++;
        }
        return number << 32 | method(b, i, ve);
    }

    /** Completes row {@code row}: endpoints, frame, time, kind and the CSeq as {@link #cseq} packs it. */
    static void endRow(byte[] b, Batch batch, int row, long frame, long time, int kind, long cseq) {
        endpoints(b, batch, row);
        batch.frame[row] = frame;
        batch.time[row] = time;
        batch.kind[row] = kind;
        batch.cseq[row] = (int) (cseq >> 32);
        batch.cseqMethod[row] = (int) cseq;
        batch.rows++;
    }

    private static final SipScanner SCANNER = new SipScanner();

    /** {@link #scan} by Parley's scanner: its summary's keys and numbers copied into the batch. */
    private static boolean parleyScan(byte[] b, int n, Batch batch, long frame, long time) {
        if (n <= UDP_PAYLOAD + 12 || b[12] != 8 || b[13] != 0 || b[14] != 0x45 || b[23] != 17
                || batch.used + n > batch.bytes.length) {
            return false;
        }
        SipSummary s = SCANNER.scanMessage(dev.parley.decode.Bytes.of(b).slice(UDP_PAYLOAD, n - UDP_PAYLOAD), frame);
        if (s == null) {
            return false;
        }
        int row = batch.rows;
        for (int k = 0; k < 4; k++) {
            int length = s.keyLength(k);
            if (length < 0) {
                batch.keys[row * 8 + k * 2] = -1;
                batch.keys[row * 8 + k * 2 + 1] = -1;
            } else {
                copy(batch, row, k, s.keys(), s.keyOffset(k), s.keyOffset(k) + length);
            }
        }
        endRow(b, batch, row, frame, time, s.request() ? -methodId(s.method()) : s.statusCode(),
                s.cseq() << 32 | methodId(s.cseqMethod()));
        return true;
    }

    private static void endpoints(byte[] b, Batch batch, int row) {
        batch.src[row] = (i32be(b, 26) & 0xffffffffL) << 16 | (b[34] & 0xff) << 8 | (b[35] & 0xff);
        batch.dst[row] = (i32be(b, 30) & 0xffffffffL) << 16 | (b[36] & 0xff) << 8 | (b[37] & 0xff);
    }

    private static int i32be(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static final Map<String, Integer> METHOD_IDS = new HashMap<>();
    /** The methods' names as bytes, and per name length the ids of the methods that long. */
    private static final byte[][] METHOD_BYTES = new byte[OTHER][];
    private static final int[][] BY_LENGTH = new int[16][0];

    static {
        for (int id = 1; id < OTHER; id++) {
            METHOD_IDS.put(METHODS[id], id);
            METHOD_BYTES[id] = METHODS[id].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int n = METHOD_BYTES[id].length;
            BY_LENGTH[n] = Arrays.copyOf(BY_LENGTH[n], BY_LENGTH[n].length + 1);
            BY_LENGTH[n][BY_LENGTH[n].length - 1] = id;
        }
    }

    /**
     * The id of a method name. Parley's scanner hands its shared constants, the same interned literals as {@link
     * #METHODS}, so a reference compare finds them; a loop of {@code equals} was 7 % of the reading thread with
     * {@code --scanner}, and a map lookup 9 %.
     */
    private static int methodId(String method) {
        if (method == null) {
            return OTHER;
        }
        for (int id = 1; id < OTHER; id++) {
            if (METHODS[id] == method) {
                return id;
            }
        }
        return METHOD_IDS.getOrDefault(method, OTHER);
    }

    /**
     * The id of the method named by {@code b[s, e)}, told by its length, first and last byte (the floor needs no
     * more), else {@link #OTHER}. Bytes against bytes: comparing with the names' {@code charAt} was a fifth of the
     * reading thread's samples with {@code --all-fields}.
     */
    static int method(byte[] b, int s, int e) {
        int n = e - s;
        if (n <= 0 || n >= BY_LENGTH.length) {
            return OTHER;
        }
        for (int id : BY_LENGTH[n]) {
            byte[] m = METHOD_BYTES[id];
            if (m[0] == b[s] && m[n - 1] == b[e - 1]) {
                return id;
            }
        }
        return OTHER;
    }

    static void param(Batch batch, int row, int which, byte[] b, int vs, int ve, String name) {
        int gt = StartLine.indexOf(b, (byte) '>', vs, ve, vs);
        for (int i = StartLine.indexOf(b, (byte) ';', gt, ve, ve); i < ve; i = StartLine.indexOf(b, (byte) ';', i + 1,
                ve, ve)) {
            int p = i + 1;
            while (p < ve && b[p] == ' ') {
                p++;
            }
            if (p + name.length() <= ve && b[p] == name.charAt(0) && b[p + name.length() - 1] == '=') {
                int x = p + name.length();
                int end = x;
                while (end < ve && b[end] != ';' && b[end] != ',' && b[end] != ' ') {
                    end++;
                }
                copy(batch, row, which, b, x, end);
                return;
            }
        }
    }

    static void copy(Batch batch, int row, int which, byte[] b, int s, int e) {
        System.arraycopy(b, s, batch.bytes, batch.used, e - s);
        batch.keys[row * 8 + which * 2] = batch.used;
        batch.keys[row * 8 + which * 2 + 1] = e - s;
        batch.used += e - s;
    }

    /** The correlating thread: Call-IDs and transactions matched by their bytes, rows as columns. */
    static final class Correlator implements Runnable {
        private static final int PAGE = 1 << 14;

        /** The columns of {@link #PAGE} messages. */
        private static final class RowPage {
            final int[] session = new int[PAGE];
            final int[] tx = new int[PAGE];
            final int[] previous = new int[PAGE];
            final int[] kind = new int[PAGE];
            final long[] frame = new long[PAGE];
            final long[] time = new long[PAGE];
        }

        /** The columns of {@link #PAGE} Call-IDs: newest row + 1, call state, two tag hashes. */
        private static final class SessionPage {
            final int[] lastRow = new int[PAGE];
            final int[] state = new int[PAGE];
            final long[] tags = new long[PAGE * 2];
        }

        private final BlockingQueue<Batch> full;
        private final BlockingQueue<Batch> free;
        final FullSteps steps;
        private final BytesTable callIds = new BytesTable(1 << 19);
        private final BytesTable branches = new BytesTable(1 << 21);
        private final List<SessionPage> sessionPages = new ArrayList<>();
        private final List<int[]> txLastKind = new ArrayList<>();
        private final List<RowPage> rowPages = new ArrayList<>();
        int rows;
        int sessions;
        int transactions;
        int resent;
        int completed;
        long cpu;

        Correlator(BlockingQueue<Batch> full, BlockingQueue<Batch> free, FullSteps steps) {
            this.full = full;
            this.free = free;
            this.steps = steps;
        }

        @Override
        public void run() {
            long t0 = CPU.getCurrentThreadCpuTime();
            try {
                while (true) {
                    Batch batch = full.take();
                    for (int i = 0; i < batch.rows; i++) {
                        add(batch, i);
                    }
                    boolean last = batch.last;
                    free.put(batch);
                    if (last) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpu = CPU.getCurrentThreadCpuTime() - t0;
        }

        private void add(Batch b, int i) {
            int[] k = b.keys;
            int at = i * 8;
            if (k[at + 1] < 0) {
                return;
            }
            int session = callIds.id(b.bytes, k[at], k[at + 1], 0, sessions);
            boolean newSession = session == sessions;
            if (newSession) {
                if ((sessions++ & (PAGE - 1)) == 0) {
                    sessionPages.add(new SessionPage());
                }
            }
            SessionPage sp = sessionPages.get(session >>> 14);
            int slot = session & (PAGE - 1);
            // two tag slots per Call-ID, by hash
            for (int t = 1; t <= 2; t++) {
                if (k[at + t * 2 + 1] > 0) {
                    long h = BytesTable.hash(b.bytes, k[at + t * 2], k[at + t * 2 + 1], 0);
                    if (sp.tags[slot * 2] == 0) {
                        sp.tags[slot * 2] = h;
                    } else if (sp.tags[slot * 2] != h && sp.tags[slot * 2 + 1] == 0) {
                        sp.tags[slot * 2 + 1] = h;
                    }
                }
            }
            int kind = b.kind[i];
            // an ACK of a failure shares its INVITE's branch: keyed as INVITE, as RFC 3261 17.1.1.3 matches it
            int txMethod = kind < 0 ? (-kind == ACK ? INVITE : -kind) : b.cseqMethod[i];
            int tx = k[at + 7] < 0 ? -1 : branches.id(b.bytes, k[at + 6], k[at + 7],
                    (long) b.cseq[i] << 8 | txMethod, transactions);
            boolean newTx = tx == transactions;
            if (tx >= 0) {
                if (newTx) {
                    if ((transactions++ & (PAGE - 1)) == 0) {
                        txLastKind.add(new int[PAGE]);
                    }
                } else if (steps == null && txLastKind.get(tx >>> 14)[tx & (PAGE - 1)] == kind) {
                    resent++;
                }
                txLastKind.get(tx >>> 14)[tx & (PAGE - 1)] = kind;
            }
            int row = rows++;
            if (steps != null) {
                if (steps.step(b, i, session, newSession, tx, newTx, row)) {
                    resent++;
                }
            }
            if ((row & (PAGE - 1)) == 0) {
                rowPages.add(new RowPage());
            }
            RowPage rp = rowPages.get(row >>> 14);
            int rs = row & (PAGE - 1);
            rp.session[rs] = session;
            rp.tx[rs] = tx;
            rp.kind[rs] = kind;
            rp.frame[rs] = b.frame[i];
            rp.time[rs] = b.time[i];
            rp.previous[rs] = sp.lastRow[slot] - 1;
            sp.lastRow[slot] = row + 1;
            // call state: 1 setup, 2 ringing, 3 in call, 4 completed, 5 failed (a new INVITE after a failure, as
            // after a 401 or 407, starts the setup again)
            int[] state = sp.state;
            if (kind == -INVITE && (state[slot] == 0 || state[slot] == 5)) {
                state[slot] = 1;
            } else if (kind > 0 && b.cseqMethod[i] == INVITE && state[slot] >= 1 && state[slot] <= 2) {
                state[slot] = kind < 200 ? 2 : kind < 300 ? 3 : 5;
            } else if (kind == -BYE && state[slot] == 3) {
                state[slot] = 4;
                completed++;
            }
        }
    }

    /** Distinct byte strings (with a number mixed in) to dense ids, the bytes kept in one growing pool. */
    static final class BytesTable {
        private final long[] hashes;
        private final int[] ids;
        private int[] starts = new int[1 << 16];
        private int[] lengths = new int[1 << 16];
        private long[] extras = new long[1 << 16];
        private byte[] pool = new byte[1 << 20];
        private int used;

        BytesTable(int slots) {
            hashes = new long[slots];
            ids = new int[slots];
        }

        static long hash(byte[] a, int s, int n, long extra) {
            long h = n * 0x9E3779B97F4A7C15L ^ extra;
            for (int i = s; i < s + n; i++) {
                h = (h ^ a[i]) * 0x100000001B3L;
            }
            return h == 0 ? 1 : h;
        }

        /** The id of these bytes, or {@code next} after adding them. */
        int id(byte[] a, int s, int n, long extra, int next) {
            long h = hash(a, s, n, extra);
            int mask = hashes.length - 1;
            int slot = (int) (h ^ h >>> 29) & mask;
            while (hashes[slot] != 0) {
                if (hashes[slot] == h) {
                    int id = ids[slot];
                    if (lengths[id] == n && extras[id] == extra
                            && Arrays.equals(pool, starts[id], starts[id] + n, a, s, s + n)) {
                        return id;
                    }
                }
                slot = slot + 1 & mask;
            }
            hashes[slot] = h;
            ids[slot] = next;
            if (next == starts.length) {
                starts = Arrays.copyOf(starts, next * 2);
                lengths = Arrays.copyOf(lengths, next * 2);
                extras = Arrays.copyOf(extras, next * 2);
            }
            if (used + n > pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            System.arraycopy(a, s, pool, used, n);
            starts[next] = used;
            lengths[next] = n;
            extras[next] = extra;
            used += n;
            return next;
        }
    }
}
