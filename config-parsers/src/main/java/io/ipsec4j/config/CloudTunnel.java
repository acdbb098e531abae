package io.ipsec4j.config;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One tunnel of a cloud VPN connection, as the provider's file describes it, in neutral terms.
 *
 * <p>"Cloud" is the provider's end (AWS virtual private / transit gateway, Azure hub or VPN gateway,
 * GCP gateway); "customer" is the other end, which the SASE gateway plays (AWS "customer gateway",
 * Azure "VPN site"). Every value that came from the input has its position in {@link #provenance()}.
 * The pre-shared key is a {@link Secret}: {@link #toString()} shows only its length.
 */
@Value.Immutable
@ConfigStyle
public abstract class CloudTunnel {
    /**
     * The pair this tunnel belongs to: the connection id for AWS, {@code site → hub} for Azure
     * Virtual WAN. Tunnels of one group are the redundant tunnels of one connection.
     */
    public abstract String group();

    /** 1-based number within the group (AWS "IPSec Tunnel #N"; Azure Instance0 is 1). */
    public abstract int number();

    /** The provider's public (outside) address: the peer the SASE gateway connects to. */
    public abstract Optional<IpAddress> cloudOutsideAddress();

    /** The customer's public (outside) address as the provider knows it. */
    public abstract Optional<IpAddress> customerOutsideAddress();

    /** The pre-shared key; absent or empty in redacted files. */
    public abstract Optional<Secret> preSharedKey();

    /** The provider's inside (tunnel interface) address. */
    public abstract Optional<InsideAddress> cloudInsideAddress();

    /** The customer's inside (tunnel interface) address. */
    public abstract Optional<InsideAddress> customerInsideAddress();

    /** Static, BGP or policy-based, as stated. */
    @Value.Default
    public RoutingType routing() {
        return RoutingType.UNKNOWN;
    }

    /** The customer's BGP ASN (AWS "Customer Gateway ASN"; Azure site ASN). */
    public abstract Optional<Asn> customerAsn();

    /** The provider's BGP ASN (AWS 64512/7224, Azure 65515). */
    public abstract Optional<Asn> cloudAsn();

    /** The provider's BGP address: the neighbour the customer peers with. */
    public abstract Optional<IpAddress> bgpNeighborAddress();

    /** The customer's BGP address when it is not the inside address (Azure site BGP address). */
    public abstract Optional<IpAddress> customerBgpAddress();

    /** BGP hold time in seconds. */
    public abstract OptionalInt bgpHoldTimeSeconds();

    /** Static routing: the next hop towards the provider (its inside address). */
    public abstract Optional<IpAddress> staticNextHop();

    /** Phase I parameters as stated. */
    @Value.Default
    public CloudPhase1 phase1() {
        return CloudPhase1.empty();
    }

    /** Phase II parameters as stated. */
    @Value.Default
    public CloudPhase2 phase2() {
        return CloudPhase2.empty();
    }

    /** DPD interval (delay) in seconds. */
    public abstract OptionalInt dpdIntervalSeconds();

    /** DPD retries. */
    public abstract OptionalInt dpdRetries();

    /** DPD timeout in seconds (AWS API, Azure ARM). */
    public abstract OptionalInt dpdTimeoutSeconds();

    /** What the provider does when DPD declares the peer dead. */
    public abstract Optional<DpdAction> dpdAction();

    /** Recommended tunnel interface MTU in bytes. */
    public abstract OptionalInt mtu();

    /** Recommended TCP MSS clamp in bytes. */
    public abstract OptionalInt tcpMssAdjustment();

    /** Networks on the provider's side (traffic selectors, hub address spaces). */
    public abstract List<Cidr> cloudNetworks();

    /** Networks on the customer's side. */
    public abstract List<Cidr> customerNetworks();

    /** AWS startup action ({@code add} or {@code start}). */
    public abstract Optional<String> startupAction();

    /** Azure site name, kept raw (it may carry stray spaces). */
    public abstract Optional<String> siteName();

    /** Azure site link name. */
    public abstract Optional<String> linkName();

    /** Azure hub region. */
    public abstract Optional<String> hubRegion();

    /** Where each value came from. */
    public abstract Map<CloudField, SourceLocation> provenance();

    /** Where {@code field} came from, if the input stated it. */
    public Optional<SourceLocation> sourceOf(CloudField field) {
        return Optional.ofNullable(provenance().get(field));
    }

    /** The tunnel's own location (its block, element or object). */
    public SourceLocation location() {
        return sourceOf(CloudField.TUNNEL).orElse(SourceLocation.unknown());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CloudTunnel} values. */
    public static final class Builder extends ImmutableCloudTunnel.Builder {}

    @Value.Check
    void check() {
        if (number() < 1) {
            throw new IllegalArgumentException("tunnel number: " + number() + " (expected: >= 1)");
        }
    }

    /** A one-paragraph description; the pre-shared key appears as {@code ****} with its length. */
    @Override
    public String toString() {
        return CloudReport.tunnel(this);
    }
}
