package io.ipsec4j.config;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A cloud VPN connection read from one input: the neutral result of every parser.
 *
 * <p>It holds the identifiers the file states, the gateway kind, one {@link CloudTunnel} per tunnel
 * (grouped by {@link CloudTunnel#group()} when a file holds several connections, as Azure Virtual
 * WAN downloads with several sites or hubs do) and the {@link ConfigWarning}s. {@link #toString()}
 * is a readable report with every secret masked.
 */
@Value.Immutable
@ConfigStyle
public abstract class CloudVpnConnection {
    /** The format that was read. */
    public abstract CloudConfigFormat format();

    /** The provider. */
    @Value.Derived
    public CloudProvider provider() {
        return format().provider().orElseThrow();
    }

    /** The connection id ({@code vpn-…}, Azure connection name or configuration version, GCP name). */
    public abstract Optional<String> connectionId();

    /** AWS customer gateway id ({@code cgw-…}); Azure local network gateway name. */
    public abstract Optional<String> customerGatewayId();

    /** The provider gateway's id ({@code vgw-…}, {@code tgw-…}, Azure gateway name, GCP gateway URL). */
    public abstract Optional<String> gatewayId();

    /** The provider gateway's kind. */
    @Value.Default
    public GatewayKind gatewayKind() {
        return GatewayKind.UNKNOWN;
    }

    /** The file's own version marker (AWS XSL version, Azure configuration version). */
    public abstract Optional<String> formatVersion();

    /**
     * True when the file states only the provider's minimum algorithm set rather than the tunnel's
     * policy (AWS Generic text and XML, CONFIG-FORMATS.md §1.1).
     */
    @Value.Default
    public boolean algorithmsAreMinimumSet() {
        return false;
    }

    /** The tunnels, in file order. */
    public abstract List<CloudTunnel> tunnels();

    /** What deserves attention; never errors (those are {@link ConfigParseException}s). */
    public abstract List<ConfigWarning> warnings();

    /** The distinct tunnel groups, in order of appearance. */
    public List<String> groups() {
        return tunnels().stream().map(CloudTunnel::group).distinct().toList();
    }

    /** The tunnels of {@code group}. */
    public List<CloudTunnel> tunnels(String group) {
        return tunnels().stream().filter(t -> t.group().equals(group)).toList();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CloudVpnConnection} values. */
    public static final class Builder extends ImmutableCloudVpnConnection.Builder {}

    @Value.Check
    void check() {
        if (format().provider().isEmpty() || !format().isImportable()) {
            throw new IllegalArgumentException("format: " + format() + " (expected: an importable format)");
        }
    }

    /** A multi-line report: ids, gateway kind, each tunnel, warnings. Secrets are masked. */
    @Override
    public String toString() {
        return CloudReport.connection(this);
    }
}
