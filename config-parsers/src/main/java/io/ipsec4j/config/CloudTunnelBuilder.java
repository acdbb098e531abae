package io.ipsec4j.config;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds one model {@link Tunnel} from one {@link CloudTunnel}, from the SASE gateway's side. */
final class CloudTunnelBuilder {
    /** AWS's default anti-replay window, in packets. */
    static final int AWS_DEFAULT_REPLAY_WINDOW = 1024;

    private final CloudProvider provider;
    private final ImportOptions options;
    private final List<ImportFinding> findings;

    CloudTunnelBuilder(CloudProvider provider, ImportOptions options, List<ImportFinding> findings) {
        this.provider = provider;
        this.options = options;
        this.findings = findings;
    }

    void add(CloudTunnel t, Finding f, String origin) {
        findings.add(new ImportFinding(f, origin, t.group(), t.number(), CloudTunnelMapper.locate(t, f.path())));
    }

    /** A name Harmony SASE accepts: 3–15 letters and digits. */
    static String name(CloudTunnel t) {
        String alnum = t.group().replaceAll("[^A-Za-z0-9]", "");
        if (alnum.length() > 13) {
            alnum = alnum.substring(0, 3) + alnum.substring(alnum.length() - 10);
        }
        if (alnum.length() < 2) {
            alnum = "tun" + alnum;
        }
        return alnum + "T" + t.number();
    }

    Optional<Tunnel> build(CloudTunnel t) {
        Optional<Secret> psk = t.preSharedKey().filter(s -> !s.isEmpty());
        if (psk.isEmpty() && options.preSharedKey().isPresent()) {
            psk = options.preSharedKey();
            add(t, Finding.info("PRE_SHARED_KEY_SUPPLIED", "phaseOne.sharedSecret",
                    "the input gives no pre-shared key: the one from ImportOptions is used"), "import");
        }
        if (psk.isEmpty()) {
            add(t, Finding.error("NO_PRE_SHARED_KEY", "phaseOne.sharedSecret", "the input gives no pre-shared key for this tunnel"
                    + " (redacted copy, placeholder or masked API value): supply it before creating the tunnel"), "import");
        }
        if (t.cloudOutsideAddress().isEmpty()) {
            add(t, Finding.error("NO_REMOTE_PUBLIC_IP", "phaseOne.remotePublicIp",
                    "the input gives no public address for the cloud end of this tunnel"), "import");
        }
        if (psk.isEmpty() || t.cloudOutsideAddress().isEmpty()) {
            return Optional.empty();
        }
        try {
            IkeVersion version = version(t);
            ProposalPlanner.Plan plan = ProposalPlanner.plan(provider, version, t.phase1(), t.phase2());
            plan.notes().forEach(n -> add(t, Finding.info("ASSUMED", "phaseOne.proposals", n), "import"));
            PhaseOne.Builder p1 = PhaseOne.builder().ikeVersion(version).sharedSecret(psk.get())
                    .remotePublicIp(t.cloudOutsideAddress().get()).proposals(plan.ike());
            t.customerOutsideAddress().filter(a -> !a.equals(t.cloudOutsideAddress().get())).ifPresent(p1::localPublicIp);
            t.phase1().lifetimeSeconds().ifPresent(s -> p1.lifetime(Lifetime.ofSeconds(s)));
            PhaseTwo.Builder p2 = PhaseTwo.builder().proposals(plan.esp());
            CloudPhase2 c2 = t.phase2();
            if (c2.lifetimeSeconds().isPresent() || c2.lifetimeKilobytes().isPresent() || c2.rekeyMarginSeconds().isPresent()
                    || c2.rekeyFuzzPercent().isPresent()) {
                Lifetime.Builder l = Lifetime.builder().time(c2.lifetimeSeconds().isPresent()
                        ? Duration.ofSeconds(c2.lifetimeSeconds().getAsLong()) : PhaseTwo.DEFAULT_LIFETIME);
                c2.lifetimeKilobytes().ifPresent(kb -> l.bytes(Math.multiplyExact(kb, 1024L)));
                c2.rekeyMarginSeconds().ifPresent(m -> l.rekeyMargin(Duration.ofSeconds(m)));
                c2.rekeyFuzzPercent().ifPresent(l::rekeyFuzzPercent);
                p2.lifetime(l.build());
            }
            t.phase2().mode().ifPresent(p2::mode);
            t.phase2().replayWindowPackets().ifPresent(p2::replayWindow);
            if (t.phase2().replayWindowPackets().isEmpty() && provider == CloudProvider.AWS) {
                // AWS's documented default (VPNTunnels.md); AWS accepts 64..2048.
                p2.replayWindow(AWS_DEFAULT_REPLAY_WINDOW);
            }
            dpd(t).ifPresent(p2::dpd);
            Tunnel.Builder b = Tunnel.builder().name(name(t))
                    .gateway(options.gateways().get((t.number() - 1) % options.gateways().size()));
            routing(t, b, p2);
            return Optional.of(b.phaseOne(p1.build()).phaseTwo(p2.build()).build());
        } catch (ModelValidationException e) {
            e.errors().forEach(f -> add(t, f, "model"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            add(t, Finding.error("INVALID_VALUE", "tunnel", CloudTunnelMapper.describe(e)), "model");
        }
        return Optional.empty();
    }

    private IkeVersion version(CloudTunnel t) {
        List<IkeVersion> stated = t.phase1().ikeVersions();
        if (stated.size() == 1) {
            return stated.get(0);
        }
        if (stated.contains(IkeVersion.IKEV2)) {
            add(t, Finding.info("IKE_VERSION_CHOSEN", "phaseOne.ikeVersion", "the cloud allows " + stated + ": IKEv2 chosen"), "import");
            return IkeVersion.IKEV2;
        }
        IkeVersion chosen = provider == CloudProvider.AWS ? IkeVersion.IKEV1_MAIN : IkeVersion.IKEV2;
        add(t, Finding.info("IKE_VERSION_CHOSEN", "phaseOne.ikeVersion", "the input states no IKE version: " + chosen + " chosen"),
                "import");
        return chosen;
    }

    private static Optional<Dpd> dpd(CloudTunnel t) {
        if (t.dpdIntervalSeconds().isEmpty() && t.dpdTimeoutSeconds().isEmpty()) {
            return Optional.empty();
        }
        int delay = t.dpdIntervalSeconds().orElse(10);
        int timeout = t.dpdTimeoutSeconds().orElse(delay * Math.max(t.dpdRetries().orElse(3), 1));
        // The cloud's own action is kept; a tunnel that should stay up restarts by default.
        return Optional.of(Dpd.ofSeconds(delay, Math.max(timeout, delay), t.dpdAction().orElse(DpdAction.RESTART)));
    }

    private void routing(CloudTunnel t, Tunnel.Builder b, PhaseTwo.Builder p2) {
        List<Cidr> cloud = t.cloudNetworks().isEmpty() ? options.cloudNetworks() : t.cloudNetworks();
        List<Cidr> customer = t.customerNetworks().isEmpty() ? options.customerNetworks() : t.customerNetworks();
        if (t.routing() == RoutingType.POLICY_BASED) {
            b.routing(RoutingMode.POLICY_BASED);
            customer.forEach(c -> p2.addLocalSubnets(TrafficSelector.of(c)));
            cloud.forEach(c -> p2.addRemoteSubnets(TrafficSelector.of(c)));
            return;
        }
        b.routing(RoutingMode.ROUTE_BASED);
        Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        Optional<TunnelInterface> inside = tunnelInterface(t);
        inside.ifPresent(i -> families.add(i.family()));
        inside.ifPresent(b::tunnelInterface);
        Optional<BgpPeering> bgp = Optional.empty();
        if (t.routing() == RoutingType.BGP && t.customerAsn().isPresent() && t.cloudAsn().isPresent()) {
            bgp = peering(t, inside);
        }
        if (bgp.isPresent()) {
            BgpPeering peering = bgp.get();
            b.bgp(peering);
            families.add(peering.neighbor().family());
            if (peering.kind() == BgpPeeringKind.MULTIHOP) {
                multihopRoute(t, b, peering, inside);
            }
        } else {
            if (t.routing() == RoutingType.BGP) {
                add(t, Finding.warning("BGP_INCOMPLETE", "bgp", "the input enables BGP but lacks "
                        + (t.customerAsn().isEmpty() ? "the customer ASN" : t.cloudAsn().isEmpty() ? "the cloud ASN"
                        : missingAddress(t, inside)) + ": static routes are used instead"), "import");
            }
            for (Cidr c : cloud) {
                b.addRoutes(Route.of(c));
                families.add(c.family());
            }
            if (cloud.isEmpty()) {
                add(t, Finding.info("CLOUD_NETWORKS_UNKNOWN", "routes", "the input names no cloud-side networks to route into"
                        + " the tunnel (an AWS static connection's VPC CIDRs): pass them with ImportOptions.withCloudNetworks"), "import");
            }
        }
        if (families.isEmpty()) {
            families.add(IpFamily.IPV4);
        }
        for (IpFamily f : families) {
            TrafficSelector any = f == IpFamily.IPV4 ? TrafficSelector.ANY_IPV4 : TrafficSelector.ANY_IPV6;
            p2.addLocalSubnets(any).addRemoteSubnets(any);
        }
    }

    /** Our inside address, with its prefix, and the cloud's, when the input states them. */
    private static Optional<TunnelInterface> tunnelInterface(CloudTunnel t) {
        if (t.customerInsideAddress().isEmpty()) {
            return Optional.empty();
        }
        InsideAddress local = t.customerInsideAddress().get();
        Optional<IpAddress> remote = t.cloudInsideAddress().map(InsideAddress::address).or(t::bgpNeighborAddress)
                .or(t::staticNextHop);
        return remote.map(r -> new TunnelInterface(local.address(), r, local.prefixLength()));
    }

    /**
     * The BGP session: over the inside network when the neighbour is the cloud's inside address (AWS,
     * GCP); otherwise multihop from the customer's BGP address (or our inside address) to the
     * neighbour, as Azure's hub instance and APIPA addresses are. No inside network is derived from
     * two BGP addresses: Azure states none, and the two tunnels of a pair share the site's address.
     */
    private static Optional<BgpPeering> peering(CloudTunnel t, Optional<TunnelInterface> inside) {
        BgpPeering.Builder bgp = BgpPeering.builder().localAsn(t.customerAsn().get()).peerAsn(t.cloudAsn().get());
        t.bgpHoldTimeSeconds().ifPresent(h -> bgp.holdTime(Duration.ofSeconds(h)));
        Optional<IpAddress> neighbor = t.bgpNeighborAddress().or(() -> inside.map(TunnelInterface::remoteAddress));
        if (neighbor.isEmpty()) {
            return Optional.empty();
        }
        if (inside.isPresent() && neighbor.get().equals(inside.get().remoteAddress())
                && t.customerBgpAddress().filter(a -> !a.equals(inside.get().localAddress())).isEmpty()) {
            return Optional.of(bgp.neighbor(neighbor.get()).build());
        }
        Optional<IpAddress> local = t.customerBgpAddress().or(() -> inside.map(TunnelInterface::localAddress));
        if (local.isEmpty() || local.get().equals(neighbor.get()) || local.get().family() != neighbor.get().family()) {
            return Optional.empty();
        }
        return Optional.of(bgp.kind(BgpPeeringKind.MULTIHOP).localAddress(local.get()).neighbor(neighbor.get()).build());
    }

    /** What keeps {@link #peering} from building a session once both ASNs are known. */
    private static String missingAddress(CloudTunnel t, Optional<TunnelInterface> inside) {
        if (t.bgpNeighborAddress().isEmpty() && inside.isEmpty()) {
            return "the cloud's BGP address";
        }
        if (t.customerBgpAddress().isEmpty() && inside.isEmpty()) {
            return "the customer's BGP address";
        }
        return "distinct BGP addresses of one family for both ends";
    }

    /** Routes a multihop neighbour through this tunnel (unless the inside network holds it) and says so. */
    private void multihopRoute(CloudTunnel t, Tunnel.Builder b, BgpPeering bgp, Optional<TunnelInterface> inside) {
        boolean connected = inside.map(i -> i.network().contains(bgp.neighbor())).orElse(false);
        if (!connected) {
            b.addRoutes(Route.of(Cidr.host(bgp.neighbor())));
        }
        add(t, Finding.info("BGP_MULTIHOP", "bgp.kind", "BGP runs between " + bgp.localAddress().orElseThrow() + " and "
                + bgp.neighbor() + ", which share no inside network the input states: multihop eBGP (TTL "
                + bgp.multihopTtl() + ")" + (connected ? "" : " with the route " + Cidr.host(bgp.neighbor())
                + " through this tunnel") + "; no tunnel interface addresses are assumed"), "import");
    }
}
