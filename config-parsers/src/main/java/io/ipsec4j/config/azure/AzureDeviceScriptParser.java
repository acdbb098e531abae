package io.ipsec4j.config.azure;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase1;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.LabelledLine;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the machine-readable header block of an Azure VPN Gateway "Download configuration" device
 * script (CONFIG-FORMATS.md §2.2.1): sections {@code [1] Network parameters}, {@code [2] IPsec/IKE
 * parameters} (with the {@code > IKE version} and {@code > IPsec} sub-headers) and {@code [3] BGP
 * parameters}, one {@code !   > label: value} or {@code !     + label: value} line per field.
 *
 * <p>One tunnel per {@code Public IP N} (two for active-active gateways). Values use device syntax
 * ({@code aes-cbc-256}, {@code esp-gcm 256}), kept as written and translated to Azure's policy names
 * only for the registry lookup. BGP placeholders ({@code VNG_ASN}, {@code LNG_BGPIP}) are expected
 * when BGP is off and give no warning then. From the command body only {@code dpd} and
 * {@code adjust-mss} are read.
 */
public final class AzureDeviceScriptParser implements CloudConfigParser {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AZURE_DEVICE_SCRIPT;
    private static final Pattern SECTION = Pattern.compile("^!\\s*\\[(\\d)]\\s*(.*)$");
    private static final Pattern PUBLIC_IP = Pattern.compile("public ip (\\d{1,2})");
    private static final Pattern DPD = Pattern.compile("^\\s*dpd\\s+(\\d{1,5})\\b.*$");
    private static final Pattern MSS = Pattern.compile("^\\s*ip tcp adjust-mss\\s+(\\d{1,5})\\s*$");

    /** Creates a parser (stateless). */
    public AzureDeviceScriptParser() {}

    @Override
    public CloudConfigFormat format() {
        return FORMAT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        ValueReader values = new ValueReader(FORMAT);
        AzureScriptState s = new AzureScriptState(values);
        int section = -1;
        String sub = "";
        List<String> lines = text.lines(FORMAT);
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            SourceLocation at = SourceLocation.line(i + 1);
            if (header) {
                Matcher m = SECTION.matcher(line);
                if (m.matches()) {
                    section = Integer.parseInt(m.group(1));
                    sub = "";
                    continue;
                }
                if (section >= 3 && line.startsWith("! ==")) {
                    header = false;
                    continue;
                }
                // "!   > label: value" and "!     + label: value", split by index (see LabelledLine).
                Optional<String> subHeader = headerItem(line, '>');
                Optional<String> item = subHeader.or(() -> headerItem(line, '+'));
                if (item.isEmpty()) {
                    continue;
                }
                Optional<LabelledLine> field = LabelledLine.split(item.get());
                if (field.isEmpty()) {
                    String label = LabelledLine.strip(item.get());
                    if (subHeader.isPresent() && !label.isEmpty() && label.indexOf(':') < 0) {
                        sub = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    }
                    continue;
                }
                if (section >= 0) {
                    String label = field.get().label().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (subHeader.isPresent()) {
                        sub = label;
                    }
                    s.field(section, sub, label, field.get().value(), at);
                }
                continue;
            }
            body(s, line, at, values);
        }
        if (section < 0) {
            throw values.error(SourceLocation.line(1), "no \"[1] Network parameters\" header block",
                    "the Azure VPN Gateway device script header with [1] Network parameters and [2] IPsec/IKE parameters");
        }
        return s.build();
    }

    /** The text after {@code "!" whitespace kind whitespace}, or empty for other lines. */
    private static Optional<String> headerItem(String line, char kind) {
        if (!line.startsWith("!") || line.length() < 2 || !LabelledLine.isSpace(line.charAt(1))) {
            return Optional.empty();
        }
        return LabelledLine.afterMarker(line.substring(1), kind);
    }

    private static void body(AzureScriptState s, String line, SourceLocation at, ValueReader values) throws ConfigParseException {
        Matcher m = DPD.matcher(line);
        if (m.matches() && s.dpdInterval == null) {
            s.dpdInterval = values.checkRange("dpd interval", Long.parseLong(m.group(1)), at, 0, 86_400);
            s.dpdAt = at;
        }
        m = MSS.matcher(line);
        if (m.matches() && s.mss == null) {
            s.mss = values.checkRange("adjust-mss", Long.parseLong(m.group(1)), at, 0, 65_535);
            s.mssAt = at;
        }
    }

    /** The values of one script, collected while reading. */
    static final class AzureScriptState {
        final ValueReader values;
        final CloudTunnel.Builder common = CloudTunnel.builder();
        final CloudPhase1.Builder p1 = CloudPhase1.builder();
        final CloudPhase2.Builder p2 = CloudPhase2.builder();
        final List<IpAddress> publicIps = new ArrayList<>();
        final List<SourceLocation> publicIpAt = new ArrayList<>();
        String connectionName;
        String gatewayName;
        String localGateway;
        boolean bgp;
        boolean policyBased;
        Integer dpdInterval;
        SourceLocation dpdAt;
        Integer mss;
        SourceLocation mssAt;

        AzureScriptState(ValueReader values) {
            this.values = values;
        }

        void field(int section, String sub, String label, String value, SourceLocation at) throws ConfigParseException {
            String key = label.replace(" ", "");
            switch (section) {
                case 1 -> network(sub, key, label, value, at);
                case 2 -> ipsec(sub, key, value, at);
                case 3 -> bgp(sub, key, value, at);
                default -> {
                    // [0] Device information: vendor, family, firmware.
                }
            }
        }

        private void network(String sub, String key, String label, String value, SourceLocation at) throws ConfigParseException {
            Matcher ip = PUBLIC_IP.matcher(label);
            if (ip.matches()) {
                values.address("Azure " + label, value, at).ifPresent(a -> {
                    publicIps.add(a);
                    publicIpAt.add(at);
                });
                return;
            }
            switch (key) {
                case "connectionname" -> connectionName = values.id("connection name", value, at).orElse(null);
                case "vpngatewayname" -> gatewayName = values.id("VPN gateway name", value, at).orElse(null);
                case "localnetworkgateway" -> localGateway = values.id("local network gateway", value, at).orElse(null);
                case "on-premisesvpnip" -> values.address("On-premises VPN IP", value, at).ifPresent(a ->
                        common.customerOutsideAddress(a).putProvenance(CloudField.CUSTOMER_OUTSIDE_ADDRESS, at));
                case "cidr" -> {
                    String cidr = value.split(",", 2)[0];
                    if (sub.startsWith("virtual network")) {
                        values.cidr("virtual network address space", cidr, at).ifPresent(c ->
                                common.addCloudNetworks(c).putProvenance(CloudField.CLOUD_NETWORKS, at));
                    } else if (sub.startsWith("on-premises")) {
                        values.cidr("on-premises address prefix", cidr, at).ifPresent(c ->
                                common.addCustomerNetworks(c).putProvenance(CloudField.CUSTOMER_NETWORKS, at));
                    }
                }
                default -> {
                    // Sub-headers ("Public IP addresses", "Virtual network address space") carry no value.
                }
            }
        }

        private void ipsec(String sub, String key, String value, SourceLocation at) throws ConfigParseException {
            boolean ike = sub.startsWith("ike version");
            if (key.equals("ikeversion")) {
                String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (!v.equals("ikev1") && !v.equals("ikev2")) {
                    throw values.error(at, "IKE version \"" + ValueReader.shorten(value.trim()) + "\"", "IKEv1 or IKEv2");
                }
                p1.addIkeVersions(v.equals("ikev2") ? IkeVersion.IKEV2 : IkeVersion.IKEV1_MAIN);
                common.putProvenance(CloudField.IKE_VERSION, at);
                return;
            }
            if (value.isBlank()) {
                return;
            }
            switch (key) {
                case "encryptionalgorithm" -> {
                    if (ike) {
                        p1.addEncryptionNames(value.trim());
                        common.putProvenance(CloudField.PHASE1_ENCRYPTION, at);
                    } else {
                        p2.addEncryptionNames(value.trim());
                        common.putProvenance(CloudField.PHASE2_ENCRYPTION, at);
                    }
                }
                case "integrityalgorithm" -> {
                    if (ike) {
                        p1.addIntegrityNames(value.trim());
                        common.putProvenance(CloudField.PHASE1_INTEGRITY, at);
                    } else {
                        p2.addIntegrityNames(value.trim());
                        common.putProvenance(CloudField.PHASE2_INTEGRITY, at);
                    }
                }
                case "diffie-hellmangroup", "dhgroup" -> {
                    p1.addDhGroupNames(value.trim());
                    common.putProvenance(CloudField.PHASE1_DH_GROUPS, at);
                }
                case "pfsgroup" -> {
                    p2.addPfsGroupNames(value.trim());
                    common.putProvenance(CloudField.PHASE2_PFS_GROUPS, at);
                }
                case "salifetime(seconds)" -> values.number("SA lifetime", value, at).ifPresent(v -> {
                    if (ike) {
                        p1.lifetimeSeconds(v);
                        common.putProvenance(CloudField.PHASE1_LIFETIME, at);
                    } else {
                        p2.lifetimeSeconds(v);
                        common.putProvenance(CloudField.PHASE2_LIFETIME, at);
                    }
                });
                case "salifetime(kb)" -> values.number("SA lifetime (KB)", value, at).ifPresent(v -> {
                    p2.lifetimeKilobytes(v);
                    common.putProvenance(CloudField.PHASE2_LIFETIME_KILOBYTES, at);
                });
                case "pre-sharedkey" -> values.secret("Pre-shared key", value, at).ifPresent(k ->
                        common.preSharedKey(k).putProvenance(CloudField.PRE_SHARED_KEY, at));
                case "usepolicybasedts" -> policyBased = value.trim().equalsIgnoreCase("true");
                default -> values.warn(ConfigWarning.Kind.UNKNOWN_FIELD, at, "unknown field \"" + ValueReader.shorten(key) + "\" ignored");
            }
        }

        private void bgp(String sub, String key, String value, SourceLocation at) throws ConfigParseException {
            switch (key) {
                case "enablebgp" -> {
                    bgp = value.trim().equalsIgnoreCase("true");
                    common.putProvenance(CloudField.ROUTING, at);
                }
                case "azurebgpasn" -> {
                    if (bgp) {
                        values.asn("Azure BGP ASN", value, at).ifPresent(a -> common.cloudAsn(a).putProvenance(CloudField.CLOUD_ASN, at));
                    }
                }
                case "azurebgpip", "azurebgppeerip" -> {
                    if (bgp) {
                        values.address("Azure BGP IP", value, at).ifPresent(a ->
                                common.bgpNeighborAddress(a).putProvenance(CloudField.BGP_NEIGHBOR, at));
                    }
                }
                case "onpremisesbgpasn", "on-premisesbgpasn" -> {
                    if (bgp) {
                        values.asn("On premises BGP ASN", value, at).ifPresent(a ->
                                common.customerAsn(a).putProvenance(CloudField.CUSTOMER_ASN, at));
                    }
                }
                case "onpremisesbgpip", "on-premisesbgpip" -> {
                    if (bgp) {
                        values.address("On premises BGP IP", value, at).ifPresent(a ->
                                common.customerBgpAddress(a).putProvenance(CloudField.CUSTOMER_BGP_ADDRESS, at));
                    }
                }
                default -> {
                    // Sub-headers "Azure virtual network", "On-premises network / LNG".
                }
            }
        }

        CloudVpnConnection build() throws ConfigParseException {
            if (publicIps.isEmpty()) {
                throw values.error(SourceLocation.unknown(), "no \"Public IP 1\" line", "the Azure gateway's public IP in [1] Network parameters");
            }
            common.routing(bgp ? RoutingType.BGP : policyBased ? RoutingType.POLICY_BASED : RoutingType.STATIC);
            if (dpdInterval != null) {
                common.dpdIntervalSeconds(dpdInterval).putProvenance(CloudField.DPD_INTERVAL, dpdAt);
            }
            if (mss != null) {
                common.tcpMssAdjustment(mss).putProvenance(CloudField.TCP_MSS, mssAt);
            }
            String group = connectionName != null ? connectionName : "azure-connection";
            common.phase1(p1.build()).phase2(p2.build()).group(group);
            List<CloudTunnel> tunnels = new ArrayList<>();
            for (int i = 0; i < publicIps.size(); i++) {
                tunnels.add(CloudTunnel.builder().from(common.number(i + 1).build())
                        .cloudOutsideAddress(publicIps.get(i))
                        .putProvenance(CloudField.CLOUD_OUTSIDE_ADDRESS, publicIpAt.get(i))
                        .putProvenance(CloudField.TUNNEL, publicIpAt.get(i))
                        .build());
            }
            tunnels = new AlgorithmResolver(Vendor.AZURE, values, AzureDeviceSyntax.SPELLING).resolveAll(tunnels);
            CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                    .format(FORMAT)
                    .gatewayKind(GatewayKind.AZURE_VPN_GATEWAY)
                    .tunnels(tunnels)
                    .warnings(values.warnings());
            if (connectionName != null) {
                b.connectionId(connectionName);
            }
            if (gatewayName != null) {
                b.gatewayId(gatewayName);
            }
            if (localGateway != null) {
                b.customerGatewayId(localGateway);
            }
            return b.build();
        }
    }
}
