package dev.parley.decode.sip;

import dev.parley.decode.Bytes;
import dev.parley.decode.cpim.CpimMessage;
import dev.parley.decode.isup.IsupMessage;
import dev.parley.decode.sdp.SessionDescription;
import java.util.List;

/** A decoded message body; offset and length place it in the message bytes. */
public sealed interface SipBody permits SipBody.Empty, SipBody.Text, SipBody.Binary, SipBody.Sdp,
        SipBody.Multipart, SipBody.Isup, SipBody.Cpim {

    int offset();

    int length();

    record Empty(int offset) implements SipBody {
        @Override
        public int length() {
            return 0;
        }
    }

    /** A printable body of any other type (XML, plain text, sipfrag...). */
    record Text(String contentType, String text, int offset, int length) implements SipBody { }

    /** A body that is not printable text and of no type decoded here. */
    record Binary(String contentType, Bytes bytes, int offset, int length) implements SipBody { }

    /** application/sdp; offsets inside {@code sdp} are relative to {@link #offset()}. */
    record Sdp(SessionDescription sdp, int offset, int length) implements SipBody { }

    /** multipart/* with the boundary from Content-Type; parts decoded recursively. */
    record Multipart(String contentType, String boundary, List<BodyPart> parts, int offset, int length)
            implements SipBody { }

    /** application/ISUP (SIP-T, RFC 3204). */
    record Isup(IsupMessage isup, int offset, int length) implements SipBody { }

    /** message/cpim (RFC 3862); offsets inside {@code cpim} are relative to {@link #offset()}. */
    record Cpim(CpimMessage cpim, int offset, int length) implements SipBody { }
}
