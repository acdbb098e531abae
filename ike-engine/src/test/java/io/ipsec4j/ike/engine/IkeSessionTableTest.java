package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One gateway, many peers: two tables talk to each other in memory, one holding our initiator
 * sessions (all from one address and port) and one answering them with responder sessions over
 * {@link IkeResponderTunnels}. Every datagram must reach the session of its IKE SA, across rekeys,
 * and nothing else may create or keep state.
 */
class IkeSessionTableTest {
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    private static final Tunnel ALPHA = IkeResponderTunnelsTest.ALPHA;
    private static final Tunnel BETA = IkeResponderTunnelsTest.BETA;
    static final Tunnel GAMMA = IkeResponderTunnelsTest.initiatorTunnel("gamma.example",
            "gamma-psk-Zr9fKx4TwLp8q9Vb", "10.4.0.0/16",
            "aes256gcm16-prfsha384-ecp384");

    /** Two tables and a virtual clock; delivers every datagram of one table to the other at once. */
    private static final class Net {
        final IkeSessionTable ours = IkeSessionTable.withoutResponder(16);
        final IkeSessionTable gateway;
        final List<IkeSessionTable.SessionEvent> eventsOurs = new ArrayList<>();
        final List<IkeSessionTable.SessionEvent> eventsGateway = new ArrayList<>();
        final List<IkeSessionTable.Outcome> outcomes = new ArrayList<>();
        Instant now = EngineFixtures.T0;
        /** While set, what the gateway sends is lost. */
        boolean gatewayMuted;

        Net(IkeSessionTable gateway) {
            this.gateway = gateway;
        }

        IkeSession start(Tunnel t, long seed) {
            IkeSession s = EngineFixtures.initiator(t, OPTIONS, seed);
            s.initiate(now);
            ours.add(s);
            return s;
        }

        /** Exchanges datagrams, firing timers on the virtual clock, until quiet for {@code quiet}. */
        Net run(Duration quiet) {
            return run(() -> false, null, quiet);
        }

        /**
         * Exchanges datagrams and fires timers until {@code done}, or up to {@code end} when given,
         * else until quiet for {@code quiet}.
         */
        Net run(java.util.function.BooleanSupplier done, Instant end, Duration quiet) {
            for (int i = 0; i < 100_000; i++) {
                boolean moved = pump(ours, gateway, eventsOurs) | pump(gateway, ours, eventsGateway);
                if (done.getAsBoolean()) {
                    return this;
                }
                if (!moved) {
                    Optional<Instant> next = earliest(ours.pollTimeout(), gateway.pollTimeout());
                    if (next.isEmpty() || next.get().isAfter(end != null ? end : now.plus(quiet))) {
                        return this;
                    }
                    now = next.get();
                    ours.handleTimeout(now);
                    gateway.handleTimeout(now);
                }
            }
            throw new AssertionError("no quiet after 100,000 steps");
        }

        private boolean pump(IkeSessionTable from, IkeSessionTable to, List<IkeSessionTable.SessionEvent> events) {
            boolean moved = false;
            for (var e = from.pollEvent(); e.isPresent(); e = from.pollEvent()) {
                events.add(e.get());
            }
            for (var t = from.pollTransmit(); t.isPresent(); t = from.pollTransmit()) {
                moved = true;
                if (from == gateway && gatewayMuted) {
                    continue;
                }
                outcomes.add(to.handleDatagram(t.get().datagram(), t.get().source(), t.get().destination(), now));
            }
            return moved;
        }

        private static Optional<Instant> earliest(Optional<Instant> x, Optional<Instant> y) {
            if (x.isEmpty()) {
                return y;
            }
            return y.isEmpty() || x.get().isBefore(y.get()) ? x : y;
        }

        <T extends IkeEvent> List<T> events(List<IkeSessionTable.SessionEvent> in, IkeSession s, Class<T> type) {
            return in.stream().filter(e -> e.session() == s).map(IkeSessionTable.SessionEvent::event)
                    .filter(type::isInstance).map(type::cast).toList();
        }

        IkeSession gatewaySessionOf(Tunnel initiator) {
            return gateway.sessions().stream().filter(s -> s.tunnel().phaseOne().effectiveRemoteId()
                    .equals(initiator.phaseOne().localId().orElseThrow())).findFirst().orElseThrow();
        }
    }

    private static IkeSessionTable gateway(int maxSessions, IkeSessionOptions options) {
        return IkeSessionTable.responder(IkeResponderTunnels.of(List.of(mirror(ALPHA), mirror(BETA), mirror(GAMMA))),
                options, EngineFixtures.seeded(9), maxSessions);
    }

    @Test
    void peersFromOneAddressEachGetTheirTunnelAndTheirSasStayRoutedAcrossRekeys() {
        Net net = new Net(gateway(16, OPTIONS));
        IkeSession alpha = net.start(ALPHA, 1);
        IkeSession beta = net.start(BETA, 2);
        IkeSession gamma = net.start(GAMMA, 3);
        net.run(Duration.ofSeconds(60));

        assertThat(net.gateway.size()).isEqualTo(3);
        for (IkeSession s : List.of(alpha, beta, gamma)) {
            assertThat(s.state()).as(s.tunnel().name()).isEqualTo(IkeSessionState.ESTABLISHED);
            IkeSession g = net.gatewaySessionOf(s.tunnel());
            assertThat(g.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            IkeEvent.ChildSaInstalled mine = net.events(net.eventsOurs, s, IkeEvent.ChildSaInstalled.class).get(0);
            IkeEvent.ChildSaInstalled theirs = net.events(net.eventsGateway, g, IkeEvent.ChildSaInstalled.class).get(0);
            assertThat(theirs.localSelectors()).isEqualTo(s.tunnel().phaseTwo().remoteSubnets());
            assertThat(mine.outbound().spi()).isEqualTo(theirs.inbound().spi());
        }

        // IKE SA rekeys from either side: the new SPI pairs are routed, the old SAs' Deletes too.
        alpha.rekeyIkeSa(net.now);
        net.ours.update(alpha);
        IkeSession gBeta = net.gatewaySessionOf(BETA);
        gBeta.rekeyIkeSa(net.now);
        net.gateway.update(gBeta);
        net.run(Duration.ofSeconds(60));
        assertThat(net.events(net.eventsOurs, alpha, IkeEvent.IkeSaRekeyed.class)).hasSize(1);
        assertThat(net.events(net.eventsOurs, beta, IkeEvent.IkeSaRekeyed.class)).hasSize(1);
        assertThat(net.outcomes).containsOnly(IkeSessionTable.Outcome.ROUTED, IkeSessionTable.Outcome.NEW_SESSION);

        // More IKE SA rekeys: only the newest pairs stay routed, and routing goes on; then a CHILD SA rekey.
        for (int round = 0; round < 4; round++) {
            for (IkeSession s : List.of(alpha, beta)) {
                s.rekeyIkeSa(net.now);
                net.ours.update(s);
            }
            net.run(Duration.ofSeconds(60));
        }
        assertThat(net.events(net.eventsOurs, alpha, IkeEvent.IkeSaRekeyed.class)).hasSize(5);
        assertThat(net.events(net.eventsOurs, beta, IkeEvent.IkeSaRekeyed.class)).hasSize(5);
        int inbound = net.events(net.eventsOurs, gamma, IkeEvent.ChildSaInstalled.class).get(0).inbound().spi();
        gamma.rekeyChildSa(inbound, net.now);
        net.ours.update(gamma);
        net.run(Duration.ofSeconds(60));
        assertThat(net.events(net.eventsOurs, gamma, IkeEvent.ChildSaRekeyed.class)).hasSize(1);
        assertThat(net.outcomes).containsOnly(IkeSessionTable.Outcome.ROUTED, IkeSessionTable.Outcome.NEW_SESSION);
        assertThat(net.outcomes.stream().filter(IkeSessionTable.Outcome.NEW_SESSION::equals)).hasSize(3);
        assertThat(net.gateway.toString()).contains("3 of 16 sessions");

        // A delete ends the session on both tables; the others stay.
        beta.close(net.now);
        net.ours.update(beta);
        net.run(Duration.ofSeconds(60));
        assertThat(beta.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(net.ours.sessions()).containsExactly(alpha, gamma);
        assertThat(net.gateway.size()).isEqualTo(2);
        assertThat(net.gateway.sessions()).allMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
    }

    @Test
    void datagramsOfNoSaAndNonIkeDatagramsChangeNothing() {
        Net net = new Net(gateway(16, OPTIONS));
        net.start(ALPHA, 1);
        net.run(Duration.ofSeconds(60));
        InetSocketAddress from = EngineFixtures.INITIATOR;
        InetSocketAddress to4500 = new InetSocketAddress(EngineFixtures.RESPONDER.getAddress(), 4500);
        byte[] esp = {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9, 9, 9, 9};
        byte[] keepalive = {(byte) 0xFF};
        byte[] unknown = header(0x1122334455667788L, 0x0102030405060708L, 37, 0x08);
        byte[] ikev1 = header(0x1122334455667788L, 0, 2, 0);
        ikev1[17] = 0x10;
        byte[] responseWithoutSa = header(0x1122334455667788L, 0, 34, 0x20);
        assertThat(net.gateway.handleDatagram(esp, from, to4500, net.now)).isEqualTo(IkeSessionTable.Outcome.NOT_IKE);
        assertThat(net.gateway.handleDatagram(keepalive, from, to4500, net.now))
                .isEqualTo(IkeSessionTable.Outcome.NOT_IKE);
        assertThat(net.gateway.handleDatagram(ikev1, from, EngineFixtures.RESPONDER, net.now))
                .isEqualTo(IkeSessionTable.Outcome.NOT_IKE);
        assertThat(net.gateway.handleDatagram(new byte[0], from, EngineFixtures.RESPONDER, net.now))
                .isEqualTo(IkeSessionTable.Outcome.NOT_IKE);
        assertThat(net.gateway.handleDatagram(unknown, from, EngineFixtures.RESPONDER, net.now))
                .isEqualTo(IkeSessionTable.Outcome.UNKNOWN_SA);
        assertThat(net.gateway.handleDatagram(responseWithoutSa, from, EngineFixtures.RESPONDER, net.now))
                .isEqualTo(IkeSessionTable.Outcome.UNKNOWN_SA);
        assertThat(net.gateway.size()).isEqualTo(1);
        assertThat(net.gateway.pollTransmit()).isEmpty();
        assertThat(net.gateway.pollEvent()).isEmpty();
        // A table without a responder refuses new requests.
        IkeSession lone = EngineFixtures.initiator(ALPHA, OPTIONS, 5);
        lone.initiate(net.now);
        IkeTransmit init = lone.pollTransmit().orElseThrow();
        assertThat(IkeSessionTable.withoutResponder(4).handleDatagram(init.datagram(), from, EngineFixtures.RESPONDER,
                net.now)).isEqualTo(IkeSessionTable.Outcome.UNKNOWN_SA);
    }

    @Test
    void aRetransmittedIkeSaInitRequestReachesTheSameSessionAndIsAnsweredAlike() {
        IkeSessionTable gateway = gateway(16, OPTIONS);
        IkeSession alpha = EngineFixtures.initiator(ALPHA, OPTIONS, 1);
        alpha.initiate(EngineFixtures.T0);
        IkeTransmit request = alpha.pollTransmit().orElseThrow();
        assertThat(gateway.handleDatagram(request.datagram(), request.source(), request.destination(),
                EngineFixtures.T0)).isEqualTo(IkeSessionTable.Outcome.NEW_SESSION);
        byte[] first = gateway.pollTransmit().orElseThrow().datagram();
        assertThat(gateway.handleDatagram(request.datagram(), request.source(), request.destination(),
                EngineFixtures.T0.plusSeconds(2))).isEqualTo(IkeSessionTable.Outcome.ROUTED);
        assertThat(gateway.pollTransmit().orElseThrow().datagram()).isEqualTo(first);
        assertThat(gateway.size()).isEqualTo(1);
        // The half-open session ends at its timeout and leaves the table.
        Instant end = gateway.pollTimeout().orElseThrow();
        gateway.handleTimeout(end);
        assertThat(gateway.size()).isZero();
        assertThat(gateway.pollEvent().map(IkeSessionTable.SessionEvent::event))
                .containsInstanceOf(IkeEvent.SessionFailed.class);
        assertThat(gateway.pollTimeout()).isEmpty();
    }

    @Test
    void aFloodOfIkeSaInitRequestsIsBoundedByMaxSessionsOrRefusedStatelesslyWithCookies() {
        IkeSessionTable full = gateway(4, OPTIONS);
        List<IkeSessionTable.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            IkeTransmit t = firstRequest(i);
            outcomes.add(full.handleDatagram(t.datagram(), t.source(), t.destination(), EngineFixtures.T0));
        }
        assertThat(outcomes.subList(0, 4)).containsOnly(IkeSessionTable.Outcome.NEW_SESSION);
        assertThat(outcomes.subList(4, 10)).containsOnly(IkeSessionTable.Outcome.FULL);
        assertThat(full.size()).isEqualTo(4);

        // Cookies always required: every request is refused statelessly and nothing is kept.
        IkeCookieGate gate = new IkeCookieGate(0, EngineFixtures.seeded(4));
        IkeSessionTable guarded = gateway(4, OPTIONS.withCookieGate(gate));
        for (int i = 0; i < 10; i++) {
            IkeTransmit t = firstRequest(i);
            assertThat(guarded.handleDatagram(t.datagram(), t.source(), t.destination(), EngineFixtures.T0))
                    .isEqualTo(IkeSessionTable.Outcome.NEW_SESSION);
            byte[] answer = guarded.pollTransmit().orElseThrow().datagram();
            assertThat(EngineFixtures.ike(answer).orElseThrow().notify(IkeNotifyType.COOKIE))
                    .isPresent();
        }
        assertThat(guarded.size()).isZero();
        assertThat(guarded.pollTimeout()).isEmpty();

        // An initiator that returns the cookie gets through the same table.
        Net net = new Net(guarded);
        IkeSession alpha = net.start(ALPHA, 1);
        net.run(Duration.ofSeconds(60));
        assertThat(alpha.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(guarded.size()).isEqualTo(1);
    }

    @Test
    void anAddedResponderSessionTakesTheFirstRequestItAccepts() {
        IkeSession waiting = EngineFixtures.responder(mirror(ALPHA), OPTIONS, 2);
        IkeSessionTable gateway = IkeSessionTable.withoutResponder(2);
        gateway.add(waiting);
        // A request it cannot accept is refused statelessly; the session still waits.
        IkeSession stranger = EngineFixtures.initiator(
                EngineFixtures.tunnel("aes128-sha256-modp2048", "aes128-sha256").build(), OPTIONS, 7);
        stranger.initiate(EngineFixtures.T0);
        IkeTransmit refused = stranger.pollTransmit().orElseThrow();
        assertThat(gateway.handleDatagram(refused.datagram(), refused.source(), refused.destination(),
                EngineFixtures.T0)).isEqualTo(IkeSessionTable.Outcome.ROUTED);
        assertThat(EngineFixtures.ike(gateway.pollTransmit().orElseThrow().datagram()).orElseThrow()
                .notify(IkeNotifyType.NO_PROPOSAL_CHOSEN)).isPresent();
        assertThat(waiting.state()).isEqualTo(IkeSessionState.IDLE);

        Net net = new Net(gateway);
        IkeSession alpha = net.start(ALPHA, 1);
        net.run(Duration.ofSeconds(60));
        assertThat(alpha.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(waiting.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(gateway.sessions()).containsExactly(waiting);
        // Taken: the next new request finds no responder.
        IkeTransmit another = firstRequest(3);
        assertThat(gateway.handleDatagram(another.datagram(), another.source(), another.destination(), net.now))
                .isEqualTo(IkeSessionTable.Outcome.UNKNOWN_SA);
    }

    @Test
    void reauthenticationBringsUpAFreshIkeSaBeforeTheOldOneIsDeleted() {
        Net net = new Net(gateway(16, OPTIONS));
        IkeSession alpha = net.start(ALPHA, 1);
        IkeSession beta = net.start(BETA, 2);
        net.run(Duration.ofSeconds(60));
        IkeEvent.IkeSaEstablished before = net.events(net.eventsOurs, alpha, IkeEvent.IkeSaEstablished.class).get(0);

        IkeSession fresh = net.ours.reauthenticate(alpha, net.now);
        net.run(Duration.ofSeconds(60));

        assertThat(fresh.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(fresh.tunnel()).isEqualTo(ALPHA);
        assertThat(alpha.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(net.ours.sessions()).containsExactly(beta, fresh);
        IkeEvent.IkeSaEstablished after = net.events(net.eventsOurs, fresh, IkeEvent.IkeSaEstablished.class).get(0);
        assertThat(after.initiatorSpi()).isNotEqualTo(before.initiatorSpi());
        // make before break: the fresh CHILD SA is installed before the old IKE SA is deleted
        List<IkeSessionTable.SessionEvent> ours = net.eventsOurs;
        int installed = indexOf(ours, fresh, IkeEvent.ChildSaInstalled.class);
        int deleted = indexOf(ours, alpha, IkeEvent.IkeSaDeleted.class);
        assertThat(installed).isNotNegative().isLessThan(deleted);
        // the gateway authenticated alpha afresh and let the old session go
        assertThat(net.gateway.size()).isEqualTo(2);
        assertThat(net.gateway.sessions()).allMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
        assertThatThrownBy(() -> net.ours.reauthenticate(alpha, net.now)).isInstanceOf(IllegalArgumentException.class);
        IkeSession responder = net.gateway.sessions().get(0);
        assertThatThrownBy(() -> net.gateway.reauthenticate(responder, net.now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only initiator");
    }

    @Test
    void aReauthenticationTimerRenewsEachInitiatedIkeSa() {
        Net net = new Net(gateway(16, OPTIONS));
        net.ours.reauthenticateEvery(Duration.ofMinutes(50));
        net.start(ALPHA, 1);
        net.run(Duration.ofSeconds(60));
        Instant end = net.now.plus(Duration.ofHours(3));
        net.run(() -> false, end, Duration.ZERO);

        // established at 0, then re-authenticated at 50, 100 and 150 minutes
        List<IkeEvent.IkeSaEstablished> established = net.eventsOurs.stream()
                .filter(e -> e.event() instanceof IkeEvent.IkeSaEstablished)
                .map(e -> (IkeEvent.IkeSaEstablished) e.event()).toList();
        assertThat(established).hasSize(4);
        assertThat(established.stream().map(IkeEvent.IkeSaEstablished::initiatorSpi).distinct()).hasSize(4);
        assertThat(net.ours.sessions()).hasSize(1).allMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
        assertThat(net.gateway.sessions()).hasSize(1).allMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
        assertThat(net.eventsOurs.stream().filter(e -> e.event() instanceof IkeEvent.IkeSaDeleted)).hasSize(3);
        assertThat(net.outcomes).doesNotContain(IkeSessionTable.Outcome.UNKNOWN_SA);
        assertThatThrownBy(() -> net.ours.reauthenticateEvery(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadPeerWithTheRestartActionGetsANewSession() {
        Tunnel restarting = Tunnel.builder().from(ALPHA).phaseTwo(io.ipsec4j.model.PhaseTwo.builder()
                .from(ALPHA.phaseTwo()).dpd(io.ipsec4j.model.Dpd.ofSeconds(10, 30,
                        io.ipsec4j.model.DpdAction.RESTART)).build()).build();
        Tunnel clearing = Tunnel.builder().from(BETA).phaseTwo(io.ipsec4j.model.PhaseTwo.builder()
                .from(BETA.phaseTwo()).dpd(io.ipsec4j.model.Dpd.ofSeconds(10, 30,
                        io.ipsec4j.model.DpdAction.CLEAR)).build()).build();
        Net net = new Net(IkeSessionTable.responder(IkeResponderTunnels.of(List.of(mirror(restarting),
                mirror(clearing))), OPTIONS, EngineFixtures.seeded(9), 16));
        IkeSession first = net.start(restarting, 1);
        IkeSession cleared = net.start(clearing, 2);
        net.run(Duration.ofSeconds(5));
        assertThat(first.state()).isEqualTo(IkeSessionState.ESTABLISHED);

        net.gatewayMuted = true;
        net.run(() -> net.eventsOurs.stream().filter(e -> e.event() instanceof IkeEvent.DeadPeerDetected).count() == 2,
                net.now.plus(Duration.ofMinutes(5)), Duration.ZERO);
        net.gatewayMuted = false;
        net.run(() -> net.ours.sessions().stream().anyMatch(s -> s != first
                && s.state() == IkeSessionState.ESTABLISHED), net.now.plus(Duration.ofMinutes(5)), Duration.ZERO);

        assertThat(first.state()).isEqualTo(IkeSessionState.FAILED);
        assertThat(cleared.state()).isEqualTo(IkeSessionState.FAILED);
        assertThat(net.ours.sessions()).hasSize(1);
        IkeSession second = net.ours.sessions().get(0);
        assertThat(second).isNotSameAs(first);
        assertThat(second.tunnel()).isEqualTo(restarting);
        assertThat(second.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    private static int indexOf(List<IkeSessionTable.SessionEvent> events, IkeSession s, Class<? extends IkeEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).session() == s && type.isInstance(events.get(i).event())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void addAndUpdateCheckTheirArguments() {
        IkeSessionTable table = IkeSessionTable.withoutResponder(1);
        IkeSession a = EngineFixtures.initiator(ALPHA, OPTIONS, 1);
        table.add(a);
        assertThatThrownBy(() -> table.add(a)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.add(EngineFixtures.initiator(BETA, OPTIONS, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
        assertThatThrownBy(() -> table.update(EngineFixtures.initiator(BETA, OPTIONS, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IkeSessionTable.withoutResponder(0)).isInstanceOf(IllegalArgumentException.class);
        a.initiate(EngineFixtures.T0);
        table.update(a);
        assertThat(table.pollTransmit()).isPresent();
        assertThat(table.pollTimeout()).contains(EngineFixtures.T0.plus(OPTIONS.retransmitBase()));
    }

    /** The IKE_SA_INIT request of a fresh initiator (seed {@code seed}). */
    private static IkeTransmit firstRequest(long seed) {
        IkeSession s = EngineFixtures.initiator(ALPHA, OPTIONS, 100 + seed);
        s.initiate(EngineFixtures.T0);
        return s.pollTransmit().orElseThrow();
    }

    /** A bare IKE header: SPIs, exchange type, flags, IKEv2, message ID 0, length 28. */
    static byte[] header(long spiI, long spiR, int exchange, int flags) {
        return java.nio.ByteBuffer.allocate(28).putLong(spiI).putLong(spiR).put((byte) 0).put((byte) 0x20)
                .put((byte) exchange).put((byte) flags).putInt(0).putInt(28).array();
    }
}
