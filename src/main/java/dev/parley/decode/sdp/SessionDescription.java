package dev.parley.decode.sdp;

import java.util.List;

/**
 * A parsed SDP (RFC 4566). Session-level fields are null/-1 when absent; every line is kept in {@link #lines()}
 * with its offset for highlighting. {@code problems} lists what was malformed (parsing went on).
 *
 * @param version  the v= value, -1 when absent or unreadable
 * @param direction session-level direction attribute, null when absent
 */
public record SessionDescription(int version, SdpOrigin origin, String sessionName, String information,
                                 SdpConnection connection, List<String> bandwidths, List<String> times,
                                 List<SdpAttribute> attributes, Direction direction, List<MediaDescription> media,
                                 List<SdpLine> lines, List<String> problems) {

    /** Value of the first session-level attribute of that name, "" for a flag, null when absent. */
    public String attribute(String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.value() == null ? "" : a.value();
            }
        }
        return null;
    }
}
