package io.ipsec4j.model;

import io.ipsec4j.model.algorithm.Algorithm;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The cross-field rules of {@link Tunnel}: errors that stop construction, and warnings. */
final class TunnelRules {
    /** Phase I lifetimes outside this range are unusual (10 minutes to 24 hours). */
    static final Duration PHASE1_USUAL_MIN = Duration.ofMinutes(10);
    static final Duration PHASE1_USUAL_MAX = Duration.ofHours(24);
    /** Phase II lifetimes outside this range are unusual (5 minutes, Azure's minimum, to 24 hours). */
    static final Duration PHASE2_USUAL_MIN = Duration.ofMinutes(5);
    static final Duration PHASE2_USUAL_MAX = Duration.ofHours(24);

    /** Values people leave in templates: vendor placeholders and well-known sample secrets. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(your[_ -]|<[^>]*>|\\{\\{|\\$\\{|placeholder|changeme|change_me|example|xxxx|_here\\b).*"
                    + "|(?i)(password|passw0rd|secret|psk|presharedkey|pre_shared_key|123456.*|abc123|test|"
                    + "microsoft123!?|vpn123|admin|default|\\*{3,})");

    private TunnelRules() {}

    static List<Finding> errors(Tunnel t) {
        List<Finding> errors = new ArrayList<>();
        if (t.name().isBlank()) {
            errors.add(Finding.error("NAME_BLANK", "name", "the tunnel name is blank"));
        }
        if (t.gateway().isBlank()) {
            errors.add(Finding.error("GATEWAY_BLANK", "gateway", "the SASE gateway id is blank"));
        }
        PhaseTwo p2 = t.phaseTwo();
        if (t.routing() == RoutingMode.POLICY_BASED) {
            policyBased(t, p2, errors);
        } else {
            routeBased(t, p2, errors);
        }
        return errors;
    }

    private static void policyBased(Tunnel t, PhaseTwo p2, List<Finding> errors) {
        if (p2.localSubnets().isEmpty()) {
            errors.add(Finding.error("LOCAL_SUBNETS_EMPTY", "phaseTwo.localSubnets",
                    "a policy-based tunnel needs at least one local subnet"));
        }
        if (p2.remoteSubnets().isEmpty()) {
            errors.add(Finding.error("REMOTE_SUBNETS_EMPTY", "phaseTwo.remoteSubnets",
                    "a policy-based tunnel needs at least one remote subnet"));
        }
        Set<IpFamily> local = families(p2.localSubnets());
        Set<IpFamily> remote = families(p2.remoteSubnets());
        if (!local.isEmpty() && !remote.isEmpty() && !local.equals(remote)) {
            errors.add(Finding.error("SUBNET_FAMILY_MISMATCH", "phaseTwo.remoteSubnets", "local subnets are " + local
                    + " but remote subnets are " + remote + "; a CHILD SA carries one family to the same family"));
        }
        if (t.tunnelInterface().isPresent() || !t.routes().isEmpty() || t.bgp().isPresent()) {
            errors.add(Finding.error("POLICY_BASED_ROUTING", "routing",
                    "a policy-based tunnel steers traffic by its subnets; routes, inside addresses and BGP need ROUTE_BASED"));
        }
    }

    private static void routeBased(Tunnel t, PhaseTwo p2, List<Finding> errors) {
        checkAnySelectors(p2.localSubnets(), "phaseTwo.localSubnets", errors);
        checkAnySelectors(p2.remoteSubnets(), "phaseTwo.remoteSubnets", errors);
        Set<IpFamily> families = families(p2.localSubnets());
        if (!families.equals(families(p2.remoteSubnets()))) {
            errors.add(Finding.error("SUBNET_FAMILY_MISMATCH", "phaseTwo.remoteSubnets",
                    "local and remote selectors must cover the same families (0.0.0.0/0 and/or ::/0 on both sides)"));
        }
        if (t.routes().isEmpty() && t.bgp().isEmpty()) {
            errors.add(Finding.error("NO_ROUTES", "routes",
                    "a route-based tunnel needs at least one route, or BGP to learn them; nothing would enter the tunnel"));
        }
        for (int i = 0; i < t.routes().size(); i++) {
            Route r = t.routes().get(i);
            if (!families.isEmpty() && !families.contains(r.destination().family())) {
                errors.add(Finding.error("ROUTE_FAMILY", "routes[" + i + "]", "route " + r + " is "
                        + r.destination().family() + " but the tunnel's selectors only carry " + families));
            }
            if (t.routes().indexOf(r) != i) {
                errors.add(Finding.error("DUPLICATE_ROUTE", "routes[" + i + "]", "route " + r + " is listed twice"));
            }
        }
        t.bgp().ifPresent(bgp -> bgp(t, bgp, errors));
    }

    /**
     * Where the BGP session runs: over the inside network, between its two addresses; or multihop,
     * to a neighbour that the inside network or a route sends through this tunnel.
     */
    private static void bgp(Tunnel t, BgpPeering bgp, List<Finding> errors) {
        Optional<TunnelInterface> inside = t.tunnelInterface();
        IpAddress neighbor = bgp.neighbor();
        if (bgp.kind() == BgpPeeringKind.INSIDE) {
            if (inside.isEmpty()) {
                errors.add(Finding.error("BGP_NEEDS_INSIDE", "tunnelInterface", "BGP runs between inside addresses; set the"
                        + " tunnel interface, or peer MULTIHOP between addresses routed through the tunnel"));
                return;
            }
            TunnelInterface ti = inside.get();
            if (!neighbor.equals(ti.remoteAddress())) {
                errors.add(Finding.error("BGP_NEIGHBOR", "bgp.neighbor", "BGP neighbour " + neighbor
                        + " is not the remote inside address " + ti.remoteAddress()
                        + " (a neighbour beyond the inside network needs MULTIHOP peering)"));
            }
            bgp.localAddress().filter(a -> !a.equals(ti.localAddress())).ifPresent(a -> errors.add(Finding.error(
                    "BGP_LOCAL_ADDRESS", "bgp.localAddress", "our BGP address " + a + " is not the local inside address "
                            + ti.localAddress() + " (an address beyond the inside network needs MULTIHOP peering)")));
            return;
        }
        IpAddress local = bgp.localAddress().orElseThrow();
        if (inside.isPresent() && neighbor.equals(inside.get().localAddress())) {
            errors.add(Finding.error("BGP_NEIGHBOR", "bgp.neighbor", "BGP neighbour " + neighbor
                    + " is our own inside address"));
        }
        if (inside.isPresent() && local.equals(inside.get().remoteAddress())) {
            errors.add(Finding.error("BGP_LOCAL_ADDRESS", "bgp.localAddress", "our BGP address " + local
                    + " is the peer's inside address"));
        }
        boolean connected = inside.map(ti -> ti.network().contains(neighbor)).orElse(false);
        if (!connected && t.routes().stream().noneMatch(r -> r.destination().contains(neighbor))) {
            errors.add(Finding.error("BGP_NEIGHBOR_UNROUTED", "routes", "multihop BGP neighbour " + neighbor
                    + " is neither on the inside network nor covered by a route, so the session would not run through"
                    + " this tunnel; add the route " + Cidr.host(neighbor)));
        }
    }

    private static void checkAnySelectors(List<TrafficSelector> selectors, String path, List<Finding> errors) {
        if (selectors.isEmpty()) {
            errors.add(Finding.error("ROUTE_BASED_SELECTORS", path,
                    "a route-based tunnel negotiates 0.0.0.0/0 (and/or ::/0); none is set"));
        }
        for (int i = 0; i < selectors.size(); i++) {
            if (!selectors.get(i).isAnyTraffic()) {
                errors.add(Finding.error("ROUTE_BASED_SELECTORS", path + "[" + i + "]", "a route-based tunnel negotiates "
                        + "0.0.0.0/0 or ::/0, not " + selectors.get(i) + "; put subnets in routes instead"));
            }
        }
    }

    private static Set<IpFamily> families(List<TrafficSelector> selectors) {
        Set<IpFamily> out = EnumSet.noneOf(IpFamily.class);
        selectors.forEach(s -> out.add(s.family()));
        return out;
    }

    static List<Finding> warnings(Tunnel t) {
        List<Finding> out = new ArrayList<>();
        PhaseOne p1 = t.phaseOne();
        PhaseTwo p2 = t.phaseTwo();
        if (p2.lifetime().time().compareTo(p1.lifetime().time()) > 0) {
            out.add(Finding.builder().code("PHASE2_LIFETIME_LONGER").severity(Severity.WARNING).path("phaseTwo.lifetime")
                    .message("the Phase II lifetime (" + p2.lifetime().time().toSeconds() + "s) is longer than Phase I's ("
                            + p1.lifetime().time().toSeconds() + "s); many peers (AWS among them) refuse this, and IKEv1 "
                            + "peers must then rebuild Phase I before the CHILD SA expires")
                    .localValue(p2.lifetime().time().toSeconds() + "s").build());
        }
        unusualLifetime(out, "phaseOne.lifetime", p1.lifetime(), PHASE1_USUAL_MIN, PHASE1_USUAL_MAX);
        unusualLifetime(out, "phaseTwo.lifetime", p2.lifetime(), PHASE2_USUAL_MIN, PHASE2_USUAL_MAX);
        for (int i = 0; i < p1.proposals().size(); i++) {
            weakAlgorithms(out, "phaseOne.proposals[" + i + "]", ikeAlgorithms(p1.proposals().get(i)), true);
        }
        for (int i = 0; i < p2.proposals().size(); i++) {
            EspProposal p = p2.proposals().get(i);
            weakAlgorithms(out, "phaseTwo.proposals[" + i + "]", espAlgorithms(p), false);
        }
        if (p2.replayWindow() == 0) {
            out.add(Finding.warning("REPLAY_OFF", "phaseTwo.replayWindow",
                    "anti-replay is off: replayed ESP packets are accepted"));
        }
        if (p2.dpd().isEmpty()) {
            out.add(Finding.info("DPD_OFF", "phaseTwo.dpd",
                    "dead peer detection is off: a dead peer is noticed only when the SAs expire"));
        }
        if (looksLikePlaceholder(p1.sharedSecret().reveal())) {
            out.add(Finding.warning("PSK_PLACEHOLDER", "phaseOne.sharedSecret",
                    "the shared secret looks like a placeholder or a well-known sample value; set a random one"));
        } else if (p1.sharedSecret().length() < 16) {
            out.add(Finding.warning("PSK_SHORT", "phaseOne.sharedSecret", "the shared secret has "
                    + p1.sharedSecret().length() + " characters; 16 or more random characters resist offline guessing"));
        }
        p1.remoteId().filter(id -> looksLikePlaceholder(id.value())).ifPresent(id -> out.add(Finding.warning(
                "ID_PLACEHOLDER", "phaseOne.remoteId", "the remote ID \"" + id + "\" looks like a placeholder")));
        addressWarnings(out, p1.remotePublicIp());
        return List.copyOf(out);
    }

    private static void unusualLifetime(List<Finding> out, String path, Lifetime l, Duration min, Duration max) {
        Duration time = l.time();
        if (time.compareTo(min) < 0 || time.compareTo(max) > 0) {
            out.add(Finding.builder().code("LIFETIME_UNUSUAL").severity(Severity.WARNING).path(path)
                    .message("a lifetime of " + time.toSeconds() + "s is unusual: short ones cause frequent rekeys, "
                            + "long ones keep keys in use for long")
                    .localValue(time.toSeconds() + "s").allowed(min.toSeconds() + ".." + max.toSeconds() + " s usual")
                    .build());
        }
    }

    private static List<Algorithm> ikeAlgorithms(IkeProposal p) {
        List<Algorithm> out = new ArrayList<>();
        p.encryption().forEach(e -> out.add(e.algorithm()));
        out.addAll(p.integrity());
        out.addAll(p.prf());
        out.addAll(p.keyExchange());
        p.additionalKeyExchanges().values().forEach(out::addAll);
        return out;
    }

    private static List<Algorithm> espAlgorithms(EspProposal p) {
        List<Algorithm> out = new ArrayList<>();
        for (Encryption e : p.encryption()) {
            out.add(e.algorithm());
        }
        out.addAll(p.integrity());
        out.addAll(p.pfsGroups());
        p.additionalKeyExchanges().values().forEach(out::addAll);
        return out;
    }

    /**
     * Warns for each algorithm the RFC of its phase discourages; an algorithm that RFC leaves
     * open but the other one discourages (3DES is MAY in RFC 8247 and SHOULD NOT in RFC 8221;
     * DH groups appear only in RFC 8247) is warned about citing the other RFC.
     */
    private static void weakAlgorithms(List<Finding> out, String path, List<Algorithm> algorithms, boolean ike) {
        for (Algorithm a : new LinkedHashSet<>(algorithms)) {
            Requirement own = ike ? a.ikeStatus() : a.espStatus();
            Requirement other = ike ? a.espStatus() : a.ikeStatus();
            boolean ownRfc = own.isDiscouraged();
            if (!ownRfc && !other.isDiscouraged()) {
                continue;
            }
            Requirement status = ownRfc ? own : other;
            // RFC 8221 has no key exchange table: PFS groups are judged by RFC 8247 alone.
            String rfc = a instanceof KeyExchangeMethod || ike == ownRfc ? "RFC 8247 (IKEv2)" : "RFC 8221 (ESP)";
            out.add(Finding.builder().code("WEAK_ALGORITHM").severity(Severity.WARNING).path(path)
                    .message(a.name() + " is " + status.rfcWording() + " under " + rfc
                            + "; prefer AES-GCM or AES-CBC with SHA-2 and DH group 14, 19 or 31 or stronger")
                    .localValue(a.name()).build());
        }
    }

    static boolean looksLikePlaceholder(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.length() <= 200 && PLACEHOLDER.matcher(v).matches();
    }

    private static void addressWarnings(List<Finding> out, IpAddress ip) {
        String path = "phaseOne.remotePublicIp";
        if (ip.isUnspecified()) {
            out.add(Finding.warning("REMOTE_IP_ANY", path, "the remote public IP is " + ip
                    + ": we can only respond, never initiate, and any address may claim to be the peer"));
            return;
        }
        for (Cidr doc : DOCUMENTATION) {
            if (doc.contains(ip)) {
                out.add(Finding.warning("REMOTE_IP_DOCUMENTATION", path, "the remote public IP " + ip
                        + " is in a documentation range (" + doc + "), so it is probably a placeholder"));
                return;
            }
        }
        for (Cidr priv : PRIVATE) {
            if (priv.contains(ip)) {
                out.add(Finding.info("REMOTE_IP_PRIVATE", path, "the remote public IP " + ip + " is private (" + priv
                        + "); fine over a private link such as ExpressRoute or Direct Connect, not over the Internet"));
                return;
            }
        }
    }

    private static final List<Cidr> DOCUMENTATION = List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"), Cidr.parse("2001:db8::/32"));
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"));
}
