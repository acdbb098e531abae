package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.model.Tunnel;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of {@link IkeSession#handleDatagram}: any sequence of datagrams, fed to a
 * fresh responder and to an initiator waiting for its IKE_SA_INIT response, never raises anything,
 * answers each datagram with at most one datagram, and never establishes an SA; fed to two
 * established sessions, they raise no event and leave the SAs up. The seed corpus in
 * {@code IkeSessionFuzzTestInputs/} (a real IKE_SA_INIT request and response; for the established SAs
 * also the two SKF fragments of an INFORMATIONAL request sealed with the responder's keys of the
 * seeded SA, RFC 7383) runs in every build;
 * set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeSessionFuzzTest {
    private static final Tunnel TUNNEL = EngineFixtures.initiatorTunnel();

    @FuzzTest(maxDuration = "60s")
    void anyDatagramsNeitherThrowNorEstablish(FuzzedDataProvider data) {
        IkeSessionOptions o = IkeSessionOptions.defaults()
                .withCookieGate(new IkeCookieGate(data.consumeInt(0, 2), EngineFixtures.seeded(3)));
        IkeSession responder = EngineFixtures.responder(EngineFixtures.mirror(TUNNEL), o, 2);
        IkeSession initiator = EngineFixtures.initiator(TUNNEL, o, 1);
        initiator.initiate(EngineFixtures.T0);
        initiator.pollTransmit();
        for (int i = 0; i < 8 && data.remainingBytes() > 0; i++) {
            byte[] datagram = data.consumeBytes(data.consumeInt(0, 1500));
            for (IkeSession s : new IkeSession[] {responder, initiator}) {
                s.handleDatagramStrict(datagram, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER,
                        EngineFixtures.T0);
                Optional<IkeTransmit> first = s.pollTransmit();
                assertThat(s.pollTransmit()).isEmpty();
                first.ifPresent(t -> assertThat(t.datagram().length).isLessThan(4096));
                assertThat(s.state()).isNotEqualTo(IkeSessionState.ESTABLISHED);
                while (s.pollEvent().isPresent()) {
                    // drained: events are bounded by the state changes
                }
            }
        }
    }

    /** On established SAs, unauthenticated datagrams change nothing: no event, the SAs stay up. */
    @FuzzTest(maxDuration = "60s")
    void anyDatagramsLeaveEstablishedSasAlone(byte[] datagram) {
        InMemoryLink link = IkeSessionTest.connect(TUNNEL, EngineFixtures.mirror(TUNNEL), IkeSessionOptions.defaults());
        for (IkeSession s : new IkeSession[] {link.a, link.b}) {
            s.handleDatagramStrict(datagram, EngineFixtures.RESPONDER, EngineFixtures.INITIATOR, link.now);
            assertThat(s.pollEvent()).isEmpty();
            assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            assertThat(s.pollTransmit().map(t -> t.datagram().length).orElse(0)).isLessThan(4096);
        }
    }
}
