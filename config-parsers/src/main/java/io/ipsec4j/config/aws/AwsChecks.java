package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.IpAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Checks shared by the AWS parsers; their outcome is warnings, never errors. */
final class AwsChecks {
    private AwsChecks() {}

    /** VGW when a {@code vgw-} id is given; TGW or Cloud WAN when the id line is there but empty. */
    static GatewayKind gatewayKind(String gatewayId, boolean idStated) {
        if (gatewayId != null && gatewayId.startsWith("vgw-")) {
            return GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY;
        }
        if (gatewayId != null && gatewayId.startsWith("tgw-")) {
            return GatewayKind.AWS_TRANSIT_GATEWAY;
        }
        return gatewayId == null && idStated ? GatewayKind.AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN : GatewayKind.UNKNOWN;
    }

    /** AWS always gives two tunnels, with two distinct AWS outside addresses. */
    static void tunnels(ValueReader values, List<CloudTunnel> tunnels) {
        if (tunnels.size() != 2) {
            values.warn(ConfigWarning.Kind.TUNNEL_COUNT, tunnels.isEmpty() ? SourceLocation.unknown() : tunnels.get(0).location(),
                    tunnels.size() + (tunnels.size() == 1 ? " tunnel" : " tunnels")
                            + " (AWS connections have 2; an AWS-compatible cloud or a partial copy?)");
        }
        for (int i = 0; i < tunnels.size(); i++) {
            for (int j = i + 1; j < tunnels.size(); j++) {
                Optional<IpAddress> a = tunnels.get(i).cloudOutsideAddress();
                if (a.isPresent() && Objects.equals(a, tunnels.get(j).cloudOutsideAddress())) {
                    values.warn(ConfigWarning.Kind.SUSPICIOUS_VALUE,
                            tunnels.get(j).sourceOf(CloudField.CLOUD_OUTSIDE_ADDRESS).orElse(SourceLocation.unknown()),
                            "tunnels " + tunnels.get(i).number() + " and " + tunnels.get(j).number()
                                    + " have the same AWS outside address " + a.get() + " (a documentation example?)");
                }
            }
        }
        for (CloudTunnel t : tunnels) {
            if (t.cloudOutsideAddress().isEmpty() && t.sourceOf(CloudField.CLOUD_OUTSIDE_ADDRESS).isEmpty()) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, t.location(),
                        "tunnel " + t.number() + " states no AWS outside address");
            }
            if (t.preSharedKey().isEmpty() && t.sourceOf(CloudField.PRE_SHARED_KEY).isEmpty()) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, t.location(),
                        "tunnel " + t.number() + " states no pre-shared key");
            }
        }
    }

    /** The text and XML state AWS's minimum algorithm set, not the connection's tunnel options. */
    static void minimumAlgorithmSet(ValueReader values, String what) {
        values.warn(ConfigWarning.Kind.MINIMUM_ALGORITHM_SET, SourceLocation.unknown(),
                what + " states AWS's minimum algorithm set (AES128, SHA1, DH group 2; AES128, SHA2, group 14 in GovCloud),"
                        + " not the tunnel options the connection allows: read Options.TunnelOptions"
                        + " (aws ec2 describe-vpn-connections) for the real policy");
    }
}
