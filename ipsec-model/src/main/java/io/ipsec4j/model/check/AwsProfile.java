package io.ipsec4j.model.check;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * AWS Site-to-Site VPN: the tunnel options a VPN connection accepts, with the SASE gateway in the
 * role of the AWS "customer gateway".
 *
 * <p>Sources (docs/CONFIG-FORMATS.md):
 * <ul>
 *   <li>§1.5, tunnel option table (awsdocs/aws-site-to-site-vpn-user-guide {@code doc_source/VPNTunnels.md}):
 *       IKE versions, the four encryption and four integrity values of both phases, DH groups
 *       (Phase 1: 2, 14–24; Phase 2: 2, 5, 14–24), lifetimes (Phase 1 900–28800 s, Phase 2
 *       900–3600 s and shorter than Phase 1), rekey margin 60 s – half the Phase 2 lifetime, rekey
 *       fuzz 0–100 %, replay window 64–2048 packets, DPD timeout ≥ 30 s with action
 *       clear/none/restart, inside CIDRs and the PSK alphabet.</li>
 *   <li>§7, hashicorp/terraform-provider-aws {@code vpnsite_connection.go}: the PSK validator
 *       (8–64 characters of {@code [0-9A-Za-z_.]}, not starting with 0) and the inside CIDR
 *       validator (a /30 in 169.254.0.0/16 minus seven reserved /30s; IPv6 a /126 in fd00::/8).</li>
 *   <li>§1.2.1, the Generic configuration file [S]: "Phase 1 Negotiation Mode: main" and ESP
 *       "Mode: tunnel", so IKEv1 aggressive mode and transport mode are refused.</li>
 *   <li>Customer gateway ASN: the EC2 {@code CreateCustomerGateway} reference, {@code BgpAsn}
 *       "Valid values are from 1 to 2147483647" and {@code BgpAsnExtended} 2147483648–4294967295
 *       (Pulumi AWS {@code CustomerGatewayState.bgpAsn}/{@code bgpAsnExtended}, which copy it); the
 *       older reference reserves 7224 in us-east-1 and 9059 in eu-west-1.</li>
 * </ul>
 * AWS takes one list per transform type and phase, not a list of proposals: several proposals are
 * merged, which is a WARNING; every listed value must be allowed. AWS has no PRF setting: its
 * integrity choice is also the PRF.
 *
 * @see <a href="https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html">AWS Site-to-Site VPN tunnel
 *     options</a>
 */
public final class AwsProfile implements VendorProfile {
    static final String VENDOR = "AWS";

    /** {@code Phase1LifetimeSeconds}: 900–28800 s (default 28800). */
    public static final long PHASE1_LIFETIME_MIN_SECONDS = 900;
    public static final long PHASE1_LIFETIME_MAX_SECONDS = 28_800;
    /** {@code Phase2LifetimeSeconds}: 900–3600 s (default 3600), and less than the Phase 1 lifetime. */
    public static final long PHASE2_LIFETIME_MIN_SECONDS = 900;
    public static final long PHASE2_LIFETIME_MAX_SECONDS = 3_600;
    /** {@code RekeyMarginTimeSeconds}: 60 s up to half the Phase 2 lifetime. */
    public static final long REKEY_MARGIN_MIN_SECONDS = 60;
    /** {@code RekeyFuzzPercentage}: 0–100 %. */
    public static final long REKEY_FUZZ_MAX_PERCENT = 100;
    /** {@code ReplayWindowSize}: 64–2048 packets (default 1024). */
    public static final long REPLAY_WINDOW_MIN_PACKETS = 64;
    public static final long REPLAY_WINDOW_MAX_PACKETS = 2_048;
    /** {@code DpdTimeoutSeconds}: at least 30 s. */
    public static final long DPD_TIMEOUT_MIN_SECONDS = 30;
    /** {@code PreSharedKey}: 8–64 characters of {@code [A-Za-z0-9._]}, not starting with 0. */
    public static final int PSK_MIN_LENGTH = 8;
    public static final int PSK_MAX_LENGTH = 64;
    /** Largest {@code BgpAsn} of a customer gateway; larger ASNs go in {@code BgpAsnExtended}. */
    public static final long CUSTOMER_GATEWAY_ASN_MAX = 2_147_483_647L;

    static final Cidr INSIDE_IPV4 = Cidr.parse("169.254.0.0/16");
    static final Cidr INSIDE_IPV6 = Cidr.parse("fd00::/8");
    static final List<Cidr> INSIDE_IPV4_RESERVED = List.of(Cidr.parse("169.254.0.0/30"), Cidr.parse("169.254.1.0/30"),
            Cidr.parse("169.254.2.0/30"), Cidr.parse("169.254.3.0/30"), Cidr.parse("169.254.4.0/30"),
            Cidr.parse("169.254.5.0/30"), Cidr.parse("169.254.169.252/30"));
    /** ASNs the EC2 reference reserves in one region each (7224 us-east-1, 9059 eu-west-1). */
    static final List<ProfileRange> REGION_RESERVED_ASNS =
            List.of(ProfileRange.single(7224), ProfileRange.single(9059));

    private static final ProfileRange PHASE1_LIFETIME =
            ProfileRange.of(PHASE1_LIFETIME_MIN_SECONDS, PHASE1_LIFETIME_MAX_SECONDS);
    private static final ProfileRange PHASE2_LIFETIME =
            ProfileRange.of(PHASE2_LIFETIME_MIN_SECONDS, PHASE2_LIFETIME_MAX_SECONDS);
    private static final List<IntegrityAlgorithm> INTEGRITY = List.of(IntegrityAlgorithm.HMAC_SHA1_96,
            IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA2_384_192,
            IntegrityAlgorithm.HMAC_SHA2_512_256);
    static final ProfileAlgorithms PHASE1 = new ProfileAlgorithms(
            ProfileAlgorithms.concat(ProfileAlgorithms.sizes(AES_CBC, 128, 256),
                    ProfileAlgorithms.sizes(AES_GCM_16, 128, 256)),
            INTEGRITY,
            List.of(PrfAlgorithm.HMAC_SHA1, PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA2_384,
                    PrfAlgorithm.HMAC_SHA2_512),
            ProfileAlgorithms.groups(2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24), false);
    static final ProfileAlgorithms PHASE2 = new ProfileAlgorithms(PHASE1.encryption(), INTEGRITY, List.of(),
            ProfileAlgorithms.groups(2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24), false);
    private static final Function<Object, String> SPELL = ProfileProposals.speller(Vendor.AWS);
    private static final List<DpdAction> DPD_ACTIONS = List.of(DpdAction.CLEAR, DpdAction.NONE, DpdAction.RESTART);

    AwsProfile() {}

    @Override
    public String name() {
        return VENDOR;
    }

    @Override
    public List<Finding> check(Tunnel t) {
        List<Finding> out = new ArrayList<>();
        ProfileRules.checkNoAggressiveMode(out, VENDOR, t, "ikev1 (main mode), ikev2");
        ProfileRules.checkTunnelMode(out, VENDOR, t);
        ProfileProposals.checkProposalLists(out, VENDOR, SPELL, t, PHASE1, PHASE2);
        ProfileProposals.checkPrfFollowsIntegrity(out, VENDOR, SPELL, t.phaseOne().proposals());
        checkLifetimes(out, t.phaseOne().lifetime(), t.phaseTwo().lifetime());
        ProfileRules.checkRange(out, VENDOR, "REPLAY_WINDOW_RANGE", "phaseTwo.replayWindow", Phase.NONE,
                "replay window", t.phaseTwo().replayWindow(),
                ProfileRange.of(REPLAY_WINDOW_MIN_PACKETS, REPLAY_WINDOW_MAX_PACKETS), "packets");
        t.phaseTwo().dpd().ifPresent(dpd -> checkDpd(out, dpd));
        ProfileRules.checkSecret(out, VENDOR, t.phaseOne().sharedSecret(),
                ProfileRange.of(PSK_MIN_LENGTH, PSK_MAX_LENGTH), "[A-Za-z0-9._]", "[A-Za-z0-9._]", true);
        t.tunnelInterface().ifPresent(ti -> {
            if (ti.family() == IpFamily.IPV4) {
                ProfileRules.checkInsideNetwork(out, VENDOR, ti, INSIDE_IPV4, 30, INSIDE_IPV4_RESERVED);
            } else {
                ProfileRules.checkInsideNetwork(out, VENDOR, ti, INSIDE_IPV6, 126, List.of());
            }
        });
        t.bgp().ifPresent(bgp -> checkBgp(out, bgp));
        return List.copyOf(out);
    }

    /** Both tunnels end on one virtual private gateway or transit gateway, which has one ASN. */
    @Override
    public List<Finding> checkPair(RedundantTunnels pair) {
        List<Finding> out = new ArrayList<>();
        ProfileRules.checkSamePeerAsn(out, VENDOR, pair);
        return List.copyOf(out);
    }

    private static void checkLifetimes(List<Finding> out, Lifetime p1, Lifetime p2) {
        long p1Seconds = p1.time().toSeconds();
        long p2Seconds = p2.time().toSeconds();
        ProfileRules.checkRange(out, VENDOR, "PHASE1_LIFETIME_RANGE", "phaseOne.lifetime", Phase.NONE,
                "Phase 1 lifetime", p1Seconds, PHASE1_LIFETIME, "s");
        ProfileRules.checkRange(out, VENDOR, "PHASE2_LIFETIME_RANGE", "phaseTwo.lifetime", Phase.NONE,
                "Phase 2 lifetime", p2Seconds, PHASE2_LIFETIME, "s");
        if (p2Seconds >= p1Seconds) {
            ProfileRules.add(out, Severity.ERROR, "PHASE2_LIFETIME_NOT_SHORTER", "phaseTwo.lifetime", Phase.NONE,
                    "AWS requires the Phase 2 lifetime (" + p2Seconds + " s) to be shorter than the Phase 1 lifetime ("
                            + p1Seconds + " s)", p2Seconds + " s", "< " + p1Seconds + " s");
        }
        ProfileRange margins =
                ProfileRange.of(REKEY_MARGIN_MIN_SECONDS, Math.max(REKEY_MARGIN_MIN_SECONDS, p2Seconds / 2));
        p2.rekeyMargin().ifPresent(margin -> ProfileRules.checkRange(out, VENDOR, "REKEY_MARGIN_RANGE",
                "phaseTwo.lifetime.rekeyMargin", Phase.NONE, "rekey margin (at most half the Phase 2 lifetime)",
                margin.toSeconds(), margins, "s"));
        ProfileRules.checkRange(out, VENDOR, "REKEY_FUZZ_RANGE", "phaseTwo.lifetime.rekeyFuzzPercent", Phase.NONE,
                "rekey fuzz", p2.rekeyFuzzPercent(), ProfileRange.of(0, REKEY_FUZZ_MAX_PERCENT), "%");
        // AWS's rekey margin and fuzz belong to Phase 2; it has no byte or packet lifetimes.
        ProfileRules.checkLifetimeExpressible(out, VENDOR, "phaseOne.lifetime", p1, false, false);
        ProfileRules.checkLifetimeExpressible(out, VENDOR, "phaseTwo.lifetime", p2, false, true);
    }

    private static void checkDpd(List<Finding> out, Dpd dpd) {
        ProfileRules.checkRange(out, VENDOR, "DPD_TIMEOUT_RANGE", "phaseTwo.dpd.timeout", Phase.NONE, "DPD timeout",
                dpd.timeout().toSeconds(), ProfileRange.atLeast(DPD_TIMEOUT_MIN_SECONDS), "s");
        ProfileProposals.checkAllowed(out, VENDOR, "DPD_ACTION_NOT_ALLOWED", "phaseTwo.dpd.action", Phase.NONE,
                "DPD timeout action", List.of(dpd.action()), DPD_ACTIONS, a -> a.name().toLowerCase(Locale.ROOT));
    }

    private static void checkBgp(List<Finding> out, BgpPeering bgp) {
        Asn local = bgp.localAsn();
        if (local.value() > CUSTOMER_GATEWAY_ASN_MAX) {
            ProfileRules.add(out, Severity.WARNING, "CGW_ASN_EXTENDED", "bgp.localAsn", Phase.ROUTING, "AWS takes "
                    + "customer gateway ASNs above " + CUSTOMER_GATEWAY_ASN_MAX + " only in the BgpAsnExtended field; "
                    + "tools that set BgpAsn cannot create this customer gateway", local.toString(),
                    "1.." + CUSTOMER_GATEWAY_ASN_MAX + " (BgpAsn)");
        }
        if (ProfileRange.anyContains(REGION_RESERVED_ASNS, local.value())) {
            ProfileRules.add(out, Severity.WARNING, "CGW_ASN_REGION_RESERVED", "bgp.localAsn", Phase.ROUTING, "AWS "
                    + "reserves ASN " + local + " for its own side in one region "
                    + "(7224 in us-east-1, 9059 in eu-west-1); "
                    + "a customer gateway there cannot use it", local.toString(), "not 7224, 9059");
        }
        ProfileRules.checkDistinctAsns(out, VENDOR, bgp);
        ProfileRules.checkInsidePeering(out, VENDOR, bgp);
    }
}
