package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeChildCreateTest {
    private static final TrafficSelector OURS_2 = TrafficSelector.parse("10.3.0.0/16");
    private static final TrafficSelector THEIRS_2 = TrafficSelector.parse("10.4.0.0/16");

    /** Two subnet pairs: 10.1/16 and 10.3/16 (ours) to 10.2/16 and 10.4/16 (theirs). */
    private static Tunnel twoPairs(String esp) {
        Tunnel base = EngineFixtures.tunnel("aes256gcm16-prfsha384-ecp384", esp).build();
        return Tunnel.builder().from(base).phaseTwo(PhaseTwo.builder().from(base.phaseTwo())
                .addLocalSubnets(OURS_2).addRemoteSubnets(THEIRS_2).build()).build();
    }

    @ParameterizedTest
    @CsvSource({"aes256gcm16, true", "aes256gcm16, false", "aes128-sha256-modp2048, true",
            "aes128-sha256-modp2048, false"})
    void eitherSideCreatesASecondChildSaForAnotherSubnetPair(String esp, boolean initiatorCreates) throws Exception {
        Tunnel t = twoPairs(esp);
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), IkeSessionOptions.defaults());
        IkeSession creator = initiatorCreates ? link.a : link.b;
        List<IkeEvent> creatorEvents = initiatorCreates ? link.eventsA : link.eventsB;
        List<IkeEvent> peerEvents = initiatorCreates ? link.eventsB : link.eventsA;
        List<TrafficSelector> local = List.of(initiatorCreates ? OURS_2 : THEIRS_2);
        List<TrafficSelector> remote = List.of(initiatorCreates ? THEIRS_2 : OURS_2);

        creator.createChildSa(local, remote, link.now);
        link.run(100);

        List<IkeEvent.ChildSaInstalled> mine = link.events(creatorEvents, IkeEvent.ChildSaInstalled.class);
        List<IkeEvent.ChildSaInstalled> theirs = link.events(peerEvents, IkeEvent.ChildSaInstalled.class);
        assertThat(mine).hasSize(2);
        assertThat(theirs).hasSize(2);
        IkeEvent.ChildSaInstalled second = mine.get(1);
        IkeEvent.ChildSaInstalled peerSecond = theirs.get(1);
        assertThat(second.localSelectors()).isEqualTo(local).isEqualTo(peerSecond.remoteSelectors());
        assertThat(second.remoteSelectors()).isEqualTo(remote).isEqualTo(peerSecond.localSelectors());
        assertThat(second.outbound().spi()).isEqualTo(peerSecond.inbound().spi());
        assertThat(second.proposal().pfsGroups()).hasSize(esp.contains("modp") ? 1 : 0);
        IkeSessionTest.assertEspFlows(second.outbound(), peerSecond.inbound());
        IkeSessionTest.assertEspFlows(peerSecond.outbound(), second.inbound());
        assertThat(link.events(creatorEvents, IkeEvent.ChildSaDeleted.class)).isEmpty();
    }

    @Test
    void selectorsOutsideTheTunnelAreRefusedBeforeAnythingIsSent() {
        Tunnel t = twoPairs("aes256gcm16");
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), IkeSessionOptions.defaults());
        int sent = link.sentA.size();

        assertThatThrownBy(() -> link.a.createChildSa(List.of(TrafficSelector.parse("10.9.0.0/16")),
                List.of(THEIRS_2), link.now)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.9.0.0/16");
        assertThat(link.a.pollTransmit()).isEmpty();
        assertThat(link.sentA).hasSize(sent);
    }

    @Test
    void responderWithoutThePairRefusesWithTsUnacceptableAndTheIkeSaStays() {
        Tunnel t = twoPairs("aes256gcm16");
        InMemoryLink link = IkeSessionTest.connect(t, mirror(EngineFixtures.initiatorTunnel()),
                IkeSessionOptions.defaults());

        link.a.createChildSa(List.of(OURS_2), List.of(THEIRS_2), link.now);
        link.run(100);

        IkeEvent.ChildSaFailed f = link.events(link.eventsA, IkeEvent.ChildSaFailed.class).get(0);
        assertThat(f.notifyType()).contains(io.ipsec4j.ike.v2.IkeNotifyType.TS_UNACCEPTABLE);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }
}
