package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.check.Compatibility;
import io.ipsec4j.model.check.TunnelMirror;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prediction test: for each failure the compatibility report predicts, the two mismatched ends
 * are written as swanctl.conf, loaded into two charons and initiated (and the CHILD SA rekeyed), and
 * strongSwan must fail in the phase the finding names, with the notify its sentence names. Skips
 * without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class SwanctlPredictionInteropTest {
    /**
     * strongSwan's log of an error notify: {@code received AUTHENTICATION_FAILED notify error},
     * {@code received TS_UNACCEPTABLE notify, no CHILD_SA built}, {@code … sending NO_PROPOSAL_CHOSEN}.
     */
    private static final Pattern NOTIFY = Pattern.compile(
            "received ([A-Z_0-9]+) notify(?: error|, no CHILD_SA built)|, sending ([A-Z_0-9]+)$", Pattern.MULTILINE);
    private static final Pattern INVALID_KE = Pattern.compile("peer didn't accept DH group \\S+, it requested \\S+");

    /** One mismatch: the finding code, how B differs from A's mirror, and whether the CHILD SA is rekeyed. */
    record Scenario(String code, UnaryOperator<Tunnel> ours, UnaryOperator<Tunnel> theirs, boolean rekey) {
        @Override
        public String toString() {
            return code;
        }
    }

    private static Tunnel base() {
        return SwanctlTestTunnels.policyBased(IkeVersion.IKEV2, "192.0.2.1", "192.0.2.2");
    }

    private static UnaryOperator<Tunnel> p1(UnaryOperator<PhaseOne.Builder> change) {
        return t -> Tunnel.builder().from(t).phaseOne(change.apply(PhaseOne.builder().from(t.phaseOne())).build()).build();
    }

    private static UnaryOperator<Tunnel> p2(UnaryOperator<PhaseTwo.Builder> change) {
        return t -> Tunnel.builder().from(t).phaseTwo(change.apply(PhaseTwo.builder().from(t.phaseTwo())).build()).build();
    }

    static Stream<Scenario> scenarios() {
        UnaryOperator<Tunnel> same = t -> t;
        return Stream.of(
                new Scenario("PSK_MISMATCH", same, p1(b -> b.sharedSecret(Secret.of("Zq4wLp7Rt2xVn9Mb3Kc8Hd5F"))), false),
                new Scenario("LOCAL_ID_MISMATCH", same, p1(b -> b.remoteId(Identity.parse("c.ipsec4j.test"))), false),
                new Scenario("REMOTE_ID_MISMATCH", same, p1(b -> b.localId(Identity.parse("d.ipsec4j.test"))), false),
                new Scenario("IKE_PROPOSAL_MISMATCH", same, p1(b -> b.proposals(List.of(IkeProposal.parse("aes128-sha1-modp1024")))),
                        false),
                new Scenario("ESP_PROPOSAL_MISMATCH", same, p2(b -> b.proposals(List.of(EspProposal.parse("aes256-sha256-modp2048")))),
                        false),
                new Scenario("IKE_KE_GUESS_REJECTED", p1(b -> b.proposals(List.of(IkeProposal.parse("aes256-sha256-ecp256-modp2048")))),
                        p1(b -> b.proposals(List.of(IkeProposal.parse("aes256-sha256-modp2048")))), false),
                new Scenario("SUBNET_MISSING_AT_PEER", same, p2(b -> b.remoteSubnets(List.of(TrafficSelector.parse("10.9.0.0/24")))),
                        false),
                new Scenario("PFS_MISMATCH", same, p2(b -> b.proposals(List.of(EspProposal.parse("aes128gcm16")))), true),
                new Scenario("IKE_VERSION_MISMATCH", same, p1(b -> b.ikeVersion(IkeVersion.IKEV1_MAIN)), false));
    }

    /** What strongSwan did: the first phase that failed (NONE when all came up) and the notifies seen. */
    record Observed(Phase failed, Set<String> notifies) {}

    @BeforeEach
    void environment() {
        InteropEnvironment.assumeAvailable();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void strongSwanFailsWhereTheReportPredicts(Scenario s) throws Exception {
        Tunnel ours = s.ours().apply(base());
        Tunnel theirs = s.theirs().apply(TunnelMirror.of(s.ours().apply(base())));
        Finding predicted = Compatibility.compare(ours, theirs).findings().stream()
                .filter(f -> f.code().equals(s.code())).findFirst()
                .orElseThrow(() -> new AssertionError("the report does not give " + s.code()));
        Observed observed = observe(ours, theirs, s.rekey());
        System.out.println("PREDICTION " + s.code() + " predicted " + predicted.phase() + " / observed " + observed);
        assertThat(observed.failed()).as("phase of " + s.code()).isEqualTo(predicted.phase());
        assertThat(observed.notifies()).as("notifies of " + s.code()).anySatisfy(n -> assertThat(predicted.message()).contains(n));
    }

    /** One of two subnets missing at the peer: strongSwan narrows the CHILD SA instead of refusing it. */
    @org.junit.jupiter.api.Test
    void strongSwanNarrowsToTheCommonSubnetsWhenOneIsMissingAtThePeer() throws Exception {
        Tunnel ours = base();
        Tunnel theirs = p2(b -> b.remoteSubnets(List.of(TrafficSelector.parse("10.1.0.0/24")))).apply(TunnelMirror.of(ours));
        Finding predicted = Compatibility.compare(ours, theirs).findings().stream()
                .filter(f -> f.code().equals("SUBNET_MISSING_AT_PEER")).findFirst().orElseThrow();
        try (SwanctlLivePair live = new SwanctlLivePair()) {
            SwanctlInteropTest.load(live, ours, theirs);
            live.initiate(ours.name());
            String sas = live.listSas(Node.A);
            assertThat(sas).as(sas).contains("INSTALLED", "local  10.1.0.0/24\n").doesNotContain("10.1.1.0/24");
        }
        assertThat(predicted.phase()).isEqualTo(Phase.PHASE_2);
        assertThat(predicted.message()).contains("narrows");
    }

    private static Observed observe(Tunnel ours, Tunnel theirs, boolean rekey) throws Exception {
        try (SwanctlLivePair live = new SwanctlLivePair()) {
            SwanctlInteropTest.load(live, ours, theirs);
            live.initiate(ours.name());
            String sas = live.listSas(Node.A);
            Phase failed = !sas.contains("ESTABLISHED") ? Phase.PHASE_1 : !sas.contains("INSTALLED") ? Phase.PHASE_2 : Phase.NONE;
            if (failed == Phase.NONE && rekey) {
                int before = count(live.log(Node.A), "CHILD_SA " + ours.name() + "\\{\\d+\\} established");
                live.rekeyChild(ours.name());
                // The rekey ends with a new CHILD_SA or with an error notify for it.
                live.awaitLog(Node.A, log -> log.contains("no CHILD_SA built")
                        || count(log, "CHILD_SA " + ours.name() + "\\{\\d+\\} established") > before, 15);
                failed = count(live.log(Node.A), "CHILD_SA " + ours.name() + "\\{\\d+\\} established") > before ? Phase.NONE
                        : Phase.PHASE_2_REKEY;
            }
            Set<String> notifies = new LinkedHashSet<>();
            for (Node n : Node.values()) {
                String log = live.log(n);
                Matcher m = NOTIFY.matcher(log);
                while (m.find()) {
                    notifies.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                if (INVALID_KE.matcher(log).find()) {
                    notifies.add("INVALID_KE_PAYLOAD");
                }
            }
            return new Observed(failed, notifies);
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
