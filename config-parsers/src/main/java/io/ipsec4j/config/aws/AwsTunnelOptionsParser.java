package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads AWS tunnel options as a request states them (CONFIG-FORMATS.md §1.5), in the spellings of
 * {@code ModifyVpnTunnelOptionsSpecification} and {@code VpnTunnelOptionsSpecification}
 * ({@code DPDTimeoutSeconds}, {@code IKEVersions}; the describe spellings are read too):
 * <ul>
 *   <li>the {@code --cli-input-json} of {@code aws ec2 modify-vpn-tunnel-options}: {@code VpnConnectionId},
 *       {@code VpnTunnelOutsideIpAddress} and a {@code TunnelOptions} object (one tunnel);</li>
 *   <li>a bare {@code --tunnel-options} object (one tunnel, without its outside address);</li>
 *   <li>the {@code --options} of {@code create-vpn-connection} ({@code StaticRoutesOnly} and a
 *       {@code TunnelOptions} array), bare or as {@code Options} of the create request.</li>
 * </ul>
 * {@link AwsTunnelOptionsWriter} writes the first two; the values map through the same code as the
 * describe output's {@code Options.TunnelOptions}, then through {@link io.ipsec4j.config.CloudTunnelMapper}.
 */
public final class AwsTunnelOptionsParser implements CloudConfigParser {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AWS_TUNNEL_OPTIONS_JSON;

    /** Creates a parser (stateless). */
    public AwsTunnelOptionsParser() {}

    @Override
    public CloudConfigFormat format() {
        return FORMAT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        JsonAt root = JsonAt.root(JsonInput.read(text.text(), FORMAT), FORMAT);
        if (!root.node().isObject()) {
            throw root.error("found " + JsonAt.kind(root.node()), "a tunnel options object");
        }
        ValueReader values = new ValueReader(FORMAT);
        Optional<String> id = root.optionalText("VpnConnectionId").filter(s -> !s.isBlank());
        String group = id.orElse("aws-tunnel-options");
        List<CloudTunnel> tunnels = new ArrayList<>();
        Optional<JsonAt> options = root.optionalObject("Options");
        JsonAt connection = options.isPresent() ? options.get() : root;
        Optional<JsonAt> list = connection.get("TunnelOptions").filter(j -> !j.node().isNull());
        if (list.isPresent() && list.get().node().isArray()) {
            AwsTunnelOptions reader = new AwsTunnelOptions(values, Optional.of(connection));
            List<JsonAt> specs = connection.array("TunnelOptions");
            for (int i = 0; i < specs.size(); i++) {
                tunnels.add(reader.request(group, i + 1, specs.get(i), Optional.empty()));
            }
            if (specs.isEmpty()) {
                throw list.get().error("no tunnel options", "one object per tunnel");
            }
        } else {
            JsonAt spec = list.isPresent() ? list.get() : root;
            Optional<JsonAt> outside = root.get("VpnTunnelOutsideIpAddress").filter(j -> !j.node().isNull());
            tunnels.add(new AwsTunnelOptions(values, Optional.empty()).request(group, 1, spec, outside));
        }
        for (CloudTunnel t : tunnels) {
            if (t.cloudOutsideAddress().isEmpty()) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, t.location(), "tunnel " + t.number() + " states no AWS"
                        + " outside address (modify-vpn-tunnel-options takes it as VpnTunnelOutsideIpAddress)");
            }
        }
        List<CloudTunnel> resolved = new AlgorithmResolver(Vendor.AWS, values).resolveAll(tunnels);
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(FORMAT)
                .gatewayKind(GatewayKind.UNKNOWN)
                .tunnels(resolved)
                .warnings(values.warnings());
        id.ifPresent(b::connectionId);
        root.optionalText("CustomerGatewayId").filter(s -> !s.isBlank()).ifPresent(b::customerGatewayId);
        return b.build();
    }
}
