package dev.parley.decode.sdp;

import java.util.List;
import java.util.Map;

/**
 * One "m=" section with its lines.
 *
 * @param port       -1 when unreadable
 * @param portCount  the "/n" count after the port, 1 when absent
 * @param connection the section's own c= line, else the session's (null when neither)
 * @param rtpMaps    rtpmap attributes by payload type, in order
 * @param fmtp       fmtp parameters by payload type
 * @param direction  the section's direction attribute, else the session's, else SENDRECV
 * @param offset     of the m= line, relative to the SDP bytes
 * @param length     up to the next m= line or the end
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
                               SdpConnection connection, List<String> bandwidths, List<SdpAttribute> attributes,
                               Map<String, RtpMap> rtpMaps, Map<String, String> fmtp, Direction direction,
                               int offset, int length) {

    public RtpMap rtpMap(String payloadType) {
        return rtpMaps.get(payloadType);
    }

    /** Value of the first attribute of that name, "" for a flag, null when absent. */
    public String attribute(String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.value() == null ? "" : a.value();
            }
        }
        return null;
    }
}
