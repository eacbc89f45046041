package dev.parley.capture.live;

import java.util.List;

/**
 * A network interface as libpcap lists it.
 *
 * @param addresses its IPv4/IPv6 addresses as text, possibly none
 */
public record LiveInterface(String name, String description, List<String> addresses, boolean up, boolean loopback) {

    /** One line for lists: "lo  (loopback, up)  127.0.0.1, ::1  description". */
    public String label() {
        StringBuilder sb = new StringBuilder(name);
        sb.append("  (").append(loopback ? "loopback, " : "").append(up ? "up" : "down").append(')');
        if (!addresses.isEmpty()) {
            sb.append("  ").append(String.join(", ", addresses));
        }
        if (description != null && !description.isBlank()) {
            sb.append("  ").append(description);
        }
        return sb.toString();
    }
}
