package io.ipsec4j.model.check;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.AES_128_GMAC;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.AES_192_GMAC;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.AES_256_GMAC;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.HMAC_MD5_96;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.HMAC_SHA1_96;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.HMAC_SHA2_256_128;
import static io.ipsec4j.model.algorithm.IntegrityAlgorithm.HMAC_SHA2_384_192;
import static io.ipsec4j.model.check.ProfileAlgorithms.groups;
import static io.ipsec4j.model.check.ProfileAlgorithms.sizes;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Azure: a custom IPsec/IKE policy on a VPN Gateway connection ({@link VendorProfiles#AZURE}) or
 * on a Virtual WAN hub connection ({@link VendorProfiles#AZURE_VWAN}).
 *
 * <p>Sources (docs/CONFIG-FORMATS.md):
 * <ul>
 *   <li>§2.3 (MicrosoftDocs/azure-docs {@code includes/vpn-gateway-faq-ipsecikepolicy-include.md}):
 *       the allowed {@code ikeEncryption}, {@code ikeIntegrity}, {@code dhGroup},
 *       {@code ipsecEncryption}, {@code ipsecIntegrity} and {@code pfsGroup} values; exactly one
 *       value per field and one policy per connection; with GCM, encryption and integrity name the
 *       same GCM algorithm; Quick Mode SA lifetime ≥ 300 s and data size ≥ 1024 KB; DPD timeout
 *       9–3600 s; IKE (main mode) SA lifetime fixed at 28800 s on the Azure side.</li>
 *   <li>§2.1.2 (azure-docs {@code includes/virtual-wan-ipsec-custom-include.md}): the Virtual WAN
 *       custom policy lists (IKE GCMAES256, GCMAES128, AES256, AES128; SHA384, SHA256; ECP384,
 *       ECP256, DHGroup24, DHGroup14; IPsec GCMAES256, GCMAES128, AES256, AES128, None; GCMAES256,
 *       GCMAES128, SHA256; PFS ECP384, ECP256, PFS24, PFS14, None) and the 300 s minimum SA lifetime.</li>
 *   <li>BGP: the VPN Gateway FAQ, "What ASNs can I use?"
 *       (learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq#bgp; MicrosoftDocs/azure-docs
 *       {@code articles/vpn-gateway/vpn-gateway-vpn-faq.md}): Azure reserves 8074, 8075, 12076,
 *       65515, 65517–65520, and the IANA-reserved 23456, 64496–64511, 65535–65551 and 4294967295
 *       (printed there as "429496729") cannot be used by the on-premises side; the two sides need
 *       different ASNs.</li>
 * </ul>
 * Azure has no PRF setting: in a non-AEAD policy the integrity value is also the PRF, and with
 * GCM the PRF is checked against the integrity list. Virtual WAN is assumed to reserve the same
 * ASNs as VPN Gateway (its hub speaks as 65515).
 *
 * @see <a href="https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto">Azure custom IPsec/IKE
 *     policy</a>
 * @see <a href="https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq#bgp">VPN Gateway FAQ: BGP</a>
 */
public final class AzureProfile implements VendorProfile {
    /** {@code saLifeTimeSeconds} of the Quick Mode (Phase 2) SA: at least 300 s (both products). */
    public static final long QUICK_MODE_LIFETIME_MIN_SECONDS = 300;
    /** {@code saDataSizeKilobytes} of the Quick Mode SA: at least 1024 KB (VPN Gateway). */
    public static final long SA_DATA_SIZE_MIN_KILOBYTES = 1_024;
    /** {@code dpdTimeoutSeconds} of a VPN Gateway connection: 9–3600 s (default 45 s). */
    public static final long DPD_TIMEOUT_MIN_SECONDS = 9;
    public static final long DPD_TIMEOUT_MAX_SECONDS = 3_600;
    /** The IKE SA lifetime of an Azure VPN gateway, not configurable. */
    public static final long IKE_SA_LIFETIME_SECONDS = 28_800;

    static final List<ProfileRange> RESERVED_ASNS = List.of(ProfileRange.of(8074, 8075), ProfileRange.single(12076),
            ProfileRange.single(65515), ProfileRange.of(65517, 65520), ProfileRange.single(23456),
            ProfileRange.of(64496, 64511), ProfileRange.of(65535, 65551), ProfileRange.single(4_294_967_295L));

    private static final List<IntegrityAlgorithm> GMAC = List.of(AES_256_GMAC, AES_192_GMAC, AES_128_GMAC);
    /** Azure names GMAC integrity after the GCM cipher of the same key size. */
    private static final Map<IntegrityAlgorithm, String> GMAC_NAMES =
            Map.of(AES_256_GMAC, "GCMAES256", AES_192_GMAC, "GCMAES192", AES_128_GMAC, "GCMAES128");
    private static final Function<Object, String> SPELL =
            v -> GMAC_NAMES.containsKey(v) ? GMAC_NAMES.get(v) : ProfileProposals.spell(Vendor.AZURE, v);
    private static final List<Encryption> DES_FAMILY =
            List.of(Encryption.TRIPLE_DES, Encryption.of(EncryptionAlgorithm.DES, 64));

    private static final AzureProfile VPN_GATEWAY = new AzureProfile("Azure VPN Gateway",
            new ProfileAlgorithms(
                    ProfileAlgorithms.concat(sizes(AES_GCM_16, 256, 128), sizes(AES_CBC, 256, 192, 128), DES_FAMILY),
                    List.of(AES_256_GMAC, AES_128_GMAC, HMAC_SHA2_384_192, HMAC_SHA2_256_128, HMAC_SHA1_96,
                            HMAC_MD5_96),
                    List.of(PrfAlgorithm.HMAC_SHA2_384, PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA1,
                            PrfAlgorithm.HMAC_MD5),
                    groups(24, 20, 19, 14, 2, 1), false),
            new ProfileAlgorithms(
                    ProfileAlgorithms.concat(sizes(AES_GCM_16, 256, 192, 128), sizes(AES_CBC, 256, 192, 128),
                            DES_FAMILY, List.of(Encryption.NULL)),
                    ProfileAlgorithms.concat(GMAC, List.of(HMAC_SHA2_256_128, HMAC_SHA1_96, HMAC_MD5_96)),
                    List.of(), groups(24, 20, 19, 14, 2, 1), false),
            g -> AlgorithmNames.azurePfsName((KeyExchangeMethod) g).orElseGet(() -> SPELL.apply(g)), true);

    private static final AzureProfile VIRTUAL_WAN = new AzureProfile("Azure Virtual WAN",
            new ProfileAlgorithms(
                    ProfileAlgorithms.concat(sizes(AES_GCM_16, 256, 128), sizes(AES_CBC, 256, 128)),
                    List.of(HMAC_SHA2_384_192, HMAC_SHA2_256_128),
                    List.of(PrfAlgorithm.HMAC_SHA2_384, PrfAlgorithm.HMAC_SHA2_256),
                    groups(20, 19, 24, 14), false),
            new ProfileAlgorithms(
                    ProfileAlgorithms.concat(sizes(AES_GCM_16, 256, 128), sizes(AES_CBC, 256, 128),
                            List.of(Encryption.NULL)),
                    List.of(AES_256_GMAC, AES_128_GMAC, HMAC_SHA2_256_128),
                    List.of(), groups(20, 19, 24, 14), false),
            AzureProfile::virtualWanPfsName, false);

    private final String name;
    private final ProfileAlgorithms phase1;
    private final ProfileAlgorithms phase2;
    private final Function<Object, String> pfsSpell;
    /** VPN Gateway: fixed IKE SA lifetime, SA data size minimum and DPD timeout range apply. */
    private final boolean gateway;

    private AzureProfile(String name, ProfileAlgorithms phase1, ProfileAlgorithms phase2,
            Function<Object, String> pfsSpell, boolean gateway) {
        this.name = name;
        this.phase1 = phase1;
        this.phase2 = phase2;
        this.pfsSpell = pfsSpell;
        this.gateway = gateway;
    }

    /** An Azure VPN Gateway connection with a custom IPsec/IKE policy (CONFIG-FORMATS §2.3). */
    static AzureProfile vpnGateway() {
        return VPN_GATEWAY;
    }

    /** A Virtual WAN hub connection with a custom policy (CONFIG-FORMATS §2.1.2). */
    static AzureProfile virtualWan() {
        return VIRTUAL_WAN;
    }

    /** Virtual WAN spells group 14 {@code PFS14} in its PFS list. */
    private static String virtualWanPfsName(Object group) {
        return KeyExchangeMethod.MODP_2048.equals(group) ? "PFS14"
                : AlgorithmNames.azurePfsName((KeyExchangeMethod) group).orElseGet(() -> SPELL.apply(group));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> check(Tunnel t) {
        List<Finding> out = new ArrayList<>();
        List<IkeProposal> ike = t.phaseOne().proposals();
        List<EspProposal> esp = t.phaseTwo().proposals();
        checkOnePolicy(out, "phaseOne.proposals", ike.size());
        checkOnePolicy(out, "phaseTwo.proposals", esp.size());
        checkOneValuePerField(out, ike, esp);
        ProfileProposals.checkIke(out, name, SPELL, ike, phase1);
        ProfileProposals.checkPrfFollowsIntegrity(out, name, SPELL, ike);
        ProfileProposals.checkEsp(out, name, SPELL, esp, phase2, pfsSpell);
        ProfileRules.checkRange(out, name, "PHASE2_LIFETIME_RANGE", "phaseTwo.lifetime", Phase.NONE,
                "Quick Mode (Phase 2) SA lifetime", t.phaseTwo().lifetime().time().toSeconds(),
                ProfileRange.atLeast(QUICK_MODE_LIFETIME_MIN_SECONDS), "s");
        ProfileRules.checkLifetimeExpressible(out, name, "phaseOne.lifetime", t.phaseOne().lifetime(), false, false);
        ProfileRules.checkLifetimeExpressible(out, name, "phaseTwo.lifetime", t.phaseTwo().lifetime(), true, false);
        if (gateway) {
            checkGatewayOnly(out, t);
        }
        t.bgp().ifPresent(bgp -> {
            ProfileRules.checkAsnNotIn(out, name, "ASN_RESERVED", "bgp.localAsn", "our ASN", bgp.localAsn(),
                    RESERVED_ASNS, "Azure reserves it (8074, 8075, 12076, 65515, 65517-65520) or IANA does (23456, "
                            + "64496-64511, 65535-65551, 4294967295), and on-premises devices cannot use it");
            ProfileRules.checkDistinctAsns(out, name, bgp);
        });
        return List.copyOf(out);
    }

    private void checkOneValuePerField(List<Finding> out, List<IkeProposal> ike, List<EspProposal> esp) {
        for (int i = 0; i < ike.size(); i++) {
            IkeProposal p = ike.get(i);
            String path = "phaseOne.proposals[" + i + "]";
            checkOneValue(out, path + ".encryption", "ikeEncryption", p.encryption(), SPELL);
            checkOneValue(out, path + ".integrity", "ikeIntegrity", p.integrity(), SPELL);
            checkOneValue(out, path + ".prf", "ikeIntegrity (also the PRF)", p.prf(), SPELL);
            checkOneValue(out, path + ".keyExchange", "dhGroup", p.keyExchange(), SPELL);
            checkGcmPairing(out, path, p.encryption(), p.integrity());
        }
        for (int i = 0; i < esp.size(); i++) {
            EspProposal p = esp.get(i);
            String path = "phaseTwo.proposals[" + i + "]";
            checkOneValue(out, path + ".encryption", "ipsecEncryption", p.encryption(), SPELL);
            checkOneValue(out, path + ".integrity", "ipsecIntegrity", p.integrity(), SPELL);
            checkOneValue(out, path + ".pfsGroups", "pfsGroup", p.pfsGroups(), pfsSpell);
            checkGcmPairing(out, path, p.encryption(), p.integrity());
        }
    }

    /** The VPN Gateway rules of §2.3 that §2.1.2 does not state for Virtual WAN. */
    private void checkGatewayOnly(List<Finding> out, Tunnel t) {
        t.phaseTwo().lifetime().bytes().ifPresent(bytes -> ProfileRules.checkRange(out, name, "SA_DATA_SIZE_RANGE",
                "phaseTwo.lifetime.bytes", Phase.NONE, "Quick Mode SA data size", bytes / 1024,
                ProfileRange.atLeast(SA_DATA_SIZE_MIN_KILOBYTES), "KB"));
        t.phaseTwo().dpd().ifPresent(dpd -> ProfileRules.checkRange(out, name, "DPD_TIMEOUT_RANGE",
                "phaseTwo.dpd.timeout", Phase.NONE, "DPD timeout", dpd.timeout().toSeconds(),
                ProfileRange.of(DPD_TIMEOUT_MIN_SECONDS, DPD_TIMEOUT_MAX_SECONDS), "s"));
        ProfileRules.checkFixedLifetime(out, name, "IKE_LIFETIME_FIXED", "phaseOne.lifetime",
                "IKE (main mode) SA lifetime", t.phaseOne().lifetime().time(), IKE_SA_LIFETIME_SECONDS);
    }

    /** Both tunnels end on the two instances of one gateway, which has one ASN. */
    @Override
    public List<Finding> checkPair(RedundantTunnels pair) {
        List<Finding> out = new ArrayList<>();
        ProfileRules.checkSamePeerAsn(out, name, pair);
        return List.copyOf(out);
    }

    private void checkOnePolicy(List<Finding> out, String path, int count) {
        if (count > 1) {
            ProfileRules.add(out, Severity.ERROR, "AZURE_ONE_POLICY", path, Phase.NONE, "Azure accepts exactly one "
                    + "IPsec/IKE policy per connection (" + name + "), not " + count + " proposals",
                    count + " proposals", "1 proposal");
        }
    }

    private void checkOneValue(List<Finding> out, String path, String field, List<?> values,
            Function<Object, String> spell) {
        if (values.size() > 1) {
            String all = ProfileProposals.spellAll(values, spell);
            ProfileRules.add(out, Severity.ERROR, "AZURE_MULTIPLE_VALUES", path, Phase.NONE, "Azure accepts exactly "
                    + "one value per field (" + name + "); " + field + " has " + values.size() + ": " + all,
                    all, "1 value");
        }
    }

    /**
     * With GCM, Azure's encryption and integrity name the same GCM algorithm ({@code GCMAES256} with
     * {@code GCMAES256}). The model writes that as an AEAD cipher without integrity; a GMAC
     * integrity next to any cipher is the pairing Azure refuses.
     */
    private void checkGcmPairing(List<Finding> out, String path, List<Encryption> encryption,
            List<IntegrityAlgorithm> integrity) {
        for (IntegrityAlgorithm a : integrity) {
            if (GMAC.contains(a)) {
                String pair = ProfileProposals.spellAll(encryption, SPELL) + " + " + SPELL.apply(a);
                ProfileRules.add(out, Severity.ERROR, "AZURE_GCM_PAIRING", path + ".integrity", Phase.NONE,
                        "with GCM, Azure requires encryption and integrity to name the same GCM algorithm (" + name
                                + "); " + pair + " does not", pair, "GCMAESn + GCMAESn (same n)");
            }
        }
    }
}
