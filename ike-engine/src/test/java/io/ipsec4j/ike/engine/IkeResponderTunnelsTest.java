package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A responder that serves several tunnels picks one by the initiator's address, then by its ID. */
class IkeResponderTunnelsTest {
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    /** An initiator's tunnel named {@code id}, with its own PSK and remote subnet. */
    static Tunnel initiatorTunnel(String id, String psk, String remoteSubnet, String ike) {
        Tunnel base = EngineFixtures.tunnel(ike, "aes256gcm16").name(id).build();
        return Tunnel.builder().from(base)
                .phaseOne(PhaseOne.builder().from(base.phaseOne()).localId(Identity.fqdn(id))
                        .remoteId(Identity.fqdn("gw.example")).sharedSecret(Secret.of(psk)).build())
                .phaseTwo(PhaseTwo.builder().from(base.phaseTwo()).remoteSubnets(List.of(TrafficSelector.parse(
                        remoteSubnet))).build())
                .build();
    }

    static final Tunnel ALPHA = initiatorTunnel("alpha.example", "alpha-psk-7Hn2Zr9fKx4TwLp8",
            "10.2.0.0/16", "aes256gcm16-prfsha384-ecp384");
    static final Tunnel BETA = initiatorTunnel("beta.example", "beta-psk-q9Vb3MZr9fKx4TwLp",
            "10.3.0.0/16", "aes256gcm16-prfsha384-ecp384");

    private static InMemoryLink connect(Tunnel initiator, IkeResponderTunnels tunnels) {
        IkeSession a = EngineFixtures.initiator(initiator, OPTIONS, 1);
        IkeSession b = IkeSession.responder(tunnels, EngineFixtures.RESPONDER, OPTIONS, EngineFixtures.seeded(2));
        a.initiate(EngineFixtures.T0);
        return new InMemoryLink(a, b).run(100);
    }

    @Test
    void eachInitiatorGetsTheTunnelOfItsIdWithItsPskAndSelectors() throws Exception {
        IkeResponderTunnels tunnels = IkeResponderTunnels.of(List.of(mirror(ALPHA), mirror(BETA)));
        for (Tunnel initiator : List.of(ALPHA, BETA)) {
            InMemoryLink link = connect(initiator, tunnels);

            assertThat(link.a.state()).as(initiator.name()).isEqualTo(IkeSessionState.ESTABLISHED);
            assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            assertThat(link.b.tunnel().phaseOne().effectiveRemoteId()).isEqualTo(Identity.fqdn(initiator.name()));
            IkeEvent.ChildSaInstalled b = link.events(link.eventsB, IkeEvent.ChildSaInstalled.class).get(0);
            assertThat(b.localSelectors()).isEqualTo(initiator.phaseTwo().remoteSubnets());
            IkeEvent.ChildSaInstalled a = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
            IkeSessionTest.assertEspFlows(a.outbound(), b.inbound());
        }
    }

    @Test
    void anUnknownIdIsRefusedWithAuthenticationFailed() {
        Tunnel stranger = initiatorTunnel("gamma.example", "alpha-psk-7Hn2Zr9fKx4TwLp8", "10.2.0.0/16",
                "aes256gcm16-prfsha384-ecp384");
        InMemoryLink link = connect(stranger, IkeResponderTunnels.of(List.of(mirror(ALPHA), mirror(BETA))));

        IkeEvent.SessionFailed b = link.events(link.eventsB, IkeEvent.SessionFailed.class).get(0);
        assertThat(b.reason()).isEqualTo(IkeFailureReason.AUTHENTICATION_FAILED);
        assertThat(b.notifyType()).contains(IkeNotifyType.AUTHENTICATION_FAILED);
        assertThat(b.detail()).contains("gamma.example").doesNotContain("psk");
        IkeEvent.SessionFailed a = link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0);
        assertThat(a.notifyType()).contains(IkeNotifyType.AUTHENTICATION_FAILED);
    }

    @Test
    void theRightIdWithAnotherTunnelsPskFailsAuthentication() {
        Tunnel wrongKey = initiatorTunnel("alpha.example", "beta-psk-q9Vb3MZr9fKx4TwLp", "10.2.0.0/16",
                "aes256gcm16-prfsha384-ecp384");
        InMemoryLink link = connect(wrongKey, IkeResponderTunnels.of(List.of(mirror(ALPHA), mirror(BETA))));

        assertThat(link.events(link.eventsB, IkeEvent.SessionFailed.class).get(0).reason())
                .isEqualTo(IkeFailureReason.AUTHENTICATION_FAILED);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.FAILED);
    }

    @Test
    void noTunnelForTheAddressOrItsProposalsAnswersNoProposalChosen() {
        // A tunnel for another initiator address only, and one for ours whose proposal the initiator does not offer.
        Tunnel elsewhere = Tunnel.builder().from(mirror(ALPHA)).phaseOne(PhaseOne.builder()
                .from(mirror(ALPHA).phaseOne()).remotePublicIp(IpAddress.parse("203.0.113.9")).build()).build();
        Tunnel otherSuite = mirror(initiatorTunnel("alpha.example", "alpha-psk-7Hn2Zr9fKx4TwLp8", "10.2.0.0/16",
                "chacha20poly1305-prfsha256-x25519"));
        for (IkeResponderTunnels tunnels : List.of(IkeResponderTunnels.of(List.of(elsewhere)),
                IkeResponderTunnels.of(List.of(elsewhere, otherSuite)))) {
            InMemoryLink link = connect(ALPHA, tunnels);

            IkeEvent.SessionFailed a = link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0);
            assertThat(a.reason()).isEqualTo(IkeFailureReason.NO_PROPOSAL_CHOSEN);
            assertThat(a.notifyType()).contains(IkeNotifyType.NO_PROPOSAL_CHOSEN);
            assertThat(link.b.state()).isEqualTo(IkeSessionState.IDLE); // stateless refusal (RFC 7296 §2.6)
        }
    }

    @Test
    void candidatesComeFromTheAddressAndTheProposalsOfAllOfThem() throws Exception {
        Tunnel any = Tunnel.builder().from(mirror(BETA)).phaseOne(PhaseOne.builder().from(mirror(BETA).phaseOne())
                .remotePublicIp(IpAddress.parse("0.0.0.0")).build()).build();
        Tunnel elsewhere = Tunnel.builder().from(mirror(ALPHA)).phaseOne(PhaseOne.builder()
                .from(mirror(ALPHA).phaseOne()).remotePublicIp(IpAddress.parse("203.0.113.9")).build()).build();
        IkeResponderTunnels tunnels = IkeResponderTunnels.of(List.of(elsewhere, any));

        assertThat(tunnels.candidates(InetAddress.getByName("192.0.2.1"))).containsExactly(any);
        assertThat(tunnels.candidates(InetAddress.getByName("203.0.113.9"))).containsExactly(elsewhere, any);
        assertThat(IkeResponderTunnels.proposals(List.of(elsewhere, any)))
                .containsExactlyElementsOf(ALPHA.phaseOne().proposals());
        // The unspecified address serves any initiator: BETA connects through it.
        InMemoryLink link = connect(BETA, tunnels);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.tunnel()).isEqualTo(any);
    }

    @Test
    void idrWhenSentMustNameTheTunnelsOwnId() {
        IkeProposal p = ALPHA.phaseOne().proposals().get(0);
        Tunnel one = mirror(ALPHA);
        Tunnel two = Tunnel.builder().from(one).name("second").phaseOne(PhaseOne.builder().from(one.phaseOne())
                .localId(Identity.fqdn("gw2.example")).build()).build();
        IkeIdPayload idi = IkeIdPayload.of(true, Identity.fqdn("alpha.example"));
        java.util.function.Function<Tunnel, Identity> local = t -> t.phaseOne().effectiveLocalId().orElseThrow();
        IkeProposal negotiated = IkeProposalSelector.selectIke(List.of(io.ipsec4j.ike.v2.IkeSaProposals.fromIkeProposal(
                1, p, io.ipsec4j.model.Bytes.EMPTY)), List.of(p), p.keyExchange().get(0)).orElseThrow().proposal();

        assertThat(IkeResponderTunnels.select(List.of(one, two), idi, Optional.empty(), negotiated, local))
                .contains(one);
        assertThat(IkeResponderTunnels.select(List.of(one, two), idi,
                Optional.of(IkeIdPayload.of(false, Identity.fqdn("gw2.example"))), negotiated, local)).contains(two);
        assertThat(IkeResponderTunnels.select(List.of(one, two), idi,
                Optional.of(IkeIdPayload.of(false, Identity.fqdn("gw3.example"))), negotiated, local)).isEmpty();
    }

    @Test
    void ofRefusesNoTunnel() {
        assertThatThrownBy(() -> IkeResponderTunnels.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
