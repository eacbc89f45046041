package dev.parley.capture.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this process may capture: root, or the CAP_NET_RAW capability (what libpcap needs on Linux). Asked of the
 * kernel up front (geteuid and capget through jnr-ffi, /proc/self/status as a fallback) so users get advice, not a
 * failure deep in libpcap. Parley never asks to run the whole GUI as root: the advice is a capability on the runtime.
 *
 * @param euid        effective user id, -1 when unknown
 * @param effective   effective capability bits, -1 when unknown
 */
public record Privileges(int euid, long effective) {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_NET_RAW = 13;

    /** The current process's privileges. */
    public static Privileges current() {
        int uid = NativeIds.geteuid();
        long caps = NativeIds.effectiveCapabilities();
        if (caps < 0) {
            caps = capEffFromProc(Path.of("/proc/self/status"));
        }
        return new Privileges(uid, caps);
    }

    public boolean hasNetRaw() {
        return effective >= 0 && (effective & (1L << CAP_NET_RAW)) != 0;
    }

    /** True when live capture should work: CAP_NET_RAW, or root when the capabilities are unknown. */
    public boolean canCapture() {
        return effective >= 0 ? hasNetRaw() : euid == 0;
    }

    /** Empty when capture is allowed, else what is missing and the command that fixes it. */
    public String advice() {
        if (canCapture()) {
            return "";
        }
        String java = javaBinary();
        return "Live capture needs root or the CAP_NET_RAW capability, and this process has neither (uid " + euid
                + "). Grant it to the Java runtime once, then start Parley again as yourself:\n"
                + "    sudo setcap cap_net_raw,cap_net_admin=eip " + java + "\n"
                + "(running the whole application as root is not needed and not advised; "
                + "tcpdump users in the 'pcap' group can also use a setcap'd runtime)";
    }

    /** The real path of the running java binary (setcap does not follow symbolic links). */
    static String javaBinary() {
        String cmd = ProcessHandle.current().info().command().orElse(null);
        if (cmd == null) {
            return "$(readlink -f $(which java))";
        }
        try {
            return Path.of(cmd).toRealPath().toString();
        } catch (IOException e) {
            return cmd;
        }
    }

    /** CapEff from a /proc/PID/status file, -1 when absent or unreadable. */
    static long capEffFromProc(Path status) {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring(7).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
