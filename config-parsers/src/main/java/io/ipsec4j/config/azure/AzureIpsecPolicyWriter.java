package io.ipsec4j.config.azure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.Vendor;
import io.ipsec4j.model.check.VendorProfile;
import io.ipsec4j.model.check.VendorProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a model tunnel as an Azure connection's custom IPsec/IKE policy, in Azure's spellings
 * ({@code GCMAES256}, {@code DHGroup14}, {@code ECP384}, {@code PFS2048}): the ARM
 * {@code Microsoft.Network/connections} properties ({@code ipsecPolicies}, {@code trafficSelectorPolicies},
 * protocol, DPD timeout, policy-based selectors flag) and the equivalent {@code New-AzIpsecPolicy}
 * (and {@code New-AzTrafficSelectorPolicy}) PowerShell line.
 *
 * <p>The tunnel is ours (the on-premises side), as {@link io.ipsec4j.config.CloudTunnelMapper}
 * imports it: its remote subnets are Azure's {@code localAddressRanges}. The writer first runs the
 * profile ({@link VendorProfiles#AZURE} for a VPN Gateway, {@link VendorProfiles#AZURE_VWAN} for a
 * Virtual WAN hub, which spells PFS group 14 {@code PFS14}) and refuses with its ERROR findings
 * what Azure would refuse; it also refuses a byte lifetime that is not a whole number of kilobytes.
 * Azure has one value per field: with GCM, integrity names the same GCM algorithm; in IKE the
 * integrity value is also the PRF, so an AEAD IKE proposal is written with its PRF's name. Without a
 * byte limit, Azure's default {@value #DEFAULT_SA_DATA_SIZE_KILOBYTES} KB is written (the field is
 * required). The shared key is written only with {@link SecretOutput#REVEAL}; the output is
 * deterministic and {@link AzureConnectionJsonParser} reads it back.
 *
 * @see <a href="https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto">Azure custom IPsec/IKE policy</a>
 */
public final class AzureIpsecPolicyWriter {
    /** Azure's default {@code saDataSizeKilobytes} (CONFIG-FORMATS §2.3). */
    public static final long DEFAULT_SA_DATA_SIZE_KILOBYTES = 102_400_000L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The values of one policy, in Azure's spellings, in the order of {@code New-AzIpsecPolicy}'s parameters. */
    private record Policy(String ikeEncryption, String ikeIntegrity, String dhGroup, String ipsecEncryption,
            String ipsecIntegrity, String pfsGroup, long saLifeTimeSeconds, long saDataSizeKilobytes) {}

    private AzureIpsecPolicyWriter() {}

    /**
     * The connection resource (type, {@code properties} with the policy) as ARM JSON.
     *
     * @param profile {@link VendorProfiles#AZURE} or {@link VendorProfiles#AZURE_VWAN}
     * @throws VendorRefusedException when Azure would refuse the tunnel
     */
    public static String connectionJson(Tunnel tunnel, VendorProfile profile, SecretOutput secrets) throws VendorRefusedException {
        Objects.requireNonNull(secrets, "secrets");
        Policy p = policy(tunnel, profile);
        ObjectNode root = NODES.objectNode();
        root.put("name", tunnel.name());
        root.put("type", "Microsoft.Network/connections");
        ObjectNode props = root.putObject("properties");
        props.put("connectionType", "IPsec");
        props.put("connectionProtocol", tunnel.phaseOne().ikeVersion().isV1() ? "IKEv1" : "IKEv2");
        tunnel.phaseTwo().dpd().ifPresent(d -> props.put("dpdTimeoutSeconds", d.timeout().toSeconds()));
        props.put("enableBgp", tunnel.bgp().isPresent());
        boolean policyBased = tunnel.routing() == RoutingMode.POLICY_BASED;
        props.put("usePolicyBasedTrafficSelectors", policyBased);
        if (secrets == SecretOutput.REVEAL) {
            props.put("sharedKey", tunnel.phaseOne().sharedSecret().reveal());
        }
        ObjectNode o = props.putArray("ipsecPolicies").addObject();
        o.put("saLifeTimeSeconds", p.saLifeTimeSeconds());
        o.put("saDataSizeKilobytes", p.saDataSizeKilobytes());
        o.put("ipsecEncryption", p.ipsecEncryption());
        o.put("ipsecIntegrity", p.ipsecIntegrity());
        o.put("ikeEncryption", p.ikeEncryption());
        o.put("ikeIntegrity", p.ikeIntegrity());
        o.put("dhGroup", p.dhGroup());
        o.put("pfsGroup", p.pfsGroup());
        ArrayNode selectors = props.putArray("trafficSelectorPolicies");
        if (policyBased) {
            ObjectNode ts = selectors.addObject();
            // Azure's "local" is its own side: our remote subnets.
            ArrayNode local = ts.putArray("localAddressRanges");
            tunnel.phaseTwo().remoteSubnets().forEach(s -> local.add(s.toString()));
            ArrayNode remote = ts.putArray("remoteAddressRanges");
            tunnel.phaseTwo().localSubnets().forEach(s -> remote.add(s.toString()));
        }
        return JsonInput.pretty(root);
    }

    /**
     * The PowerShell that creates the same policy: {@code $policy = New-AzIpsecPolicy …}, and for a
     * policy-based tunnel {@code $selectors = New-AzTrafficSelectorPolicy …}.
     *
     * @throws VendorRefusedException when Azure would refuse the tunnel
     */
    public static String powerShell(Tunnel tunnel, VendorProfile profile) throws VendorRefusedException {
        Policy p = policy(tunnel, profile);
        StringBuilder sb = new StringBuilder("$policy = New-AzIpsecPolicy -IkeEncryption ").append(p.ikeEncryption())
                .append(" -IkeIntegrity ").append(p.ikeIntegrity()).append(" -DhGroup ").append(p.dhGroup())
                .append(" -IpsecEncryption ").append(p.ipsecEncryption()).append(" -IpsecIntegrity ").append(p.ipsecIntegrity())
                .append(" -PfsGroup ").append(p.pfsGroup()).append(" -SALifeTimeSeconds ").append(p.saLifeTimeSeconds())
                .append(" -SADataSizeKilobytes ").append(p.saDataSizeKilobytes()).append('\n');
        if (tunnel.routing() == RoutingMode.POLICY_BASED) {
            sb.append("$selectors = New-AzTrafficSelectorPolicy -LocalAddressRange ")
                    .append(ranges(tunnel.phaseTwo().remoteSubnets())).append(" -RemoteAddressRange ")
                    .append(ranges(tunnel.phaseTwo().localSubnets())).append('\n');
        }
        return sb.toString();
    }

    private static String ranges(List<TrafficSelector> selectors) {
        return selectors.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "@(", ")"));
    }

    private static Policy policy(Tunnel t, VendorProfile profile) throws VendorRefusedException {
        Objects.requireNonNull(t, "tunnel");
        Objects.requireNonNull(profile, "profile");
        if (profile != VendorProfiles.AZURE && profile != VendorProfiles.AZURE_VWAN) {
            throw new IllegalArgumentException("profile: " + profile.name() + " (expected: Azure VPN Gateway or Azure Virtual WAN)");
        }
        List<Finding> findings = new ArrayList<>(profile.check(t));
        java.util.OptionalLong bytes = t.phaseTwo().lifetime().bytes();
        if (bytes.isPresent() && bytes.getAsLong() % 1024 != 0) {
            findings.add(Finding.error("AZURE_SA_DATA_SIZE_KILOBYTES", "phaseTwo.lifetime.bytes", "Azure states the Quick Mode"
                    + " SA data size in whole kilobytes (saDataSizeKilobytes); " + bytes.getAsLong() + " bytes is not a multiple of 1024"));
        }
        VendorRefusedException.refuseOnErrors(profile.name(), t.name(), findings);
        // The profile has checked: one proposal per phase, one value per field, each with an Azure spelling.
        IkeProposal ike = t.phaseOne().proposals().get(0);
        EspProposal esp = t.phaseTwo().proposals().get(0);
        Encryption ikeEnc = ike.encryption().get(0);
        String ikeEncryption = name(ikeEnc);
        String ikeIntegrity = ike.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).findFirst()
                .map(AzureIpsecPolicyWriter::name)
                .orElseGet(() -> ike.prf().isEmpty() ? ikeEncryption : spelled(AlgorithmNames.name(Vendor.AZURE, ike.prf().get(0)),
                        ike.prf().get(0)));
        String dh = spelled(AlgorithmNames.name(Vendor.AZURE, ike.keyExchange().get(0)), ike.keyExchange().get(0));
        Encryption espEnc = esp.encryption().get(0);
        String ipsecEncryption = name(espEnc);
        String ipsecIntegrity = espEnc.isAead() ? ipsecEncryption
                : esp.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).findFirst()
                        .map(AzureIpsecPolicyWriter::name).orElse("None");
        List<KeyExchangeMethod> pfs = new ArrayList<>(esp.pfsGroups());
        pfs.remove(KeyExchangeMethod.NONE);
        String pfsGroup = pfs.isEmpty() ? "None" : pfsName(pfs.get(0), profile);
        long kb = t.phaseTwo().lifetime().bytes().isPresent() ? t.phaseTwo().lifetime().bytes().getAsLong() / 1024
                : DEFAULT_SA_DATA_SIZE_KILOBYTES;
        return new Policy(ikeEncryption, ikeIntegrity, dh, ipsecEncryption, ipsecIntegrity, pfsGroup,
                t.phaseTwo().lifetime().time().toSeconds(), kb);
    }

    private static String pfsName(KeyExchangeMethod group, VendorProfile profile) {
        if (profile == VendorProfiles.AZURE_VWAN && group.equals(KeyExchangeMethod.MODP_2048)) {
            return "PFS14";
        }
        return spelled(AlgorithmNames.azurePfsName(group), group);
    }

    private static String name(Encryption e) {
        return spelled(AlgorithmNames.name(Vendor.AZURE, e), e);
    }

    private static String name(IntegrityAlgorithm i) {
        return spelled(AlgorithmNames.name(Vendor.AZURE, i), i);
    }

    private static String spelled(java.util.Optional<String> name, Object value) {
        return name.orElseThrow(() -> new IllegalStateException("no Azure spelling for " + value + " although the profile accepted it"));
    }
}
