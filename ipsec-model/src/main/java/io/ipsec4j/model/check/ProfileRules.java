package io.ipsec4j.model.check;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules that several vendor profiles share, each written once: numeric ranges, fixed vendor
 * lifetimes, shared-secret character sets, ASN ranges, inside networks and IKE/ESP modes.
 *
 * <p>Every helper appends {@link Finding}s to the caller's list and names the vendor in the
 * message. Secrets are only ever described by their length and by which rule they break.
 */
final class ProfileRules {
    static final String SECRET_PATH = "phaseOne.sharedSecret";

    private ProfileRules() {}

    /** Appends a finding with every field a profile fills. */
    static void add(List<Finding> out, Severity severity, String code, String path, Phase phase, String message,
            String localValue, String allowed) {
        out.add(Finding.builder().code(code).severity(severity).path(path).phase(phase).message(message)
                .localValue(Optional.ofNullable(localValue)).allowed(Optional.ofNullable(allowed)).build());
    }

    /** {@code value} must lie in {@code range}; an ERROR otherwise. */
    static void checkRange(List<Finding> out, String vendor, String code, String path, Phase phase, String what,
            long value, ProfileRange range, String unit) {
        if (!range.contains(value)) {
            add(out, Severity.ERROR, code, path, phase, vendor + " accepts a " + what + " " + range.describe(unit)
                    + ", not " + value + " " + unit, value + " " + unit, range + " " + unit);
        }
    }

    /**
     * The vendor's own lifetime is fixed at {@code vendorSeconds}: a WARNING when ours differs.
     * Lifetimes are not negotiated in IKEv2 (RFC 7296 §2.8): each end rekeys at its own, so the shorter
     * one decides.
     */
    static void checkFixedLifetime(List<Finding> out, String vendor, String code, String path, String what,
            Duration ours, long vendorSeconds) {
        long oursSeconds = ours.toSeconds();
        if (oursSeconds == vendorSeconds) {
            return;
        }
        String winner = oursSeconds < vendorSeconds ? "ours (" + oursSeconds + " s)"
                : vendor + "'s (" + vendorSeconds + " s)";
        add(out, Severity.WARNING, code, path, Phase.NONE, vendor + "'s " + what + " is fixed at " + vendorSeconds
                + " s and cannot be changed; ours is " + oursSeconds + " s. Each end rekeys at its own lifetime "
                + "(IKEv2 does not negotiate them), so the shorter one, " + winner + ", decides when the SA is "
                + "rekeyed", oursSeconds + " s",
                vendorSeconds + " s (fixed by " + vendor + ")");
    }

    /**
     * The shared secret must have {@code length} characters, all of {@code charClass} (a regex
     * character class such as {@code [A-Za-z0-9._]}), and must not start with 0 when
     * {@code noLeadingZero}. Findings describe the secret; they never contain it.
     */
    static void checkSecret(List<Finding> out, String vendor, Secret secret, ProfileRange length, String charClass,
            String charClassText, boolean noLeadingZero) {
        String described = secret.length() + " characters";
        if (!length.contains(secret.length())) {
            add(out, Severity.ERROR, "PSK_LENGTH", SECRET_PATH, Phase.PHASE_1, vendor + " accepts a shared secret "
                    + length.describe("characters") + "; this one has " + secret.length(), described,
                    length + " characters");
        }
        if (!secret.matches(charClass + "*")) {
            add(out, Severity.ERROR, "PSK_CHARACTERS", SECRET_PATH, Phase.PHASE_1, vendor + " refuses this shared "
                    + "secret: it contains a character outside " + charClassText + " (the value is not shown)",
                    described, charClassText);
        }
        if (noLeadingZero && secret.matches("(?s)0.*")) {
            add(out, Severity.ERROR, "PSK_LEADING_ZERO", SECRET_PATH, Phase.PHASE_1,
                    vendor + " refuses a shared secret that starts with the digit 0", described,
                    "not starting with 0");
        }
    }

    /** {@code asn} must lie in one of {@code ranges}; an ERROR otherwise. */
    static void checkAsnIn(List<Finding> out, String vendor, String code, String path, String what, Asn asn,
            List<ProfileRange> ranges) {
        if (!ProfileRange.anyContains(ranges, asn.value())) {
            add(out, Severity.ERROR, code, path, Phase.ROUTING, vendor + " does not accept " + what + " " + asn
                    + "; it must be in " + ProfileRange.format(ranges), asn.toString(), ProfileRange.format(ranges));
        }
    }

    /** {@code asn} must not lie in any of {@code reserved}; an ERROR naming {@code why} otherwise. */
    static void checkAsnNotIn(List<Finding> out, String vendor, String code, String path, String what, Asn asn,
            List<ProfileRange> reserved, String why) {
        if (ProfileRange.anyContains(reserved, asn.value())) {
            add(out, Severity.ERROR, code, path, Phase.ROUTING, vendor + " does not accept " + what + " " + asn
                    + ": " + why, asn.toString(), "not " + ProfileRange.format(reserved));
        }
    }

    /** The two ends of an eBGP session need different ASNs. */
    static void checkDistinctAsns(List<Finding> out, String vendor, BgpPeering bgp) {
        if (bgp.localAsn().equals(bgp.peerAsn())) {
            add(out, Severity.ERROR, "BGP_SAME_ASN", "bgp.localAsn", Phase.ROUTING, "our ASN equals " + vendor
                    + "'s ASN " + bgp.peerAsn() + "; " + vendor
                    + " peers over eBGP and needs a different ASN on our side",
                    bgp.localAsn().toString(), "not " + bgp.peerAsn());
        }
    }

    /**
     * {@code vendor} peers BGP only between the two addresses of the tunnel's inside network
     * (single-hop eBGP): a multihop peering finds no session on its side.
     */
    static void checkInsidePeering(List<Finding> out, String vendor, BgpPeering bgp) {
        if (bgp.kind() == BgpPeeringKind.MULTIHOP) {
            add(out, Severity.ERROR, "BGP_MULTIHOP_UNSUPPORTED", "bgp.kind", Phase.ROUTING, vendor + " peers BGP only"
                    + " between the inside addresses of each tunnel; a multihop session from " + bgp.localAddress().orElseThrow()
                    + " to " + bgp.neighbor() + " never establishes", bgp.kind().toString(), BgpPeeringKind.INSIDE.toString());
        }
    }

    /** Both tunnels of a pair end on one vendor gateway, which has one ASN. */
    static void checkSamePeerAsn(List<Finding> out, String vendor, RedundantTunnels pair) {
        Asn a = pair.tunnel1().bgp().get().peerAsn();
        Asn b = pair.tunnel2().bgp().get().peerAsn();
        if (!a.equals(b)) {
            add(out, Severity.ERROR, "PAIR_PEER_ASN_DIFFERS", "tunnel2.bgp.peerAsn", Phase.ROUTING, "the tunnels peer "
                    + "with ASNs " + a + " and " + b + ", but a " + vendor + " gateway has one ASN for both of its "
                    + "tunnels", b.toString(), a.toString());
        }
    }

    /**
     * The inside network must be a /{@code prefix} inside {@code within} and not one of
     * {@code reserved}.
     */
    static void checkInsideNetwork(List<Finding> out, String vendor, TunnelInterface inside, Cidr within, int prefix,
            List<Cidr> reserved) {
        Cidr net = inside.network();
        String allowed = "a /" + prefix + " in " + within + (reserved.isEmpty() ? "" : ", not " + reserved);
        if (net.prefixLength() != prefix) {
            add(out, Severity.ERROR, "INSIDE_PREFIX", "tunnelInterface", Phase.ROUTING, vendor + " assigns a /" + prefix
                    + " as the inside network of a tunnel, not a /" + net.prefixLength(), net.toString(), allowed);
        }
        if (!within.contains(net.network())) {
            add(out, Severity.ERROR, "INSIDE_RANGE", "tunnelInterface", Phase.ROUTING, vendor + " takes inside "
                    + "addresses from " + within + " only; " + net + " is outside it", net.toString(), allowed);
        }
        for (Cidr r : reserved) {
            if (r.overlaps(net)) {
                add(out, Severity.ERROR, "INSIDE_RESERVED", "tunnelInterface", Phase.ROUTING, vendor + " reserves "
                        + r + " and refuses it as an inside network", net.toString(), allowed);
            }
        }
    }

    /** IKEv1 aggressive mode is not offered by {@code vendor}. */
    static void checkNoAggressiveMode(List<Finding> out, String vendor, Tunnel t, String offered) {
        if (t.phaseOne().ikeVersion() == IkeVersion.IKEV1_AGGRESSIVE) {
            add(out, Severity.ERROR, "IKE_AGGRESSIVE_MODE", "phaseOne.ikeVersion", Phase.PHASE_1, vendor
                    + " does not offer IKEv1 aggressive mode; use IKEv1 main mode or IKEv2", "IKEv1 aggressive",
                    offered);
        }
    }

    /** {@code vendor} runs ESP in tunnel mode only. */
    static void checkTunnelMode(List<Finding> out, String vendor, Tunnel t) {
        if (t.phaseTwo().mode() != EspMode.TUNNEL) {
            add(out, Severity.ERROR, "ESP_MODE", "phaseTwo.mode", Phase.PHASE_2, vendor + " runs ESP in tunnel mode "
                    + "only", t.phaseTwo().mode().toString(), EspMode.TUNNEL.toString());
        }
    }

    /**
     * WARNINGs for lifetime limits the vendor's settings cannot express (they are then not applied
     * on its side): byte and packet limits, and a rekey margin.
     */
    static void checkLifetimeExpressible(List<Finding> out, String vendor, String path, Lifetime lifetime,
            boolean bytes, boolean margin) {
        if (!bytes && lifetime.bytes().isPresent()) {
            notExpressible(out, vendor, path + ".bytes", "a byte limit", lifetime.bytes().getAsLong() + " bytes");
        }
        if (lifetime.packets().isPresent()) {
            notExpressible(out, vendor, path + ".packets", "a packet limit",
                    lifetime.packets().getAsLong() + " packets");
        }
        if (!margin && lifetime.rekeyMargin().isPresent()) {
            notExpressible(out, vendor, path + ".rekeyMargin", "a rekey margin",
                    lifetime.rekeyMargin().get().toSeconds() + " s");
        }
    }

    private static void notExpressible(List<Finding> out, String vendor, String path, String what, String value) {
        add(out, Severity.WARNING, "NOT_EXPRESSIBLE", path, Phase.NONE, vendor + "'s settings have no field for "
                + what + "; only our side applies it", value, null);
    }
}
