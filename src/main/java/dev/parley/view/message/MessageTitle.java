package dev.parley.view.message;

import dev.parley.session.sip.SipMessageRef;

/** One line naming a message: frame, transport, endpoints and label. */
final class MessageTitle {
    private MessageTitle() {
    }

    static String of(SipMessageRef ref) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("Frame ").append(ref.frame());
        if (ref.flow() != null) {
            sb.append(" \u00b7 ").append(ref.flow().transport()).append(' ').append(ref.flow().src())
                    .append(" \u2192 ").append(ref.flow().dst());
        }
        sb.append(" \u00b7 ").append(ref.label());
        if (ref.request() || ref.cseqMethod() != null) {
            sb.append(" (CSeq ").append(ref.cseq()).append(' ').append(ref.cseqMethod()).append(')');
        }
        return sb.toString();
    }
}
