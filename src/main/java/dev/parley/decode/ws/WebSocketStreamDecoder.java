package dev.parley.decode.ws;

import dev.parley.decode.Anomaly;
import dev.parley.decode.AnomalySink;
import dev.parley.decode.Bytes;
import dev.parley.decode.Flow;
import dev.parley.decode.Limits;
import dev.parley.decode.Origin;
import dev.parley.decode.ProtocolPlugin;
import dev.parley.decode.StreamBuffer;
import java.io.ByteArrayOutputStream;

/**
 * One direction of a WebSocket connection: skips the HTTP head, then reads frames (RFC 6455 section 5.2), unmasks
 * them, joins continuation frames and hands each complete text or binary message on. Control frames are skipped.
 */
final class WebSocketStreamDecoder implements ProtocolPlugin.StreamDecoder {

    /** Receives each whole WebSocket message with the origin of the frames that carried it. */
    interface MessageSink {
        void message(Bytes message, Origin origin, long frame, long timestampNanos);
    }

    private enum State { HTTP_HEAD, FRAMES, CLOSED }

    private final Flow flow;
    private final Limits limits;
    private final AnomalySink anomalies;
    private final MessageSink sink;
    private final StreamBuffer buffer = new StreamBuffer();
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final Origin.Builder messageOrigin = new Origin.Builder();
    private State state = State.HTTP_HEAD;

    WebSocketStreamDecoder(Flow flow, Limits limits, AnomalySink anomalies, MessageSink sink) {
        this.flow = flow;
        this.limits = limits;
        this.anomalies = anomalies;
        this.sink = sink;
    }

    @Override
    public void data(Bytes data, Origin origin, long frame, long timestampNanos) {
        if (state == State.CLOSED) {
            return;
        }
        buffer.append(data, origin);
        boolean progress = true;
        while (progress && !buffer.isEmpty() && state != State.CLOSED) {
            progress = state == State.HTTP_HEAD ? skipHead(frame) : readFrame(frame, timestampNanos);
        }
        buffer.keepBorrowed();
    }

    private boolean skipHead(long frame) {
        int end = HttpHead.end(buffer.bytes());
        if (end < 0) {
            if (buffer.length() > limits.maxHeaderBlock()) {
                fail(frame, "HTTP head longer than " + limits.maxHeaderBlock() + " bytes");
            }
            return false;
        }
        buffer.consume(end);
        state = State.FRAMES;
        return true;
    }

    /** Decodes one frame if it is all buffered; false when more bytes are needed. */
    private boolean readFrame(long frame, long timestampNanos) {
        Bytes b = buffer.bytes();
        if (b.length() < 2) {
            return false;
        }
        int b0 = b.u8(0);
        int b1 = b.u8(1);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7f;
        int pos = 2;
        if (len == 126) {
            if (b.length() < 4) {
                return false;
            }
            len = b.u16(2);
            pos = 4;
        } else if (len == 127) {
            if (b.length() < 10) {
                return false;
            }
            len = (b.u32(2) << 32) | b.u32(6);
            pos = 10;
        }
        if (len < 0 || len + message.size() > limits.maxMessageSize()) {
            fail(frame, "WebSocket message larger than " + limits.maxMessageSize() + " bytes");
            return false;
        }
        int maskAt = pos;
        if (masked) {
            pos += 4;
        }
        if (b.length() < pos + len) {
            return false;
        }
        int n = (int) len;
        if (opcode == 0 || opcode == 1 || opcode == 2) {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                int m = masked ? b.u8(maskAt + (i & 3)) : 0;
                payload[i] = (byte) (b.u8(pos + i) ^ m);
            }
            message.write(payload, 0, n);
            messageOrigin.add(buffer.origin(0, pos + n));
            if (fin) {
                byte[] whole = message.toByteArray();
                Origin frames = messageOrigin.build();
                message.reset();
                messageOrigin.clear();
                sink.message(Bytes.of(whole), Origin.inline(whole, frames), frame, timestampNanos);
            }
        } else if (opcode == 8) {
            state = State.CLOSED;
        } else if (opcode != 9 && opcode != 10) {
            anomalies.report(Anomaly.warning("ws.opcode.unknown", frame,
                    "WebSocket frame with reserved opcode " + opcode + " on " + flow + " skipped"));
        }
        buffer.consume(pos + n);
        return true;
    }

    private void fail(long frame, String why) {
        anomalies.report(Anomaly.warning("ws.stream.invalid", frame, why + " on " + flow + "; rest not decoded"));
        state = State.CLOSED;
        buffer.clear();
    }

    @Override
    public void gap(long missingBytes, long frame, long timestampNanos) {
        // Frame boundaries cannot be found again after lost bytes.
        fail(frame, missingBytes + " bytes missing");
    }

    @Override
    public void close(long frame, long timestampNanos) {
        buffer.clear();
    }
}
