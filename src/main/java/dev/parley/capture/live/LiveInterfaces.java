package dev.parley.capture.live;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The interfaces libpcap can capture on (pcap_findalldevs). */
public final class LiveInterfaces {
    private LiveInterfaces() {
    }

    /** @throws LiveCaptureException when libpcap is missing or refuses to list */
    public static List<LiveInterface> list() throws LiveCaptureException {
        List<PcapNetworkInterface> devs;
        try {
            devs = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new LiveCaptureException("cannot list network interfaces: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new LiveCaptureException(NativePcap.MISSING, e);
        }
        List<LiveInterface> out = new ArrayList<>(devs.size());
        for (PcapNetworkInterface d : devs) {
            List<String> addresses = new ArrayList<>();
            for (PcapAddress a : d.getAddresses()) {
                InetAddress ip = a.getAddress();
                if (ip != null) {
                    String text = ip.getHostAddress();
                    if (ip instanceof Inet6Address) {
                        int zone = text.indexOf('%');
                        text = zone > 0 ? text.substring(0, zone) : text;
                    }
                    addresses.add(text);
                }
            }
            out.add(new LiveInterface(d.getName(), d.getDescription() == null ? "" : d.getDescription(),
                    List.copyOf(addresses), d.isUp(), d.isLoopBack()));
        }
        return out;
    }
}
