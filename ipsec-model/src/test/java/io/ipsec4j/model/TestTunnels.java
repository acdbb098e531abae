package io.ipsec4j.model;

import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;

/** Valid tunnels to start tests from; each test changes what it is about. */
public final class TestTunnels {
    private TestTunnels() {}

    public static PhaseOne.Builder phaseOne() {
        return PhaseOne.builder()
                .ikeVersion(IkeVersion.IKEV2)
                .sharedSecret(Secret.of("q7Hn2._Zr9fKx4TwLp8sVb3M"))
                .remotePublicIp(IpAddress.parse("3.120.45.10"))
                .localPublicIp(IpAddress.parse("52.29.1.20"))
                .lifetime(Lifetime.of(Duration.ofHours(8)))
                .addProposals(IkeProposal.parse("aes256gcm16-prfsha384-ecp384"));
    }

    public static PhaseTwo.Builder phaseTwo() {
        return PhaseTwo.builder()
                .addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                .addRemoteSubnets(TrafficSelector.parse("172.16.0.0/24"), TrafficSelector.parse("172.16.5.0/24"))
                .lifetime(Lifetime.of(Duration.ofHours(1)))
                .dpd(Dpd.ofSeconds(10, 30, DpdAction.RESTART))
                .addProposals(EspProposal.parse("aes256gcm16-ecp384"));
    }

    /** A policy-based tunnel from gateway gw-fra-1. */
    public static Tunnel.Builder policyBased() {
        return Tunnel.builder().name("site-a").gateway("gw-fra-1").phaseOne(phaseOne().build())
                .phaseTwo(phaseTwo().build()).routing(RoutingMode.POLICY_BASED);
    }

    /** A route-based tunnel with BGP over 169.254.10.0/30. */
    public static Tunnel.Builder routeBased() {
        return Tunnel.builder().name("aws-1").gateway("gw-fra-1").phaseOne(phaseOne().build())
                .phaseTwo(phaseTwo().localSubnets(java.util.List.of(TrafficSelector.ANY_IPV4))
                        .remoteSubnets(java.util.List.of(TrafficSelector.ANY_IPV4)).build())
                .routing(RoutingMode.ROUTE_BASED)
                .tunnelInterface(TunnelInterface.parse("169.254.10.2/30", "169.254.10.1"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                        .neighbor(IpAddress.parse("169.254.10.1")).build());
    }

    /** The second tunnel of a pair with {@link #routeBased()}: gateway gw-ams-1, 169.254.11.0/30. */
    public static Tunnel secondRouteBased() {
        return routeBased().name("aws-2").gateway("gw-ams-1")
                .phaseOne(phaseOne().remotePublicIp(IpAddress.parse("18.156.7.21")).build())
                .tunnelInterface(TunnelInterface.parse("169.254.11.2/30", "169.254.11.1"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                        .neighbor(IpAddress.parse("169.254.11.1")).build())
                .build();
    }

    /**
     * An Azure Virtual WAN style tunnel: multihop BGP from the site's address 172.21.1.154 to a
     * hub instance's address, routed through the tunnel by its host route; no inside network.
     */
    public static Tunnel azureVwan(String name, String gateway, String remoteIp, String neighbor) {
        return Tunnel.builder().name(name).gateway(gateway)
                .phaseOne(phaseOne().remotePublicIp(IpAddress.parse(remoteIp)).build())
                .phaseTwo(phaseTwo().localSubnets(java.util.List.of(TrafficSelector.ANY_IPV4))
                        .remoteSubnets(java.util.List.of(TrafficSelector.ANY_IPV4)).build())
                .routing(RoutingMode.ROUTE_BASED)
                .addRoutes(Route.parse(neighbor + "/32"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65101)).peerAsn(Asn.of(65515)).kind(BgpPeeringKind.MULTIHOP)
                        .localAddress(IpAddress.parse("172.21.1.154")).neighbor(IpAddress.parse(neighbor)).build())
                .build();
    }
}
