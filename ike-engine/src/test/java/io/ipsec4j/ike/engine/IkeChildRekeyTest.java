package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static io.ipsec4j.ike.engine.EngineFixtures.tunnel;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Tunnel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeChildRekeyTest {

    @ParameterizedTest
    @CsvSource({"aes256gcm16-ecp384, true", "aes256gcm16-ecp384, false", "aes128-sha256, true",
            "aes128-sha256, false"})
    void eitherSideRekeysTheChildSaAndDeletesTheOldOne(String esp, boolean initiatorRekeys) throws Exception {
        Tunnel t = tunnel("aes256gcm16-prfsha384-ecp384", esp).build();
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), IkeSessionOptions.defaults());
        IkeSession rekeyer = initiatorRekeys ? link.a : link.b;
        var rekeyerEvents = initiatorRekeys ? link.eventsA : link.eventsB;
        var peerEvents = initiatorRekeys ? link.eventsB : link.eventsA;
        IkeEvent.ChildSaInstalled old = link.events(rekeyerEvents, IkeEvent.ChildSaInstalled.class).get(0);

        rekeyer.rekeyChildSa(old.inbound().spi(), link.now);
        link.run(100);

        IkeEvent.ChildSaRekeyed mine = link.events(rekeyerEvents, IkeEvent.ChildSaRekeyed.class).get(0);
        IkeEvent.ChildSaRekeyed theirs = link.events(peerEvents, IkeEvent.ChildSaRekeyed.class).get(0);
        assertThat(mine.oldInboundSpi()).isEqualTo(old.inbound().spi()).isEqualTo(theirs.oldOutboundSpi());
        assertThat(mine.replacement().inbound().spi()).isEqualTo(theirs.replacement().outbound().spi())
                .isNotEqualTo(old.inbound().spi());
        assertThat(mine.replacement().proposal().pfsGroups()).isEqualTo(
                esp.contains("ecp384") ? java.util.List.of(io.ipsec4j.model.algorithm.KeyExchangeMethod.ECP_384)
                        : java.util.List.of());
        IkeSessionTest.assertEspFlows(mine.replacement().outbound(), theirs.replacement().inbound());
        IkeSessionTest.assertEspFlows(theirs.replacement().outbound(), mine.replacement().inbound());
        assertThat(link.events(rekeyerEvents, IkeEvent.ChildSaDeleted.class)).containsExactly(
                new IkeEvent.ChildSaDeleted(old.inbound().spi(), old.outbound().spi(), false));
        assertThat(link.events(peerEvents, IkeEvent.ChildSaDeleted.class)).containsExactly(
                new IkeEvent.ChildSaDeleted(old.outbound().spi(), old.inbound().spi(), true));
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }
}
