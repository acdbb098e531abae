package io.ipsec4j.config.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import io.ipsec4j.model.check.VendorProfiles;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a model tunnel as the AWS side's tunnel options, in the EC2 API's own spellings: the
 * {@code ModifyVpnTunnelOptionsSpecification} that {@code aws ec2 modify-vpn-tunnel-options
 * --tunnel-options} takes, which is also one {@code VpnTunnelOptionsSpecification} entry of
 * CreateVpnConnection's {@code Options.TunnelOptions}.
 *
 * <p>The tunnel is ours (the SASE gateway, AWS's "customer gateway"; its remote public IP is the AWS
 * outside address), as {@link io.ipsec4j.config.CloudTunnelMapper} imports it. The writer first runs
 * {@link VendorProfiles#AWS} and refuses with its ERROR findings what AWS would refuse, plus what
 * the options cannot state at all (no PFS, inside addresses other than AWS's .1/.2 convention).
 * AWS takes one list per transform type and phase: the proposals are merged into the lists, in the
 * API's documented order, and AWS's integrity value doubles as the PRF. The rekey margin and fuzz
 * come from the Phase 2 lifetime; the DPD delay has no option (AWS probes every 10 s). The
 * pre-shared key is written only with {@link SecretOutput#REVEAL}. The output is deterministic and
 * {@link AwsTunnelOptionsParser} reads it back.
 *
 * <pre>{@code
 * String json = AwsTunnelOptionsWriter.modifyRequest(tunnel, "vpn-0e69d9ffe151c77f1", StartupAction.ADD, SecretOutput.REDACT);
 * // aws ec2 modify-vpn-tunnel-options --cli-input-json file://request.json
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpnTunnelOptionsSpecification.html">
 *     ModifyVpnTunnelOptionsSpecification</a>
 */
public final class AwsTunnelOptionsWriter {
    /** The API's valid values, in the order the reference lists them (the order written). */
    private static final List<String> ENCRYPTION_ORDER = List.of("AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16");
    private static final List<String> INTEGRITY_ORDER = List.of("SHA1", "SHA2-256", "SHA2-384", "SHA2-512");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code StartupAction}: whether AWS waits for our gateway or initiates itself. */
    public enum StartupAction {
        /** {@code add}: our gateway initiates (AWS's default). */
        ADD,
        /** {@code start}: AWS initiates too (needs a customer gateway with an IP address). */
        START;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private AwsTunnelOptionsWriter() {}

    /**
     * The {@code --tunnel-options} JSON object for {@code tunnel}.
     *
     * @throws VendorRefusedException when AWS would refuse the tunnel or the options cannot state it
     */
    public static String tunnelOptions(Tunnel tunnel, StartupAction startup, SecretOutput secrets) throws VendorRefusedException {
        return print(specification(tunnel, startup, secrets));
    }

    /**
     * The {@code --cli-input-json} document of {@code aws ec2 modify-vpn-tunnel-options}: the connection
     * id, the tunnel's AWS outside address ({@code VpnTunnelOutsideIpAddress}, our remote public IP) and
     * its {@code TunnelOptions}.
     *
     * @throws VendorRefusedException when AWS would refuse the tunnel or the options cannot state it
     */
    public static String modifyRequest(Tunnel tunnel, String vpnConnectionId, StartupAction startup, SecretOutput secrets)
            throws VendorRefusedException {
        Objects.requireNonNull(vpnConnectionId, "vpnConnectionId");
        ObjectNode o = NODES.objectNode();
        o.put("VpnConnectionId", vpnConnectionId);
        o.put("VpnTunnelOutsideIpAddress", tunnel.phaseOne().remotePublicIp().toString());
        o.set("TunnelOptions", specification(tunnel, startup, secrets));
        return print(o);
    }

    /**
     * The {@code --options} JSON of {@code aws ec2 create-vpn-connection} for a redundant pair: one
     * {@code TunnelOptions} entry per tunnel, dynamic routing ({@code StaticRoutesOnly} false).
     *
     * @throws VendorRefusedException when AWS would refuse a tunnel or the pair
     */
    public static String connectionOptions(RedundantTunnels pair, StartupAction startup, SecretOutput secrets)
            throws VendorRefusedException {
        List<Finding> pairFindings = VendorProfiles.AWS.check(pair);
        VendorRefusedException.refuseOnErrors(VendorProfiles.AWS.name(), pair.name(), pairFindings);
        ObjectNode o = NODES.objectNode();
        o.put("StaticRoutesOnly", false);
        o.put("TunnelInsideIpVersion", pair.tunnel1().tunnelInterface().map(TunnelInterface::family)
                .orElse(IpFamily.IPV4) == IpFamily.IPV6 ? "ipv6" : "ipv4");
        ArrayNode list = o.putArray("TunnelOptions");
        for (Tunnel t : pair.tunnels()) {
            list.add(specification(t, startup, secrets));
        }
        return print(o);
    }

    static ObjectNode specification(Tunnel t, StartupAction startup, SecretOutput secrets) throws VendorRefusedException {
        Objects.requireNonNull(t, "tunnel");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(secrets, "secrets");
        List<Finding> findings = new ArrayList<>(VendorProfiles.AWS.check(t));
        inexpressible(t, findings);
        VendorRefusedException.refuseOnErrors(VendorProfiles.AWS.name(), t.name(), findings);
        ObjectNode o = NODES.objectNode();
        t.tunnelInterface().ifPresent(ti -> o.put(ti.family() == IpFamily.IPV4 ? "TunnelInsideCidr" : "TunnelInsideIpv6Cidr",
                ti.network().toString()));
        if (secrets == SecretOutput.REVEAL) {
            o.put("PreSharedKey", t.phaseOne().sharedSecret().reveal());
        }
        Lifetime p1 = t.phaseOne().lifetime();
        Lifetime p2 = t.phaseTwo().lifetime();
        o.put("Phase1LifetimeSeconds", p1.time().toSeconds());
        o.put("Phase2LifetimeSeconds", p2.time().toSeconds());
        p2.rekeyMargin().ifPresent(m -> o.put("RekeyMarginTimeSeconds", m.toSeconds()));
        o.put("RekeyFuzzPercentage", p2.rekeyFuzzPercent());
        o.put("ReplayWindowSize", t.phaseTwo().replayWindow());
        t.phaseTwo().dpd().ifPresent(d -> dpd(o, d));
        List<IkeProposal> ike = t.phaseOne().proposals();
        List<EspProposal> esp = t.phaseTwo().proposals();
        TreeSet<String> enc1 = ordered(ENCRYPTION_ORDER);
        TreeSet<String> integ1 = ordered(INTEGRITY_ORDER);
        TreeSet<Integer> dh1 = new TreeSet<>();
        for (IkeProposal p : ike) {
            p.encryption().forEach(e -> enc1.add(name(e)));
            p.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).forEach(i -> integ1.add(name(i)));
            // AWS has no PRF option: its integrity value is also the PRF (an AEAD proposal's only use of it).
            p.prf().forEach(prf -> integ1.add(name(prf)));
            p.keyExchange().forEach(k -> dh1.add(k.id()));
        }
        TreeSet<String> enc2 = ordered(ENCRYPTION_ORDER);
        TreeSet<String> integ2 = ordered(INTEGRITY_ORDER);
        TreeSet<Integer> dh2 = new TreeSet<>();
        for (EspProposal p : esp) {
            p.encryption().forEach(e -> enc2.add(name(e)));
            p.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).forEach(i -> integ2.add(name(i)));
            p.pfsGroups().stream().filter(k -> !k.equals(KeyExchangeMethod.NONE)).forEach(k -> dh2.add(k.id()));
        }
        values(o, "Phase1EncryptionAlgorithms", enc1);
        values(o, "Phase2EncryptionAlgorithms", enc2);
        values(o, "Phase1IntegrityAlgorithms", integ1);
        values(o, "Phase2IntegrityAlgorithms", integ2);
        numbers(o, "Phase1DHGroupNumbers", dh1);
        numbers(o, "Phase2DHGroupNumbers", dh2);
        o.putArray("IKEVersions").addObject().put("Value", t.phaseOne().ikeVersion().isV1() ? "ikev1" : "ikev2");
        o.put("StartupAction", startup.value());
        return o;
    }

    /** What the profile accepts but the tunnel options cannot state. */
    private static void inexpressible(Tunnel t, List<Finding> out) {
        for (int i = 0; i < t.phaseTwo().proposals().size(); i++) {
            List<KeyExchangeMethod> pfs = new ArrayList<>(t.phaseTwo().proposals().get(i).pfsGroups());
            pfs.remove(KeyExchangeMethod.NONE);
            if (pfs.isEmpty()) {
                out.add(Finding.error("AWS_PFS_REQUIRED", "phaseTwo.proposals[" + i + "].pfsGroups",
                        "AWS always uses PFS in Phase 2: Phase2DHGroupNumbers has no value for \"no PFS\""));
            }
        }
        Optional<TunnelInterface> inside = t.tunnelInterface();
        if (inside.isPresent()) {
            BigInteger first = inside.get().network().network().toBigInteger();
            if (!inside.get().remoteAddress().toBigInteger().equals(first.add(BigInteger.ONE))
                    || !inside.get().localAddress().toBigInteger().equals(first.add(BigInteger.TWO))) {
                out.add(Finding.error("AWS_INSIDE_ADDRESSES", "tunnelInterface", "AWS takes the first address of the inside"
                        + " CIDR " + inside.get().network() + " and gives the customer gateway the second: ours is "
                        + inside.get().localAddress() + ", AWS's " + inside.get().remoteAddress()));
            }
        }
        if (t.routing() == RoutingMode.POLICY_BASED) {
            out.add(Finding.warning("AWS_SELECTORS_NOT_IN_TUNNEL_OPTIONS", "phaseTwo.localSubnets", "AWS states a policy-based"
                    + " connection's networks once per connection (LocalIpv4NetworkCidr, RemoteIpv4NetworkCidr), not in"
                    + " the tunnel options"));
        }
    }

    private static void dpd(ObjectNode o, Dpd d) {
        o.put("DPDTimeoutSeconds", d.timeout().toSeconds());
        o.put("DPDTimeoutAction", d.action().name().toLowerCase(Locale.ROOT));
    }

    private static TreeSet<String> ordered(List<String> order) {
        return new TreeSet<>(Comparator.comparingInt((String s) -> order.indexOf(s) < 0 ? order.size() : order.indexOf(s))
                .thenComparing(Comparator.naturalOrder()));
    }

    private static void values(ObjectNode o, String key, TreeSet<String> names) {
        if (!names.isEmpty()) {
            ArrayNode a = o.putArray(key);
            names.forEach(n -> a.addObject().put("Value", n));
        }
    }

    private static void numbers(ObjectNode o, String key, TreeSet<Integer> groups) {
        if (!groups.isEmpty()) {
            ArrayNode a = o.putArray(key);
            groups.forEach(n -> a.addObject().put("Value", n));
        }
    }

    /** The profile has accepted every value, so each has an AWS spelling. */
    private static String name(Encryption e) {
        return AlgorithmNames.name(Vendor.AWS, e).orElseThrow(() -> new IllegalStateException("no AWS name for " + e));
    }

    private static String name(IntegrityAlgorithm i) {
        return AlgorithmNames.name(Vendor.AWS, i).orElseThrow(() -> new IllegalStateException("no AWS name for " + i));
    }

    private static String name(PrfAlgorithm p) {
        return AlgorithmNames.name(Vendor.AWS, p).orElseThrow(() -> new IllegalStateException("no AWS name for " + p));
    }

    static String print(ObjectNode o) {
        return JsonInput.pretty(o);
    }
}
