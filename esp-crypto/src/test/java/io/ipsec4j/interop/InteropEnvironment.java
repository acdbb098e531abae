package io.ipsec4j.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the live strongSwan interop tests can run here: root, strongSwan's charon and swanctl,
 * tshark, iproute2, unshare and /dev/net/tun. Without them the tests skip with the reason, unless
 * {@code -Dipsec4j.interop.required=true} (CI), which turns the skip into a failure.
 */
public final class InteropEnvironment {
    /** The system property that makes a missing environment a failure. */
    public static final String REQUIRED_PROPERTY = "ipsec4j.interop.required";
    static final String CHARON = "/usr/lib/ipsec/charon";

    private InteropEnvironment() {
    }

    /** Returns what is missing, or an empty list when everything is there. */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (network namespaces need CAP_NET_ADMIN; running as " + System.getProperty("user.name") + ")");
        }
        if (!Files.isExecutable(Path.of(CHARON))) {
            missing.add(CHARON + " (apt-get install strongswan-charon libstrongswan-extra-plugins libcharon-extra-plugins)");
        }
        for (String tool : List.of("swanctl", "tshark", "ip", "unshare", "mount", "nft")) {
            if (!onPath(tool)) {
                missing.add(tool + " on PATH");
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            missing.add("/dev/net/tun (kernel-libipsec needs a TUN device)");
        }
        if (!Files.exists(Path.of("/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so"))
                && !Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/ipsec/plugins/libstrongswan-kernel-libipsec.so"))) {
            missing.add("strongSwan kernel-libipsec plugin (apt-get install libcharon-extra-plugins)");
        }
        return missing;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /** Skips the calling test (or fails it when required) unless the environment is complete. */
    public static void assumeAvailable() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "strongSwan interop environment not available, missing: " + String.join("; ", missing);
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            Assertions.fail(reason + " (-D" + REQUIRED_PROPERTY + "=true)");
        }
        Assumptions.abort(reason);
    }
}
