package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.initiatorTunnel;
import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeInformationalTest {
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    @Test
    void closeByTheInitiatorDeletesTheIkeSaOnBothSides() {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);

        link.a.close(link.now);
        link.run(100);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaDeleted.class)).containsExactly(new IkeEvent.IkeSaDeleted(false));
        assertThat(link.events(link.eventsB, IkeEvent.IkeSaDeleted.class)).containsExactly(new IkeEvent.IkeSaDeleted(true));
    }

    @Test
    void closeByTheResponderUsesItsOwnMessageIds() {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);

        link.b.close(link.now);
        link.run(100);

        assertThat(link.events(link.eventsA, IkeEvent.IkeSaDeleted.class)).containsExactly(new IkeEvent.IkeSaDeleted(true));
        assertThat(link.events(link.eventsB, IkeEvent.IkeSaDeleted.class)).containsExactly(new IkeEvent.IkeSaDeleted(false));
    }

    @Test
    void closeWithoutAnAnswerEndsAfterTheLastRetransmission() {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        link.deliver = (n, d) -> false;

        link.a.close(link.now);
        link.run(100);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaDeleted.class)).containsExactly(new IkeEvent.IkeSaDeleted(false));
    }

    @Test
    void peerDeleteOfTheChildSaIsAnsweredWithOurPairedSpi() throws Exception {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        IkeEvent.ChildSaInstalled childA = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        IkeEvent.ChildSaInstalled childB = link.events(link.eventsB, IkeEvent.ChildSaInstalled.class).get(0);

        link.b.outbox.sendRequest(IkeExchangeType.INFORMATIONAL,
                List.of(IkeDeletePayload.esp(List.of(IkeRandom.spiBytes(childB.inbound().spi())))), link.now);
        link.run(100);

        assertThat(link.events(link.eventsA, IkeEvent.ChildSaDeleted.class))
                .containsExactly(new IkeEvent.ChildSaDeleted(childA.inbound().spi(), childA.outbound().spi(), true));
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        byte[] response = link.sentA.get(link.sentA.size() - 1).datagram();
        var decoded = new io.ipsec4j.ike.v2.IkeMessageDecoder().decode(io.netty.buffer.Unpooled.wrappedBuffer(response));
        var inner = link.b.sa.peerCodec.decrypt(response, decoded);
        assertThat(inner).containsExactly(IkeDeletePayload.esp(List.of(IkeRandom.spiBytes(childA.inbound().spi()))));
    }

    @Test
    void silentPeerIsDeclaredDeadAfterTheDpdDelayAndTimeout() {
        Tunnel t = withDpd(initiatorTunnel());
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        java.time.Instant up = link.now;
        link.deliver = (n, d) -> false;

        link.run(100);

        IkeEvent.SessionFailed f = link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0);
        assertThat(f.reason()).isEqualTo(IkeFailureReason.DEAD_PEER);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.FAILED);
        assertThat(link.now).isBeforeOrEqualTo(up.plusSeconds(10 + 30));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = DpdAction.class, names = {"CLEAR", "RESTART"})
    void aDeadPeerIsReportedWithTheTunnelsDpdActionBeforeTheFailure(DpdAction action) {
        Tunnel t = initiatorTunnel();
        t = Tunnel.builder().from(t).phaseTwo(PhaseTwo.builder().from(t.phaseTwo())
                .dpd(Dpd.ofSeconds(10, 30, action)).build()).build();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        link.deliver = (n, d) -> false;

        link.run(100);

        List<IkeEvent> tail = link.eventsA.subList(link.eventsA.size() - 2, link.eventsA.size());
        assertThat(tail.get(0)).isEqualTo(new IkeEvent.DeadPeerDetected(action));
        assertThat(tail.get(1)).isInstanceOfSatisfying(IkeEvent.SessionFailed.class,
                f -> assertThat(f.reason()).isEqualTo(IkeFailureReason.DEAD_PEER));
    }

    @Test
    void answeringPeerStaysAliveThroughManyLivenessChecks() {
        Tunnel t = withDpd(initiatorTunnel());
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        int before = link.sentA.size();

        link.run(200);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.sentA.size() - before).isGreaterThan(10);
    }

    private static Tunnel withDpd(Tunnel t) {
        return Tunnel.builder().from(t).phaseTwo(PhaseTwo.builder().from(t.phaseTwo())
                .dpd(Dpd.ofSeconds(10, 30, DpdAction.RESTART)).build()).build();
    }
}
