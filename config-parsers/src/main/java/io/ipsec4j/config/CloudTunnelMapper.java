package io.ipsec4j.config;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.check.VendorProfile;
import io.ipsec4j.model.check.VendorProfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a {@link CloudVpnConnection} to the model tunnels the SASE side creates, and checks them.
 *
 * <p>The SASE gateway plays AWS's "customer gateway" and Azure's "VPN site": each cloud tunnel
 * becomes a {@link Tunnel} whose remote public IP is the cloud's outside address, with the file's
 * pre-shared key, proposals, lifetimes and DPD; route-based with the inside addresses the file
 * states and BGP (local ASN = the customer gateway's, peer ASN = the cloud's), or policy-based with
 * the file's selectors. BGP runs over the inside /30 when the neighbour is the cloud's inside
 * address (AWS); when the file gives BGP addresses that share no stated inside network (Azure
 * Virtual WAN hub instances, Azure APIPA), it is multihop from the site's BGP address, with the
 * neighbour's host route through the tunnel, and no inside network is invented. A group of two
 * BGP tunnels becomes {@link RedundantTunnels}, also when both share the site's BGP address. The model's validation and warnings, the provider's vendor profile and
 * the Harmony SASE profile are run; each finding is tied back to the input position of the value
 * it concerns. Tunnels the model refuses are reported, not thrown.
 *
 * <pre>{@code
 * CloudImport result = CloudTunnelMapper.importFile(Path.of("vpn-0973f04ab3aaf1566.txt"));
 * result.redundantPairs().forEach(controller::create);
 * result.findings().forEach(System.out::println);
 * }</pre>
 */
public final class CloudTunnelMapper {
    /** Model paths (after a {@code tunnelN.} prefix) and the input field they come from. */
    private static final Map<String, CloudField> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("phaseOne.sharedSecret", CloudField.PRE_SHARED_KEY);
        FIELDS.put("phaseOne.remotePublicIp", CloudField.CLOUD_OUTSIDE_ADDRESS);
        FIELDS.put("phaseOne.localPublicIp", CloudField.CUSTOMER_OUTSIDE_ADDRESS);
        FIELDS.put("phaseOne.ikeVersion", CloudField.IKE_VERSION);
        FIELDS.put("phaseOne.lifetime", CloudField.PHASE1_LIFETIME);
        FIELDS.put("phaseOne.proposals", CloudField.PHASE1_ENCRYPTION);
        FIELDS.put("phaseTwo.lifetime", CloudField.PHASE2_LIFETIME);
        FIELDS.put("phaseTwo.proposals", CloudField.PHASE2_ENCRYPTION);
        FIELDS.put("phaseTwo.dpd", CloudField.DPD_INTERVAL);
        FIELDS.put("phaseTwo.replayWindow", CloudField.REPLAY_WINDOW);
        FIELDS.put("phaseTwo.localSubnets", CloudField.CUSTOMER_NETWORKS);
        FIELDS.put("phaseTwo.remoteSubnets", CloudField.CLOUD_NETWORKS);
        FIELDS.put("tunnelInterface", CloudField.CUSTOMER_INSIDE_ADDRESS);
        FIELDS.put("bgp.localAsn", CloudField.CUSTOMER_ASN);
        FIELDS.put("bgp.peerAsn", CloudField.CLOUD_ASN);
        FIELDS.put("bgp.neighbor", CloudField.BGP_NEIGHBOR);
        FIELDS.put("bgp.localAddress", CloudField.CUSTOMER_BGP_ADDRESS);
        FIELDS.put("bgp.kind", CloudField.CUSTOMER_BGP_ADDRESS);
        FIELDS.put("bgp.holdTime", CloudField.BGP_HOLD_TIME);
        FIELDS.put("bgp", CloudField.ROUTING);
        FIELDS.put("routes", CloudField.CLOUD_NETWORKS);
        FIELDS.put("routing", CloudField.ROUTING);
    }

    private CloudTunnelMapper() {}

    /** Reads, detects, parses and maps a file with {@link ImportOptions#defaults()}. */
    public static CloudImport importFile(Path path) throws IOException, ConfigParseException {
        return map(CloudConfigReader.read(path), ImportOptions.defaults());
    }

    /** Detects, parses and maps raw bytes with {@link ImportOptions#defaults()}. */
    public static CloudImport importBytes(byte[] bytes) throws ConfigParseException {
        return map(CloudConfigReader.read(bytes), ImportOptions.defaults());
    }

    /** Maps with {@link ImportOptions#defaults()}. */
    public static CloudImport map(CloudVpnConnection connection) {
        return map(connection, ImportOptions.defaults());
    }

    /** Maps every tunnel group of {@code connection}. */
    public static CloudImport map(CloudVpnConnection connection, ImportOptions options) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        List<ImportFinding> findings = new ArrayList<>();
        List<RedundantTunnels> pairs = new ArrayList<>();
        List<Tunnel> singles = new ArrayList<>();
        CloudTunnelBuilder builder = new CloudTunnelBuilder(connection.provider(), options, findings);
        Optional<VendorProfile> providerProfile = providerProfile(connection.format());
        for (String group : connection.groups()) {
            List<CloudTunnel> cloud = connection.tunnels(group);
            if (providerProfile.isEmpty()) {
                findings.add(new ImportFinding(Finding.info("DEFAULT_POLICY_ASSUMED", "phaseOne.proposals",
                        "a Virtual WAN file states no IPsec/IKE policy, so the hub applies Azure's default policy, which the"
                                + " proposals follow; the Azure Virtual WAN profile (custom policies) is not applied"),
                        "import", group, 0, SourceLocation.unknown()));
            }
            if (connection.algorithmsAreMinimumSet()) {
                findings.add(new ImportFinding(Finding.warning("MINIMUM_ALGORITHM_SET", "phaseOne.proposals",
                        "the file states the provider's minimum algorithm set, not the tunnel options the connection allows:"
                                + " the proposals below may be weaker than needed (for AWS, read Options.TunnelOptions of"
                                + " describe-vpn-connections)"), "import", group, 0, SourceLocation.unknown()));
            }
            List<Tunnel> built = new ArrayList<>();
            List<CloudTunnel> sources = new ArrayList<>();
            for (CloudTunnel t : cloud) {
                builder.build(t).ifPresent(m -> {
                    built.add(m);
                    sources.add(t);
                });
            }
            Optional<RedundantTunnels> pair = pair(group, built, sources, findings);
            if (pair.isPresent()) {
                pairs.add(pair.get());
                RedundantTunnels p = pair.get();
                p.warnings().forEach(f -> findings.add(pairFinding(group, sources, f, "model")));
                providerProfile.ifPresent(profile ->
                        profile.check(p).forEach(f -> findings.add(pairFinding(group, sources, f, profile.name()))));
                VendorProfiles.HARMONY_SASE.check(p).forEach(f ->
                        findings.add(pairFinding(group, sources, f, VendorProfiles.HARMONY_SASE.name())));
            } else {
                for (int i = 0; i < built.size(); i++) {
                    Tunnel m = built.get(i);
                    CloudTunnel src = sources.get(i);
                    m.warnings().forEach(f -> builder.add(src, f, "model"));
                    providerProfile.ifPresent(profile -> profile.check(m).forEach(f -> builder.add(src, f, profile.name())));
                    VendorProfiles.HARMONY_SASE.check(m).forEach(f -> builder.add(src, f, VendorProfiles.HARMONY_SASE.name()));
                    singles.add(m);
                }
            }
        }
        return new CloudImport(connection, pairs, singles, findings);
    }

    private static Optional<RedundantTunnels> pair(String group, List<Tunnel> built, List<CloudTunnel> sources,
            List<ImportFinding> findings) {
        if (built.size() != 2 || built.stream().anyMatch(t -> t.routing() != RoutingMode.ROUTE_BASED || t.bgp().isEmpty())) {
            return Optional.empty();
        }
        try {
            return Optional.of(RedundantTunnels.builder().name(CloudTunnelBuilder.name(sources.get(0)).replaceAll("T1$", ""))
                    .tunnel1(built.get(0)).tunnel2(built.get(1)).build());
        } catch (ModelValidationException e) {
            e.errors().forEach(f -> findings.add(pairFinding(group, sources,
                    Finding.builder().from(f).severity(io.ipsec4j.model.Severity.WARNING)
                            .message(f.message() + " (the tunnels are imported separately)").build(), "model")));
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            findings.add(new ImportFinding(Finding.warning("PAIR_INVALID", "pair", CloudTunnelMapper.describe(e)
                    + " (the tunnels are imported separately)"), "model", group, 0, SourceLocation.unknown()));
            return Optional.empty();
        }
    }

    private static ImportFinding pairFinding(String group, List<CloudTunnel> sources, Finding f, String origin) {
        int n = f.path().startsWith("tunnel1.") ? 1 : f.path().startsWith("tunnel2.") ? 2 : 0;
        SourceLocation at = n > 0 ? locate(sources.get(n - 1), f.path().substring(8)) : SourceLocation.unknown();
        return new ImportFinding(f, origin, group, n, at);
    }

    /**
     * The provider's profile for the tunnels of {@code format}; empty for Virtual WAN files, which
     * never state a policy: their tunnels follow Azure's default policy, and the Virtual WAN
     * profile describes what a custom policy may choose.
     */
    private static Optional<VendorProfile> providerProfile(CloudConfigFormat format) {
        return switch (format.provider().orElseThrow()) {
            case AWS -> Optional.of(VendorProfiles.AWS);
            case AZURE -> format == CloudConfigFormat.AZURE_VWAN_JSON ? Optional.empty() : Optional.of(VendorProfiles.AZURE);
            case GCP -> Optional.of(VendorProfiles.GCP);
        };
    }

    /** An exception's message, never blank (findings refuse blank messages). */
    static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The input position of the value behind a model path such as {@code phaseOne.proposals[0]}. */
    static SourceLocation locate(CloudTunnel t, String path) {
        String p = path.startsWith("tunnel1.") || path.startsWith("tunnel2.") ? path.substring(8) : path;
        for (Map.Entry<String, CloudField> e : FIELDS.entrySet()) {
            if (p.startsWith(e.getKey())) {
                Optional<SourceLocation> at = t.sourceOf(e.getValue());
                if (e.getValue() == CloudField.PHASE2_ENCRYPTION && at.isEmpty()) {
                    at = t.sourceOf(CloudField.PHASE2_LIFETIME);
                }
                return at.orElse(t.location());
            }
        }
        return t.location();
    }
}
