package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.Compatibility.mismatch;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import java.util.List;

/**
 * Routing mode, traffic selectors, inside addresses and BGP (ASNs, addresses, peering kind, TTL)
 * of the two ends.
 *
 * <p>Each side's local selectors must mirror the other's remote selectors. IKEv2 lets a responder
 * narrow a proposal to a subset (RFC 7296 §2.9), so a selector the other end only covers is a
 * warning; one it does not have at all is an error, because many policy-based peers refuse the
 * whole CHILD SA (TS_UNACCEPTABLE) over a single missing subnet.
 */
final class SelectorComparison {
    private SelectorComparison() {}

    static void compare(Tunnel ours, Tunnel theirs, List<Finding> out) {
        if (ours.routing() != theirs.routing()) {
            out.add(mismatch("ROUTING_MODE_MISMATCH", Severity.ERROR, Phase.PHASE_2, "routing", ours.routing(),
                    theirs.routing(), "a route-based end negotiates 0.0.0.0/0 while a policy-based end proposes its "
                            + "subnets: the policy-based end refuses 0.0.0.0/0 (TS_UNACCEPTABLE), or at best IKEv2 narrows it "
                            + "to the subnets and traffic routed to anything else is dropped"));
            return;
        }
        selectors("phaseTwo.localSubnets", "our local", ours.phaseTwo().localSubnets(), "the peer's remote",
                theirs.phaseTwo().remoteSubnets(), out);
        selectors("phaseTwo.remoteSubnets", "our remote", ours.phaseTwo().remoteSubnets(), "the peer's local",
                theirs.phaseTwo().localSubnets(), out);
        if (ours.routing() == RoutingMode.ROUTE_BASED) {
            insideAndBgp(ours, theirs, out);
        }
    }

    private static void selectors(String path, String ourName, List<TrafficSelector> ourList, String theirName,
            List<TrafficSelector> theirList, List<Finding> out) {
        for (TrafficSelector s : ourList) {
            if (theirList.contains(s)) {
                continue;
            }
            boolean covered = theirList.stream().anyMatch(t -> t.covers(s));
            out.add(Finding.builder().code(covered ? "SUBNET_NARROWER" : "SUBNET_MISSING_AT_PEER")
                    .severity(covered ? Severity.WARNING : Severity.ERROR).phase(Phase.PHASE_2).path(path)
                    .localValue(s.toString()).remoteValue(theirList.toString())
                    .message(covered
                            ? s + " is one of " + ourName + " subnets and only falls inside " + theirName
                                    + " subnets; IKEv2 narrowing may make it work, IKEv1 and strict peers refuse it"
                            : s + " is one of " + ourName + " subnets but not among " + theirName + " subnets; an IKEv2"
                                    + " peer such as strongSwan narrows the CHILD SA to the common subnets and this one gets no"
                                    + " SA, stricter policy-based peers fail the whole Phase II over it, and with no common"
                                    + " subnet at all Phase II fails (TS_UNACCEPTABLE)")
                    .build());
        }
        for (TrafficSelector t : theirList) {
            if (ourList.contains(t) || ourList.stream().anyMatch(s -> t.covers(s))) {
                continue;
            }
            out.add(Finding.builder().code("SUBNET_EXTRA_AT_PEER").severity(Severity.ERROR).phase(Phase.PHASE_2)
                    .path(path).localValue(ourList.toString()).remoteValue(t.toString())
                    .message(t + " is one of " + theirName + " subnets but not among " + ourName
                            + " subnets; when the peer proposes it we refuse the CHILD SA, and its traffic to it has no SA")
                    .build());
        }
    }

    private static void insideAndBgp(Tunnel ours, Tunnel theirs, List<Finding> out) {
        if (ours.tunnelInterface().isPresent() && theirs.tunnelInterface().isPresent()) {
            TunnelInterface a = ours.tunnelInterface().get();
            TunnelInterface b = theirs.tunnelInterface().get();
            if (!a.network().equals(b.network()) || !a.localAddress().equals(b.remoteAddress())
                    || !a.remoteAddress().equals(b.localAddress())) {
                out.add(mismatch("INSIDE_ADDRESS_MISMATCH", Severity.ERROR, Phase.ROUTING, "tunnelInterface", a,
                        b.remoteAddress() + "/" + b.prefixLength() + " <-> " + b.localAddress() + " (mirrored)",
                        "the inside addresses do not mirror each other; BGP and routed traffic over the tunnel interface fail"));
            }
        }
        if (ours.bgp().isPresent() != theirs.bgp().isPresent()) {
            out.add(mismatch("BGP_ONE_SIDED", Severity.WARNING, Phase.ROUTING, "bgp",
                    ours.bgp().map(Object::toString).orElse("static routes"),
                    theirs.bgp().map(Object::toString).orElse("static routes"),
                    "only one end runs BGP; the SAs come up, but routes must then be configured statically on the other end"));
            return;
        }
        if (ours.bgp().isEmpty()) {
            return;
        }
        BgpPeering a = ours.bgp().get();
        BgpPeering b = theirs.bgp().get();
        if (!a.localAsn().equals(b.peerAsn())) {
            out.add(mismatch("BGP_LOCAL_ASN_MISMATCH", Severity.ERROR, Phase.ROUTING, "bgp.localAsn", a.localAsn(),
                    b.peerAsn(), "we speak BGP as AS" + a.localAsn() + " but the peer expects AS" + b.peerAsn()
                            + "; it closes the session with a Bad Peer AS notification"));
        }
        if (!a.peerAsn().equals(b.localAsn())) {
            out.add(mismatch("BGP_PEER_ASN_MISMATCH", Severity.ERROR, Phase.ROUTING, "bgp.peerAsn", a.peerAsn(),
                    b.localAsn(), "we expect the peer to be AS" + a.peerAsn() + " but it is AS" + b.localAsn()
                            + "; we close the session with a Bad Peer AS notification"));
        }
        if (!a.holdTime().equals(b.holdTime())) {
            out.add(mismatch("BGP_HOLD_TIME_DIFFERS", Severity.INFO, Phase.NONE, "bgp.holdTime",
                    a.holdTime().toSeconds() + "s", b.holdTime().toSeconds() + "s",
                    "BGP uses the smaller hold time of the two (RFC 4271 §4.2); nothing fails"));
        }
        if (a.kind() == BgpPeeringKind.MULTIHOP || b.kind() == BgpPeeringKind.MULTIHOP) {
            peering(ours, theirs, a, b, out);
        }
    }

    /**
     * The BGP addresses and TTLs when at least one end peers multihop; two ends peering over their
     * inside networks are compared by those networks above.
     */
    private static void peering(Tunnel ours, Tunnel theirs, BgpPeering a, BgpPeering b, List<Finding> out) {
        theirs.bgpLocalAddress().filter(their -> !their.equals(a.neighbor())).ifPresent(their -> out.add(mismatch(
                "BGP_NEIGHBOR_MISMATCH", Severity.ERROR, Phase.ROUTING, "bgp.neighbor", a.neighbor(), their,
                "we open BGP to " + a.neighbor() + " but the peer speaks BGP from " + their
                        + "; the session never establishes")));
        ours.bgpLocalAddress().filter(our -> !our.equals(b.neighbor())).ifPresent(our -> out.add(mismatch(
                "BGP_LOCAL_ADDRESS_MISMATCH", Severity.ERROR, Phase.ROUTING, "bgp.localAddress", our, b.neighbor(),
                "we speak BGP from " + our + " but the peer expects its neighbour at " + b.neighbor()
                        + "; it refuses our session and we never reach its own")));
        if (a.kind() != b.kind()) {
            out.add(mismatch("BGP_KIND_DIFFERS", Severity.INFO, Phase.NONE, "bgp.kind", a.kind() + " (TTL " + a.ttl()
                    + ")", b.kind() + " (TTL " + b.ttl() + ")", "one end peers multihop and the other as directly"
                    + " connected with TTL 1; this works only while both BGP addresses are on the inside network"));
        } else if (a.multihopTtl() != b.multihopTtl()) {
            out.add(mismatch("BGP_TTL_DIFFERS", Severity.INFO, Phase.NONE, "bgp.multihopTtl", a.multihopTtl(),
                    b.multihopTtl(), "the ends send BGP with different TTLs; each only has to cover the hops between"
                            + " the two BGP addresses"));
        }
    }
}
