package io.ipsec4j.config;

import io.ipsec4j.fixtures.AlgorithmGenerators;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.StrongSwanProposals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** Tunnels that a cloud accepts (AWS tunnel options, an Azure custom policy), for the writers' property tests. */
public final class CloudWriterGenerators {
    private static final List<Encryption> AWS_CBC = List.of(Encryption.AES128_CBC, Encryption.AES256_CBC);
    private static final List<Encryption> AWS_GCM = List.of(Encryption.AES128_GCM_16, Encryption.AES256_GCM_16);
    private static final List<IntegrityAlgorithm> AWS_INTEGRITY = List.of(IntegrityAlgorithm.HMAC_SHA1_96,
            IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA2_384_192, IntegrityAlgorithm.HMAC_SHA2_512_256);
    private static final List<KeyExchangeMethod> AWS_GROUPS = groups(2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
    private static final String PSK_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

    private CloudWriterGenerators() {}

    static List<KeyExchangeMethod> groups(int... ids) {
        List<KeyExchangeMethod> out = new ArrayList<>();
        for (int id : ids) {
            out.add(KeyExchangeMethod.valueOf(id));
        }
        return List.copyOf(out);
    }

    /** A PSK of 8..64 characters of {@code [A-Za-z0-9._]}, not starting with 0 (AWS's and Azure's rules). */
    public static Gen<Secret> cloudSecrets() {
        return in -> {
            int n = Generate.range(8, 64).generate(in);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(PSK_CHARS.charAt(Generate.range(i == 0 ? 0 : 0, PSK_CHARS.length() - 1).generate(in)));
            }
            if (sb.charAt(0) == '0') {
                sb.setCharAt(0, 'x');
            }
            return Secret.of(sb.toString());
        };
    }

    /**
     * 1..2 static routes into the cloud (10.x.0.0/16): neither cloud states them with the tunnel, so
     * the read-back passes them as {@link ImportOptions#withCloudNetworks}.
     */
    static List<Route> routes(RandomnessSource in) {
        int first = Generate.range(0, 127).generate(in);
        List<Route> out = new ArrayList<>(List.of(Route.of(Cidr.parse("10." + first + ".0.0/16"))));
        if (Generate.booleans().generate(in)) {
            out.add(Route.of(Cidr.parse("10." + (128 + first) + ".0.0/16")));
        }
        return out;
    }

    /** The cloud networks of a tunnel's routes, for {@link ImportOptions#withCloudNetworks}. */
    public static ImportOptions importOptions(Tunnel t) {
        return ImportOptions.defaults().withCloudNetworks(t.routes().stream().map(Route::destination).toArray(Cidr[]::new));
    }

    /** A public address in 198.18.0.0/15 (benchmarking space, never our own). */
    static IpAddress publicAddress(RandomnessSource in, int last) {
        return IpAddress.of(new byte[] {(byte) 198, (byte) (18 + Generate.range(0, 1).generate(in)),
                (byte) (int) Generate.range(0, 255).generate(in), (byte) last});
    }

    /** Route-based tunnels AWS accepts: its algorithms, lifetimes, margins, replay window, DPD and a /30 inside CIDR. */
    public static Gen<Tunnel> awsTunnels() {
        return in -> {
            IkeVersion version = Generate.pick(List.of(IkeVersion.IKEV1_MAIN, IkeVersion.IKEV2)).generate(in);
            List<IkeProposal> ike = new ArrayList<>();
            List<KeyExchangeMethod> dh = AlgorithmGenerators.nonEmptySubset(in, AWS_GROUPS);
            List<IntegrityAlgorithm> integ = AlgorithmGenerators.nonEmptySubset(in, AWS_INTEGRITY);
            List<PrfAlgorithm> prf = StrongSwanProposals.derivedPrf(integ);
            boolean gcm = version == IkeVersion.IKEV2 && Generate.booleans().generate(in);
            if (!gcm || Generate.booleans().generate(in)) {
                ike.add(IkeProposal.builder().encryption(AlgorithmGenerators.nonEmptySubset(in, AWS_CBC)).integrity(integ)
                        .prf(prf).keyExchange(dh).build());
            }
            if (gcm) {
                ike.add(IkeProposal.builder().encryption(AlgorithmGenerators.nonEmptySubset(in, AWS_GCM)).prf(prf)
                        .keyExchange(dh).build());
            }
            long p1Seconds = Generate.longRange(901, 28_800).generate(in);
            long p2Seconds = Generate.longRange(900, Math.min(3_600, p1Seconds - 1)).generate(in);
            long margin = Generate.longRange(60, p2Seconds / 2 - 1).generate(in);
            int fuzz = Generate.range(0, 100).generate(in);
            List<KeyExchangeMethod> pfs = AlgorithmGenerators.nonEmptySubset(in, groups(2, 5, 14, 15, 16, 19, 20, 21, 24));
            List<EspProposal> esp = new ArrayList<>();
            boolean espGcm = Generate.booleans().generate(in);
            if (!espGcm || Generate.booleans().generate(in)) {
                esp.add(EspProposal.builder().encryption(AlgorithmGenerators.nonEmptySubset(in, AWS_CBC))
                        .integrity(AlgorithmGenerators.nonEmptySubset(in, AWS_INTEGRITY)).pfsGroups(pfs).build());
            }
            if (espGcm) {
                esp.add(EspProposal.builder().encryption(AlgorithmGenerators.nonEmptySubset(in, AWS_GCM)).pfsGroups(pfs).build());
            }
            PhaseTwo.Builder p2 = PhaseTwo.builder().addAllProposals(esp)
                    .lifetime(Lifetime.builder().time(Duration.ofSeconds(p2Seconds)).rekeyMargin(Duration.ofSeconds(margin))
                            .rekeyFuzzPercent(fuzz).build())
                    .replayWindow(Generate.range(64, 2_048).generate(in))
                    .addLocalSubnets(TrafficSelector.ANY_IPV4).addRemoteSubnets(TrafficSelector.ANY_IPV4);
            if (Generate.booleans().generate(in)) {
                long timeout = Generate.longRange(30, 300).generate(in);
                p2.dpd(Dpd.ofSeconds(Generate.longRange(1, 29).generate(in), timeout,
                        Generate.pick(List.of(DpdAction.CLEAR, DpdAction.NONE, DpdAction.RESTART)).generate(in)));
            }
            // 169.254.6.0 .. 169.254.168.255 avoids the reserved /30s.
            int third = Generate.range(6, 168).generate(in);
            int fourth = Generate.range(0, 63).generate(in) * 4;
            IpAddress theirs = IpAddress.of(new byte[] {(byte) 169, (byte) 254, (byte) third, (byte) (fourth + 1)});
            IpAddress ours = IpAddress.of(new byte[] {(byte) 169, (byte) 254, (byte) third, (byte) (fourth + 2)});
            PhaseOne p1 = PhaseOne.builder().ikeVersion(version).sharedSecret(cloudSecrets().generate(in))
                    .remotePublicIp(publicAddress(in, 10)).localPublicIp(publicAddress(in, 20))
                    .lifetime(Lifetime.ofSeconds(p1Seconds)).proposals(ike).build();
            return Tunnel.builder().name("aws" + Generate.range(1, 999).generate(in)).gateway("gw-1").phaseOne(p1)
                    .phaseTwo(p2.build()).routing(RoutingMode.ROUTE_BASED)
                    .tunnelInterface(new TunnelInterface(ours, theirs, 30)).addAllRoutes(routes(in)).build();
        };
    }

    private static final List<Encryption> AZURE_IKE_CBC = List.of(Encryption.AES256_CBC, Encryption.of(
            io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC, 192), Encryption.AES128_CBC);
    private static final List<Encryption> AZURE_GCM = List.of(Encryption.AES256_GCM_16, Encryption.AES128_GCM_16);
    private static final List<IntegrityAlgorithm> AZURE_IKE_INTEGRITY = List.of(IntegrityAlgorithm.HMAC_SHA2_384_192,
            IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA1_96);
    private static final List<IntegrityAlgorithm> AZURE_ESP_INTEGRITY = List.of(IntegrityAlgorithm.HMAC_SHA2_256_128,
            IntegrityAlgorithm.HMAC_SHA1_96);

    private static <T> T one(RandomnessSource in, List<T> items) {
        return items.get(Generate.range(0, items.size() - 1).generate(in));
    }

    /**
     * Tunnels an Azure VPN Gateway custom policy accepts: one proposal per phase with one value per
     * field, IKE SA 28800 s, Quick Mode ≥ 300 s and whole kilobytes, policy-based (1..3 IPv4
     * subnets per side) or route-based.
     */
    public static Gen<Tunnel> azureTunnels() {
        return in -> {
            IkeVersion version = Generate.pick(List.of(IkeVersion.IKEV1_MAIN, IkeVersion.IKEV2)).generate(in);
            KeyExchangeMethod dh = one(in, groups(24, 20, 19, 14, 2));
            IkeProposal ike;
            if (version == IkeVersion.IKEV2 && Generate.booleans().generate(in)) {
                IntegrityAlgorithm prfOf = one(in, AZURE_IKE_INTEGRITY);
                ike = IkeProposal.builder().addEncryption(one(in, AZURE_GCM))
                        .prf(StrongSwanProposals.derivedPrf(List.of(prfOf))).addKeyExchange(dh).build();
            } else {
                IntegrityAlgorithm integ = one(in, AZURE_IKE_INTEGRITY);
                ike = IkeProposal.builder().addEncryption(one(in, AZURE_IKE_CBC)).addIntegrity(integ)
                        .prf(StrongSwanProposals.derivedPrf(List.of(integ))).addKeyExchange(dh).build();
            }
            EspProposal.Builder esp = EspProposal.builder();
            if (Generate.booleans().generate(in)) {
                esp.addEncryption(one(in, List.of(Encryption.AES256_GCM_16, Encryption.of(
                        io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16, 192), Encryption.AES128_GCM_16)));
            } else {
                esp.addEncryption(one(in, AZURE_IKE_CBC)).addIntegrity(one(in, AZURE_ESP_INTEGRITY));
            }
            if (Generate.booleans().generate(in)) {
                esp.addPfsGroups(one(in, groups(24, 20, 19, 14, 2)));
            }
            Lifetime.Builder life = Lifetime.builder().time(Duration.ofSeconds(Generate.longRange(300, 86_400).generate(in)));
            if (Generate.booleans().generate(in)) {
                life.bytes(1024L * Generate.longRange(1_024, 200_000_000).generate(in));
            }
            PhaseTwo.Builder p2 = PhaseTwo.builder().addProposals(esp.build()).lifetime(life.build());
            if (Generate.booleans().generate(in)) {
                long timeout = Generate.longRange(11, 3_600).generate(in);
                p2.dpd(Dpd.ofSeconds(Generate.longRange(1, 10).generate(in), timeout, DpdAction.RESTART));
            }
            boolean policyBased = Generate.booleans().generate(in);
            if (policyBased) {
                int n = Generate.range(1, 3).generate(in);
                for (int i = 0; i < n; i++) {
                    p2.addLocalSubnets(TrafficSelector.parse("10." + i + "." + Generate.range(0, 255).generate(in) + ".0/24"));
                    p2.addRemoteSubnets(TrafficSelector.parse("172." + (16 + i) + "." + Generate.range(0, 255).generate(in) + ".0/24"));
                }
            } else {
                p2.addLocalSubnets(TrafficSelector.ANY_IPV4).addRemoteSubnets(TrafficSelector.ANY_IPV4);
            }
            PhaseOne p1 = PhaseOne.builder().ikeVersion(version).sharedSecret(cloudSecrets().generate(in))
                    .remotePublicIp(publicAddress(in, 30)).localPublicIp(publicAddress(in, 40))
                    .lifetime(Lifetime.ofSeconds(28_800)).addProposals(ike).build();
            return Tunnel.builder().name("az" + Generate.range(1, 999).generate(in)).gateway("gw-1").phaseOne(p1)
                    .phaseTwo(p2.build()).routing(policyBased ? RoutingMode.POLICY_BASED : RoutingMode.ROUTE_BASED)
                    .addAllRoutes(policyBased ? List.of() : routes(in)).build();
        };
    }
}
