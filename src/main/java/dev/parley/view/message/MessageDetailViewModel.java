package dev.parley.view.message;

import dev.parley.decode.Anomaly;
import dev.parley.decode.Bytes;
import dev.parley.decode.sip.SipMessage;
import dev.parley.decode.sip.SipParser;
import dev.parley.session.auth.CheckResult;
import dev.parley.view.PasswordCheckState;
import dev.parley.session.auth.DigestTarget;
import dev.parley.session.auth.SipDigestCheck;
import dev.parley.session.sip.SipMessageRef;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the message detail shows for one SIP message: the header/body tree, the raw text, the bytes for the hex pane,
 * the selected node's byte range and the anomalies; for a request with digest credentials, a check of a typed password
 * (the password is never kept nor shown). Holds no Node; call it on the FX thread.
 */
public final class MessageDetailViewModel {
    /** Status text when the capture bytes of the message are not at hand. */
    public static final String BYTES_NOT_AVAILABLE = "bytes not available";

    private final ReadOnlyObjectWrapper<SipMessageRef> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<DetailNode> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper rawText = new ReadOnlyStringWrapper(this, "rawText", "");
    private final ReadOnlyObjectWrapper<Bytes> bytes = new ReadOnlyObjectWrapper<>(this, "bytes", Bytes.EMPTY);
    private final ReadOnlyBooleanWrapper bytesAvailable = new ReadOnlyBooleanWrapper(this, "bytesAvailable");
    private final ReadOnlyObjectWrapper<DetailNode> selectedNode = new ReadOnlyObjectWrapper<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<ByteRange> selectedRange =
            new ReadOnlyObjectWrapper<>(this, "selectedRange", ByteRange.NONE);
    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final ObservableList<Anomaly> anomaliesView = FXCollections.unmodifiableObservableList(anomalies);
    private final PasswordCheckState passwordCheck = new PasswordCheckState();
    private RawText raw = RawText.of(new byte[0]);
    private byte[] shownBytes;
    private DigestTarget digest;

    /**
     * Shows one message. {@code messageBytes} are the message's bytes (ref.bytes(), or read through OriginReader);
     * null when they cannot be had: the tree then shows the indexed fields only and the status says so.
     */
    public void show(SipMessageRef ref, byte[] messageBytes) {
        selectedNode.set(null);
        selectedRange.set(ByteRange.NONE);
        message.set(ref);
        title.set(ref == null ? "" : MessageTitle.of(ref));
        setDigest(null, null);
        if (messageBytes == null) {
            raw = RawText.of(new byte[0]);
            bytes.set(Bytes.EMPTY);
            bytesAvailable.set(false);
            rawText.set(BYTES_NOT_AVAILABLE);
            status.set(BYTES_NOT_AVAILABLE);
            anomalies.clear();
            tree.set(ref == null ? null : DetailTreeBuilder.fromRef(ref));
            return;
        }
        raw = RawText.of(messageBytes);
        bytes.set(Bytes.of(messageBytes));
        bytesAvailable.set(true);
        rawText.set(raw.text());
        SipMessage parsed = SipParser.parse(Bytes.of(messageBytes));
        if (parsed == null) {
            status.set("not a SIP message (" + messageBytes.length + " bytes)");
            anomalies.setAll(List.of(new Anomaly("sip.not_sip", Anomaly.Severity.ERROR,
                    ref == null ? 0 : ref.frame(), 0, "the bytes do not start with a SIP start line")));
            tree.set(DetailTreeBuilder.notSip(messageBytes));
            return;
        }
        setDigest(DigestTarget.of(parsed), messageBytes);
        List<Anomaly> all = new ArrayList<>();
        DetailNode root = DetailTreeBuilder.build(parsed, messageBytes, all);
        anomalies.setAll(all);
        status.set(messageBytes.length + " bytes" + (all.isEmpty() ? "" : ", " + all.size()
                + (all.size() == 1 ? " anomaly" : " anomalies")));
        tree.set(root);
    }

    public void clear() {
        message.set(null);
        tree.set(null);
        title.set("");
        status.set("");
        rawText.set("");
        raw = RawText.of(new byte[0]);
        bytes.set(Bytes.EMPTY);
        bytesAvailable.set(false);
        anomalies.clear();
        selectedNode.set(null);
        selectedRange.set(ByteRange.NONE);
        setDigest(null, null);
    }

    /**
     * Checks a typed password against the shown request's digest credentials (see {@link #checkTextProperty()}); the
     * result is also in {@link #checkResultProperty()}. The password is not kept.
     */
    public CheckResult checkPassword(String typed) {
        DigestTarget target = digest;
        byte[] request = shownBytes;
        return passwordCheck.check(typed, p -> target == null
                        ? CheckResult.notCheckable("the message carries no digest credentials")
                        : SipDigestCheck.verifyRequest(request, p),
                v -> target.describe());
    }

    private void setDigest(DigestTarget target, byte[] messageBytes) {
        digest = target;
        shownBytes = target == null ? null : messageBytes;
        passwordCheck.offer(target != null, target == null ? "" : target.header() + " digest: " + target.describe());
    }

    /** Selects a node of the tree (null for none): its range becomes the highlighted range. */
    public void select(DetailNode node) {
        selectedNode.set(node);
        selectedRange.set(node == null || !node.hasRange() || !bytesAvailable.get() ? ByteRange.NONE
                : new ByteRange(node.offset(), Math.min(node.length(), bytes.get().length() - node.offset())));
    }

    /** The deepest node whose range holds {@code byteOffset} (for a click in the raw or hex pane), or null. */
    public DetailNode nodeAt(int byteOffset) {
        DetailNode root = tree.get();
        return root == null ? null : deepest(root, byteOffset, null);
    }

    private static DetailNode deepest(DetailNode n, int offset, DetailNode best) {
        DetailNode found = best;
        if (n.hasRange() && offset >= n.offset() && offset < n.offset() + n.length()
                && (found == null || n.length() <= found.length())) {
            found = n;
        }
        for (DetailNode c : n.children()) {
            found = deepest(c, offset, found);
        }
        return found;
    }

    /** Char index in {@link #rawTextProperty()} of a byte offset of the message. */
    public int textIndexOf(int byteOffset) {
        return raw.charIndex(byteOffset);
    }

    /** Byte offset of the first byte shown at char {@code textIndex} of the raw text. */
    public int byteOffsetOf(int textIndex) {
        Bytes b = bytes.get();
        int lo = 0;
        int hi = b.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (raw.charIndex(mid) <= textIndex) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public ReadOnlyObjectProperty<SipMessageRef> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Root of the tree (its children are the top-level rows), null when nothing is shown. */
    public ReadOnlyObjectProperty<DetailNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** "Frame 12 · 0.123456 s · UDP 10.0.0.1:5060 → 10.0.0.2:5060 · INVITE". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Size and anomaly count, or why there is nothing to show ({@link #BYTES_NOT_AVAILABLE}). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rawTextProperty() {
        return rawText.getReadOnlyProperty();
    }

    /** The message bytes for the hex pane, empty when not available. */
    public ReadOnlyObjectProperty<Bytes> bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bytesAvailableProperty() {
        return bytesAvailable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetailNode> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** Byte range of the selected node, {@link ByteRange#NONE} when none. */
    public ReadOnlyObjectProperty<ByteRange> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** True when the shown message is a request with Digest Authorization or Proxy-Authorization. */
    public ReadOnlyBooleanProperty passwordCheckableProperty() {
        return passwordCheck.checkableProperty();
    }

    /** What a password is checked against: "Authorization digest: user alice, realm parley.test, MD5, qop auth". */
    public ReadOnlyStringProperty checkHowProperty() {
        return passwordCheck.howProperty();
    }

    /** The last check's result, null before a check and after another message is shown. */
    public ReadOnlyObjectProperty<CheckResult> checkResultProperty() {
        return passwordCheck.resultProperty();
    }

    /** "MATCH: user alice, realm parley.test, MD5, qop auth", "MISMATCH: ...", "NOT CHECKABLE: reason", or "". */
    public ReadOnlyStringProperty checkTextProperty() {
        return passwordCheck.textProperty();
    }

    /** Parser anomalies of the shown message (SIP, SDP, ISUP, CPIM), read-only. */
    public ObservableList<Anomaly> anomalies() {
        return anomaliesView;
    }
}
