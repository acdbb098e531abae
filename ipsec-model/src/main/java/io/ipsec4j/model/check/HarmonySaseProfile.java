package io.ipsec4j.model.check;

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IdentityType;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Check Point Harmony SASE (formerly Perimeter 81): what its IPsec tunnel API accepts, for a
 * single tunnel or a redundant pair.
 *
 * <p>Source: docs/CONFIG-FORMATS.md §4, the public API (api-evangelist/perimeter-81 @ 38ace3d,
 * {@code openapi/perimeter-81-ipsec-redundant-api-openapi.yml} and {@code …-ipsec-single-api-openapi.yml}):
 * {@code tunnelName} {@code ^[a-zA-Z0-9]*$} of 3–15 characters; {@code passphrase}
 * {@code ^[a-zA-Z1-9._][a-zA-Z0-9._]{7,63}$}; {@code remoteID} an IPv4 address or
 * {@code ^[a-zA-Z0-9]{3,25}$}; {@code remoteASN} in 1–23455, 23457–64495, 64512–65534 or
 * 131072–4294967294; {@code ikeLifeTime} and {@code lifetime} 10 s–86400 s; {@code dpdDelay} and
 * {@code dpdTimeout} 5–60 s; {@code keyExchange} ikev1 or ikev2 (no aggressive mode is offered);
 * the {@code phase1}/{@code phase2} {@code auth}, {@code encryption} and {@code dh} enums, which
 * the registry holds as the {@link Vendor#HARMONY_SASE} vocabulary. In a redundant tunnel,
 * {@code tunnelName}, {@code sharedSettings} (subnets, {@code p81ASN}) and {@code advancedSettings}
 * (IKE version, lifetimes, DPD, algorithms) are given once for both tunnels.
 *
 * @see <a href="https://github.com/api-evangelist/perimeter-81/blob/38ace3d755da114ec8a97dfdb1b1a1e9836189b2/openapi/perimeter-81-ipsec-redundant-api-openapi.yml">Harmony
 *     SASE (Perimeter 81) redundant IPsec tunnel API</a>
 */
public final class HarmonySaseProfile implements VendorProfile {
    static final String VENDOR = "Harmony SASE";

    /** {@code tunnelName}: 3–15 letters and digits. */
    public static final int TUNNEL_NAME_MIN_LENGTH = 3;
    public static final int TUNNEL_NAME_MAX_LENGTH = 15;
    /** {@code passphrase}: 8–64 characters of {@code [a-zA-Z0-9._]}, the first not 0. */
    public static final int PASSPHRASE_MIN_LENGTH = 8;
    public static final int PASSPHRASE_MAX_LENGTH = 64;
    /** {@code ikeLifeTime} and {@code lifetime}: 10 s to 24 h. */
    public static final long LIFETIME_MIN_SECONDS = 10;
    public static final long LIFETIME_MAX_SECONDS = 86_400;
    /** {@code dpdDelay} and {@code dpdTimeout}: 5–60 s. */
    public static final long DPD_MIN_SECONDS = 5;
    public static final long DPD_MAX_SECONDS = 60;
    static final String REMOTE_ID_PATTERN = "[a-zA-Z0-9]{3,25}";
    static final List<ProfileRange> REMOTE_ASNS = List.of(ProfileRange.of(1, 23_455), ProfileRange.of(23_457, 64_495),
            ProfileRange.of(64_512, 65_534), ProfileRange.of(131_072, 4_294_967_294L));

    static final ProfileAlgorithms PHASE1 = new ProfileAlgorithms(
            List.copyOf(AlgorithmNames.encryptionSpellings(Vendor.HARMONY_SASE).values()),
            List.copyOf(AlgorithmNames.integritySpellings(Vendor.HARMONY_SASE).values()),
            List.copyOf(AlgorithmNames.prfSpellings(Vendor.HARMONY_SASE).values()),
            List.copyOf(AlgorithmNames.keyExchangeSpellings(Vendor.HARMONY_SASE).values()), true);
    static final ProfileAlgorithms PHASE2 = new ProfileAlgorithms(PHASE1.encryption(), PHASE1.integrity(), List.of(),
            PHASE1.keyExchange(), true);
    private static final Function<Object, String> SPELL = ProfileProposals.speller(Vendor.HARMONY_SASE);

    HarmonySaseProfile() {}

    @Override
    public String name() {
        return VENDOR;
    }

    @Override
    public List<Finding> check(Tunnel t) {
        List<Finding> out = new ArrayList<>();
        checkTunnelName(out, "name", t.name());
        checkTunnel(out, t);
        return List.copyOf(out);
    }

    /**
     * Both tunnels without their own names (the API takes one {@code tunnelName}, the pair's), then
     * the pair name and the settings the API shares between the tunnels.
     */
    @Override
    public List<Finding> check(RedundantTunnels pair) {
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            List<Finding> one = new ArrayList<>();
            checkTunnel(one, i == 1 ? pair.tunnel1() : pair.tunnel2());
            String prefix = "tunnel" + i;
            one.forEach(f -> out.add(f.withPathPrefix(prefix)));
        }
        out.addAll(checkPair(pair));
        return List.copyOf(out);
    }

    @Override
    public List<Finding> checkPair(RedundantTunnels pair) {
        List<Finding> out = new ArrayList<>();
        checkTunnelName(out, "name", pair.name());
        Tunnel a = pair.tunnel1();
        Tunnel b = pair.tunnel2();
        sameInBoth(out, a, b, "bgp.localAsn", "sharedSettings.p81ASN",
                t -> t.bgp().map(g -> g.localAsn()).orElse(null));
        sameInBoth(out, a, b, "phaseTwo.localSubnets", "sharedSettings.p81GatewaySubnets",
                t -> t.phaseTwo().localSubnets());
        sameInBoth(out, a, b, "phaseTwo.remoteSubnets", "sharedSettings.remoteGatewaySubnets",
                t -> t.phaseTwo().remoteSubnets());
        sameInBoth(out, a, b, "phaseOne.ikeVersion", "advancedSettings.keyExchange", t -> t.phaseOne().ikeVersion());
        sameInBoth(out, a, b, "phaseOne.lifetime", "advancedSettings.ikeLifeTime", t -> t.phaseOne().lifetime().time());
        sameInBoth(out, a, b, "phaseTwo.lifetime", "advancedSettings.lifetime", t -> t.phaseTwo().lifetime().time());
        sameInBoth(out, a, b, "phaseTwo.dpd", "advancedSettings.dpdDelay/dpdTimeout",
                t -> t.phaseTwo().dpd().orElse(null));
        sameInBoth(out, a, b, "phaseOne.proposals", "advancedSettings.phase1", t -> t.phaseOne().proposals());
        sameInBoth(out, a, b, "phaseTwo.proposals", "advancedSettings.phase2", t -> t.phaseTwo().proposals());
        return List.copyOf(out);
    }

    private static void sameInBoth(List<Finding> out, Tunnel a, Tunnel b, String path, String field,
            Function<Tunnel, Object> value) {
        Object first = value.apply(a);
        Object second = value.apply(b);
        if (!Objects.equals(first, second)) {
            ProfileRules.add(out, Severity.ERROR, "PAIR_SETTING_DIFFERS", "tunnel2." + path, Phase.NONE, VENDOR
                    + " takes one " + field + " for both tunnels of a redundant pair, but the tunnels differ here",
                    String.valueOf(second), String.valueOf(first));
        }
    }

    private static void checkTunnelName(List<Finding> out, String path, String name) {
        ProfileRange length = ProfileRange.of(TUNNEL_NAME_MIN_LENGTH, TUNNEL_NAME_MAX_LENGTH);
        if (!length.contains(name.length())) {
            ProfileRules.add(out, Severity.ERROR, "TUNNEL_NAME_LENGTH", path, Phase.NONE, VENDOR + " takes a tunnel "
                    + "name " + length.describe("characters") + "; \"" + name + "\" has " + name.length(), name,
                    length + " characters");
        }
        if (!name.matches("[a-zA-Z0-9]*")) {
            ProfileRules.add(out, Severity.ERROR, "TUNNEL_NAME_CHARACTERS", path, Phase.NONE, VENDOR + " takes "
                    + "letters and digits only in a tunnel name; \"" + name + "\" has others", name, "[a-zA-Z0-9]");
        }
    }

    private static void checkTunnel(List<Finding> out, Tunnel t) {
        ProfileRules.checkNoAggressiveMode(out, VENDOR, t, "ikev1 (main mode), ikev2");
        ProfileRules.checkSecret(out, VENDOR, t.phaseOne().sharedSecret(),
                ProfileRange.of(PASSPHRASE_MIN_LENGTH, PASSPHRASE_MAX_LENGTH), "[A-Za-z0-9._]", "[A-Za-z0-9._]", true);
        checkRemoteId(out, t.phaseOne().effectiveRemoteId());
        ProfileProposals.checkProposalLists(out, VENDOR, SPELL, t, PHASE1, PHASE2);
        checkLifetime(out, "PHASE1_LIFETIME_RANGE", "phaseOne.lifetime", "IKE lifetime", t.phaseOne().lifetime());
        checkLifetime(out, "PHASE2_LIFETIME_RANGE", "phaseTwo.lifetime", "tunnel (Phase 2) lifetime",
                t.phaseTwo().lifetime());
        t.phaseTwo().dpd().ifPresent(dpd -> checkDpd(out, dpd));
        t.bgp().ifPresent(bgp -> ProfileRules.checkAsnIn(out, VENDOR, "REMOTE_ASN_RANGE", "bgp.peerAsn",
                "the remote ASN", bgp.peerAsn(), REMOTE_ASNS));
    }

    private static void checkRemoteId(List<Finding> out, Identity id) {
        if (id.type() != IdentityType.IPV4_ADDR && !id.value().matches(REMOTE_ID_PATTERN)) {
            ProfileRules.add(out, Severity.ERROR, "REMOTE_ID_FORMAT", "phaseOne.remoteId", Phase.PHASE_1, VENDOR
                    + " takes a remote ID that is an IPv4 address or 3-25 letters and digits; \"" + id
                    + "\" is neither", id.toString(), "IPv4 address or " + REMOTE_ID_PATTERN);
        }
    }

    private static void checkLifetime(List<Finding> out, String code, String path, String what, Lifetime lifetime) {
        ProfileRules.checkRange(out, VENDOR, code, path, Phase.NONE, what, lifetime.time().toSeconds(),
                ProfileRange.of(LIFETIME_MIN_SECONDS, LIFETIME_MAX_SECONDS), "s");
        ProfileRules.checkLifetimeExpressible(out, VENDOR, path, lifetime, false, false);
    }

    private static void checkDpd(List<Finding> out, Dpd dpd) {
        ProfileRange range = ProfileRange.of(DPD_MIN_SECONDS, DPD_MAX_SECONDS);
        ProfileRules.checkRange(out, VENDOR, "DPD_DELAY_RANGE", "phaseTwo.dpd.delay", Phase.NONE, "DPD delay",
                dpd.delay().toSeconds(), range, "s");
        ProfileRules.checkRange(out, VENDOR, "DPD_TIMEOUT_RANGE", "phaseTwo.dpd.timeout", Phase.NONE, "DPD timeout",
                dpd.timeout().toSeconds(), range, "s");
    }
}
