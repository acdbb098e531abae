package io.ipsec4j.model.check;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * GCP Cloud VPN (HA and Classic VPN) with a Cloud Router for BGP.
 *
 * <p>Sources (docs/CONFIG-FORMATS.md §3, from
 * cloud.google.com/network-connectivity/docs/vpn/concepts/supported-ike-ciphers):
 * <ul>
 *   <li>IKEv2 Phase 1: AES-GCM-16-128/192/256 (AEAD) or AES-CBC-128/192/256 and 3DES-CBC with
 *       AES-XCBC-96, AES-CMAC-96, HMAC-SHA1-96, HMAC-MD5-96, HMAC-SHA2-256-128, HMAC-SHA2-384-192 or
 *       HMAC-SHA2-512-256; PRFs PRF-AES128-XCBC, PRF-AES128-CMAC, PRF-HMAC-SHA1, PRF-HMAC-MD5,
 *       PRF-HMAC-SHA2-256/384/512; DH groups 2, 5, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 31.</li>
 *   <li>IKEv2 Phase 2: AES-GCM-16-128/192/256, or AES-CBC-128/192/256 with HMAC-SHA2-256-128,
 *       HMAC-SHA2-512-256 or HMAC-SHA1-96; PFS is required, from the same groups.</li>
 *   <li>IKEv1: only AES-CBC-128, HMAC-SHA1-96, PRF-SHA1 and group 2 (applied to both phases).</li>
 *   <li>Lifetimes are fixed on the GCP side: Phase 1 36000 s (IKEv1 36600 s), Phase 2 10800 s;
 *       ESP tunnel mode; PSK up to 64 printable characters; BGP over a link-local /30 in
 *       169.254.0.0/16 from the Cloud Router.</li>
 *   <li>Cloud Router ASN: "Any private ASN (64512-65534, 4200000000-4294967294) that you aren't
 *       already using in the on-premises network" (cloud.google.com/network-connectivity/docs/router,
 *       "Create a Cloud Router"; the Compute API's {@code RouterBgp.asn}: "Must be an RFC6996
 *       private ASN"). The peer (our) ASN may be any ASN other than the Cloud Router's.</li>
 * </ul>
 * The {@code cipherSuite} of a tunnel holds one list per transform type and phase: several
 * proposals are merged (a WARNING).
 *
 * @see <a href="https://cloud.google.com/network-connectivity/docs/vpn/concepts/supported-ike-ciphers">GCP
 *     supported IKE ciphers</a>
 */
public final class GcpProfile implements VendorProfile {
    static final String VENDOR = "GCP Cloud VPN";

    /** GCP's own IKEv2 Phase 1 lifetime, not configurable: 10 hours. */
    public static final long PHASE1_LIFETIME_SECONDS = 36_000;
    /** GCP's own IKEv1 Phase 1 lifetime, not configurable. */
    public static final long IKEV1_PHASE1_LIFETIME_SECONDS = 36_600;
    /** GCP's own Phase 2 lifetime, not configurable: 3 hours. */
    public static final long PHASE2_LIFETIME_SECONDS = 10_800;
    /** Longest shared secret, in printable ASCII characters. */
    public static final int PSK_MAX_LENGTH = 64;
    static final Cidr INSIDE_IPV4 = Cidr.parse("169.254.0.0/16");
    /** RFC 6996 private ASNs, the only ones a Cloud Router takes. */
    static final List<ProfileRange> CLOUD_ROUTER_ASNS =
            List.of(ProfileRange.of(64_512, 65_534), ProfileRange.of(4_200_000_000L, 4_294_967_294L));

    private static final List<KeyExchangeMethod> GROUPS =
            ProfileAlgorithms.groups(14, 23, 24, 5, 15, 16, 18, 2, 22, 19, 20, 21, 31);
    static final ProfileAlgorithms IKEV2_PHASE1 = new ProfileAlgorithms(
            ProfileAlgorithms.concat(ProfileAlgorithms.sizes(AES_GCM_16, 128, 192, 256),
                    ProfileAlgorithms.sizes(AES_CBC, 128, 192, 256), List.of(Encryption.TRIPLE_DES)),
            List.of(IntegrityAlgorithm.AES_XCBC_96, IntegrityAlgorithm.AES_CMAC_96, IntegrityAlgorithm.HMAC_SHA1_96,
                    IntegrityAlgorithm.HMAC_MD5_96, IntegrityAlgorithm.HMAC_SHA2_256_128,
                    IntegrityAlgorithm.HMAC_SHA2_384_192, IntegrityAlgorithm.HMAC_SHA2_512_256),
            List.of(PrfAlgorithm.AES128_XCBC, PrfAlgorithm.AES128_CMAC, PrfAlgorithm.HMAC_SHA1, PrfAlgorithm.HMAC_MD5,
                    PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA2_384, PrfAlgorithm.HMAC_SHA2_512),
            GROUPS, true);
    static final ProfileAlgorithms IKEV2_PHASE2 = new ProfileAlgorithms(
            ProfileAlgorithms.concat(ProfileAlgorithms.sizes(AES_GCM_16, 128, 256, 192),
                    ProfileAlgorithms.sizes(AES_CBC, 128, 256, 192)),
            List.of(IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA2_512_256,
                    IntegrityAlgorithm.HMAC_SHA1_96),
            List.of(), GROUPS, true);
    static final ProfileAlgorithms IKEV1 = new ProfileAlgorithms(List.of(Encryption.AES128_CBC),
            List.of(IntegrityAlgorithm.HMAC_SHA1_96), List.of(PrfAlgorithm.HMAC_SHA1), ProfileAlgorithms.groups(2),
            true);

    private static final Function<Object, String> SPELL = ProfileProposals.speller(Vendor.GCP);

    GcpProfile() {}

    @Override
    public String name() {
        return VENDOR;
    }

    @Override
    public List<Finding> check(Tunnel t) {
        List<Finding> out = new ArrayList<>();
        boolean v1 = t.phaseOne().ikeVersion().isV1();
        ProfileRules.checkTunnelMode(out, VENDOR, t);
        ProfileProposals.checkProposalLists(out, VENDOR, SPELL, t, v1 ? IKEV1 : IKEV2_PHASE1,
                v1 ? IKEV1 : IKEV2_PHASE2);
        checkPfsRequired(out, t.phaseTwo().proposals(), v1);
        ProfileRules.checkFixedLifetime(out, VENDOR, "PHASE1_LIFETIME_FIXED", "phaseOne.lifetime", "Phase 1 lifetime",
                t.phaseOne().lifetime().time(), v1 ? IKEV1_PHASE1_LIFETIME_SECONDS : PHASE1_LIFETIME_SECONDS);
        ProfileRules.checkFixedLifetime(out, VENDOR, "PHASE2_LIFETIME_FIXED", "phaseTwo.lifetime", "Phase 2 lifetime",
                t.phaseTwo().lifetime().time(), PHASE2_LIFETIME_SECONDS);
        ProfileRules.checkLifetimeExpressible(out, VENDOR, "phaseOne.lifetime", t.phaseOne().lifetime(), false, false);
        ProfileRules.checkLifetimeExpressible(out, VENDOR, "phaseTwo.lifetime", t.phaseTwo().lifetime(), false, false);
        ProfileRules.checkSecret(out, VENDOR, t.phaseOne().sharedSecret(), ProfileRange.of(1, PSK_MAX_LENGTH),
                "[\\x20-\\x7E]", "printable ASCII (space to ~)", false);
        t.bgp().ifPresent(bgp -> checkBgp(out, t, bgp));
        return List.copyOf(out);
    }

    private static void checkPfsRequired(List<Finding> out, List<EspProposal> proposals, boolean v1) {
        for (int i = 0; i < proposals.size(); i++) {
            EspProposal p = proposals.get(i);
            if (!p.hasPfs() || p.pfsGroups().contains(KeyExchangeMethod.NONE)) {
                String value = p.pfsGroups().isEmpty() ? "none" : ProfileProposals.spellAll(p.pfsGroups(), SPELL);
                ProfileRules.add(out, Severity.ERROR, "PFS_REQUIRED", "phaseTwo.proposals[" + i + "].pfsGroups",
                        v1 ? Phase.PHASE_2 : Phase.PHASE_2_REKEY, VENDOR + " requires PFS in Phase 2: every proposal "
                                + "needs a DH group, and \"no PFS\" is not accepted", value,
                        ProfileProposals.spellAll(v1 ? IKEV1.keyExchange() : GROUPS, SPELL));
            }
        }
    }

    private static void checkBgp(List<Finding> out, Tunnel t, BgpPeering bgp) {
        t.tunnelInterface().filter(ti -> ti.family() == IpFamily.IPV4).ifPresent(ti ->
                ProfileRules.checkInsideNetwork(out, VENDOR, ti, INSIDE_IPV4, 30, List.of()));
        ProfileRules.checkAsnIn(out, VENDOR, "CLOUD_ROUTER_ASN", "bgp.peerAsn", "a Cloud Router ASN of", bgp.peerAsn(),
                CLOUD_ROUTER_ASNS);
        ProfileRules.checkDistinctAsns(out, VENDOR, bgp);
        ProfileRules.checkInsidePeering(out, VENDOR, bgp);
    }
}
