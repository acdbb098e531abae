package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static io.ipsec4j.ike.engine.EngineFixtures.tunnel;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Tunnel;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeSaRekeyTest {
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    @ParameterizedTest
    @CsvSource({"aes256gcm16-prfsha384-ecp384, true", "aes256gcm16-prfsha384-ecp384, false",
            "aes128-sha1-modp1024, true", "chacha20poly1305-prfsha256-x25519, false"})
    void eitherSideRekeysTheIkeSaAndTheChildSasMoveToIt(String ike, boolean initiatorRekeys) throws Exception {
        Tunnel t = tunnel(ike, "aes128gcm16").build();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        IkeSession rekeyer = initiatorRekeys ? link.a : link.b;
        IkeEvent.IkeSaEstablished up = link.events(link.eventsA, IkeEvent.IkeSaEstablished.class).get(0);

        rekeyer.rekeyIkeSa(link.now);
        link.run(100);

        IkeEvent.IkeSaRekeyed a = link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class).get(0);
        IkeEvent.IkeSaRekeyed b = link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class).get(0);
        assertThat(a).isEqualTo(b);
        assertThat(a.oldInitiatorSpi()).isEqualTo(up.initiatorSpi());
        assertThat(a.oldResponderSpi()).isEqualTo(up.responderSpi());
        assertThat(a.initiatorSpi()).isNotIn(up.initiatorSpi(), up.responderSpi(), 0L);
        assertThat(a.proposal()).isEqualTo(up.proposal());
        assertThat(link.a.pollTimeout()).as("the old SA is gone: only lifetime timers remain")
                .hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
        assertThat(link.events(link.eventsA, IkeEvent.ChildSaDeleted.class)).isEmpty();

        // The moved CHILD SA is rekeyed over the new IKE SA: both derive its KEYMAT from the new SK_d.
        IkeEvent.ChildSaInstalled child = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        link.a.rekeyChildSa(child.inbound().spi(), link.now);
        link.run(100);
        IkeEvent.ChildSaRekeyed ra = link.events(link.eventsA, IkeEvent.ChildSaRekeyed.class).get(0);
        IkeEvent.ChildSaRekeyed rb = link.events(link.eventsB, IkeEvent.ChildSaRekeyed.class).get(0);
        IkeSessionTest.assertEspFlows(ra.replacement().outbound(), rb.replacement().inbound());
        IkeSessionTest.assertEspFlows(rb.replacement().outbound(), ra.replacement().inbound());

        link.b.close(link.now);
        link.run(100);
        assertThat(link.eventsA).contains(new IkeEvent.IkeSaDeleted(true));
        assertThat(link.a.state()).isEqualTo(IkeSessionState.CLOSED);
    }

    @Test
    void rekeyAgainAndAgainKeepsBothSidesInStep() {
        Tunnel t = EngineFixtures.initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? link.a : link.b).rekeyIkeSa(link.now);
            link.run(100);
        }
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class))
                .isEqualTo(link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class)).hasSize(4);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5", "6"})
    void simultaneousIkeSaRekeysLeaveBothSidesOnOneNewSa(long seed) throws Exception {
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, OPTIONS, seed);
        IkeSession b = EngineFixtures.responder(mirror(t), OPTIONS, seed + 100);
        a.initiate(EngineFixtures.T0);
        InMemoryLink link = new InMemoryLink(a, b).run(100);

        a.rekeyIkeSa(link.now);
        b.rekeyIkeSa(link.now);
        link.run(200);

        List<IkeEvent.IkeSaRekeyed> ra = link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class);
        List<IkeEvent.IkeSaRekeyed> rb = link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class);
        assertThat(ra).hasSize(1).isEqualTo(rb);
        assertThat(a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(a.pollTimeout()).hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
        assertThat(b.pollTimeout()).hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));

        // The surviving SA works: a CHILD SA rekey over it succeeds on both sides.
        IkeEvent.ChildSaInstalled child = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        a.rekeyChildSa(child.inbound().spi(), link.now);
        link.run(100);
        IkeSessionTest.assertEspFlows(link.events(link.eventsA, IkeEvent.ChildSaRekeyed.class).get(0).replacement()
                .outbound(), link.events(link.eventsB, IkeEvent.ChildSaRekeyed.class).get(0).replacement().inbound());
    }

    /**
     * The interleaving of {@code [2, 0, 0, 3, 0, 0, 0]} seed 3 of {@link IkeSessionModelPropertyTest}:
     * both sides rekey the IKE SA at once, A with a CHILD SA rekey queued behind its own; A's request
     * is lost, so A answers B's and holds it for the collision decision, while B, which never saw A's
     * request, switches and deletes the old SA. That Delete is lost too; A's retransmitted rekey is
     * refused on the retiring SA, and then B's retransmitted Delete makes A adopt B's SA. The queued
     * CHILD SA rekey then runs on the new SA and both sides end with the same single CHILD SA pair.
     */
    @Test
    void simultaneousIkeSaRekeyWithTheLosersRequestLostMovesItsQueuedChildRekeyToTheWinner() throws Exception {
        Tunnel t = EngineFixtures.initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        IkeEvent.ChildSaInstalled child = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        boolean[] dropped = {false, false};
        link.deliver = (n, d) -> {
            IkeHeader h = header(d.datagram());
            boolean fromA = d.source().equals(EngineFixtures.INITIATOR);
            if (fromA && !dropped[0] && !h.response() && h.exchangeType().equals(IkeExchangeType.CREATE_CHILD_SA)) {
                return !(dropped[0] = true); // A's IKE SA rekey request
            }
            if (!fromA && !dropped[1] && !h.response() && h.exchangeType().equals(IkeExchangeType.INFORMATIONAL)) {
                return !(dropped[1] = true); // B's Delete of the old IKE SA
            }
            return true;
        };

        link.a.rekeyIkeSa(link.now);
        link.a.rekeyChildSa(child.inbound().spi(), link.now);
        link.b.rekeyIkeSa(link.now);
        link.run(500);

        assertThat(dropped).containsExactly(true, true);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class)).hasSize(1)
                .isEqualTo(link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class));
        assertSameChildren(link, 1);
        assertThat(liveInbound(link.eventsA)).doesNotContain(child.inbound().spi());
        assertThat(link.a.pollTimeout()).hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
        assertThat(link.b.pollTimeout()).hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
    }

    /**
     * RFC 7296 §1.3.2 with §1.2: the peer refuses our IKE SA rekey with INVALID_KE_PAYLOAD naming
     * another group we offer; the rekey sent again with that group is tracked like the first, so its
     * response completes the rekey on both sides (it used to be dropped, leaving only the peer rekeyed).
     */
    @Test
    void ikeSaRekeyRetriedAfterInvalidKePayloadCompletesWithTheGroupThePeerAskedFor() {
        Tunnel base = tunnel("aes256gcm16-prfsha384-ecp384", "aes128gcm16").build();
        Tunnel t = Tunnel.builder().from(base).phaseOne(PhaseOne.builder().from(base.phaseOne())
                .addProposals(io.ipsec4j.model.algorithm.IkeProposal.parse("aes128gcm16-prfsha256-x25519")).build())
                .build();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        link.a.rekeyIkeSa(link.now);
        IkeTransmit request = link.a.pollTransmit().orElseThrow();
        try {
            link.b.outbox.sendResponse(header(request.datagram()), List.of(io.ipsec4j.ike.v2.IkeNotifyPayload
                    .invalidKePayload(io.ipsec4j.model.algorithm.KeyExchangeMethod.CURVE25519)));
        } catch (io.ipsec4j.crypto.CryptoException e) {
            throw new AssertionError(e);
        }
        IkeTransmit refusal = link.b.pollTransmit().orElseThrow();
        link.a.handleDatagramStrict(refusal.datagram(), refusal.source(), refusal.destination(), link.now);
        link.run(100);

        List<IkeEvent.IkeSaRekeyed> a = link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class);
        assertThat(a).hasSize(1).isEqualTo(link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class));
        assertThat(a.get(0).proposal().keyExchange())
                .containsExactly(io.ipsec4j.model.algorithm.KeyExchangeMethod.CURVE25519);
        assertThat(link.a.pollTimeout()).as("nothing outstanding: only lifetime timers remain")
                .hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
    }

    static IkeHeader header(byte[] datagram) {
        try {
            return new IkeMessageDecoder().decode(Unpooled.wrappedBuffer(datagram)).header();
        } catch (IkeProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5", "6"})
    void simultaneousChildSaRekeysLeaveOnePairOnBothSides(long seed) throws Exception {
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, OPTIONS, seed);
        IkeSession b = EngineFixtures.responder(mirror(t), OPTIONS, seed + 100);
        a.initiate(EngineFixtures.T0);
        InMemoryLink link = new InMemoryLink(a, b).run(100);
        IkeEvent.ChildSaInstalled child = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);

        a.rekeyChildSa(child.inbound().spi(), link.now);
        b.rekeyChildSa(child.outbound().spi(), link.now);
        link.run(200);

        assertSameChildren(link, 1);
        assertThat(liveInbound(link.eventsA)).doesNotContain(child.inbound().spi());
    }

    @Test
    void lifetimesRekeyTheChildSaAndTheIkeSaBeforeTheyEnd() {
        Tunnel base = EngineFixtures.initiatorTunnel();
        Tunnel t = Tunnel.builder().from(base)
                .phaseOne(PhaseOne.builder().from(base.phaseOne()).lifetime(Lifetime.builder()
                        .time(Duration.ofSeconds(3600)).rekeyMargin(Duration.ofSeconds(300)).rekeyFuzzPercent(0)
                        .build()).build())
                .phaseTwo(PhaseTwo.builder().from(base.phaseTwo()).lifetime(Lifetime.builder()
                        .time(Duration.ofSeconds(1200)).rekeyMargin(Duration.ofSeconds(120)).rekeyFuzzPercent(0)
                        .build()).build())
                .build();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(Tunnel.builder().from(base).build()), OPTIONS);
        java.time.Instant up = link.now;

        link.runUntil(up.plusSeconds(3400), 1000);

        // CHILD SA at 1080, 2160 and 3240 s; IKE SA at 3300 s; the peer's defaults are far longer.
        assertThat(link.events(link.eventsA, IkeEvent.ChildSaRekeyed.class)).hasSize(3);
        assertThat(link.events(link.eventsB, IkeEvent.ChildSaRekeyed.class)).hasSize(3);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class)).hasSize(1)
                .isEqualTo(link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class));
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @Test
    void anIkeSaThatCannotBeRekeyedExpiresAtTheEndOfItsLifetime() {
        Tunnel base = EngineFixtures.initiatorTunnel();
        Tunnel t = Tunnel.builder().from(base).phaseOne(PhaseOne.builder().from(base.phaseOne()).lifetime(
                Lifetime.builder().time(Duration.ofSeconds(3600)).rekeyMargin(Duration.ofSeconds(600))
                        .rekeyFuzzPercent(0).build()).build()).build();
        // Retransmissions outlast the lifetime, so the end of the lifetime comes first.
        IkeSessionOptions patient = OPTIONS.withRetransmission(Duration.ofSeconds(2), Duration.ofSeconds(32), 30);
        InMemoryLink link = IkeSessionTest.connect(t, mirror(base), patient);
        java.time.Instant up = link.now;
        link.deliver = (n, d) -> false; // the peer hears nothing more: the rekey at 3000 s is never answered

        link.runUntil(up.plusSeconds(5000), 1000); // the unanswered Delete ends after its retransmissions

        assertThat(link.events(link.eventsA, IkeEvent.IkeSaExpired.class)).hasSize(1);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class)).isEmpty();
        assertThat(link.eventsA).contains(new IkeEvent.IkeSaDeleted(false));
    }

    @Test
    void rekeyTimeFallsBetweenMarginAndMarginPlusFuzz() {
        Lifetime l = Lifetime.builder().time(Duration.ofSeconds(1000)).rekeyMargin(Duration.ofSeconds(100))
                .rekeyFuzzPercent(50).build();
        for (int seed = 0; seed < 50; seed++) {
            java.time.Instant at = IkeLifetimeTimers.rekeyAt(l, EngineFixtures.T0, EngineFixtures.seeded(seed));
            assertThat(at).isBetween(EngineFixtures.T0.plusSeconds(850), EngineFixtures.T0.plusSeconds(900));
        }
        java.time.Instant defaults = IkeLifetimeTimers.rekeyAt(Lifetime.ofSeconds(1000), EngineFixtures.T0,
                EngineFixtures.seeded(1));
        assertThat(defaults).isBetween(EngineFixtures.T0.plusSeconds(800), EngineFixtures.T0.plusSeconds(900));
    }

    /** Every CHILD SA one side holds has its counterpart on the other, for the same selectors, and carries ESP. */
    static void assertSameChildren(InMemoryLink link, int expected) throws Exception {
        List<Integer> liveA = liveInbound(link.eventsA);
        List<Integer> liveB = liveInbound(link.eventsB);
        assertThat(liveA).hasSize(expected);
        assertThat(liveB).hasSize(expected);
        for (int spi : liveA) {
            IkeEvent.ChildSaInstalled ca = installed(link.eventsA, spi);
            assertThat(liveB).contains(ca.outbound().spi());
            IkeEvent.ChildSaInstalled cb = installed(link.eventsB, ca.outbound().spi());
            assertThat(cb.outbound().spi()).isEqualTo(spi);
            assertThat(ca.localSelectors()).isEqualTo(cb.remoteSelectors());
            assertThat(ca.remoteSelectors()).isEqualTo(cb.localSelectors());
            IkeSessionTest.assertEspFlows(ca.outbound(), cb.inbound());
            IkeSessionTest.assertEspFlows(cb.outbound(), ca.inbound());
        }
    }

    /** Inbound SPIs of the CHILD SAs that events installed and did not delete. */
    static List<Integer> liveInbound(List<IkeEvent> events) {
        List<Integer> live = new ArrayList<>();
        for (IkeEvent e : events) {
            if (e instanceof IkeEvent.ChildSaInstalled c) {
                live.add(c.inbound().spi());
            } else if (e instanceof IkeEvent.ChildSaRekeyed r) {
                live.add(r.replacement().inbound().spi());
            } else if (e instanceof IkeEvent.ChildSaDeleted d) {
                live.remove(Integer.valueOf(d.inboundSpi()));
            }
        }
        return live;
    }

    static IkeEvent.ChildSaInstalled installed(List<IkeEvent> events, int inboundSpi) {
        for (IkeEvent e : events) {
            if (e instanceof IkeEvent.ChildSaInstalled c && c.inbound().spi() == inboundSpi) {
                return c;
            }
            if (e instanceof IkeEvent.ChildSaRekeyed r && r.replacement().inbound().spi() == inboundSpi) {
                return r.replacement();
            }
        }
        throw new AssertionError("no CHILD SA " + inboundSpi);
    }
}
