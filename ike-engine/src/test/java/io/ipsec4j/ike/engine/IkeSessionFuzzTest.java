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
 * established sessions, they raise no event and leave the SAs up; the SKF fragments of a genuine
 * request, in any order, repeated or altered, are reassembled only when all of them authenticate. The seed corpus in
 * {@code IkeSessionFuzzTestInputs/} (a real IKE_SA_INIT request and response; for the established SAs
 * also the two SKF fragments of an INFORMATIONAL request sealed with the responder's keys of the
 * seeded SA, RFC 7383) runs in every build, as do a few byte patterns for the windowed requests;
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

    /**
     * RFC 7383 reassembly on an established SA: the SKF fragments of a genuine CREATE_CHILD_SA
     * request, delivered in any order, repeated or with a flipped bit, never raise anything, never
     * take the SA down and install at most one CHILD SA; once every fragment arrived unmodified the
     * request is answered and the CHILD SA installed.
     */
    @FuzzTest(maxDuration = "60s")
    void fragmentsInAnyOrderAreReassembledOnlyWhenAllAuthenticate(FuzzedDataProvider data) {
        Tunnel base = EngineFixtures.tunnel("aes128gcm16-prfsha256-x25519", "aes128gcm16-x25519").build();
        Tunnel t = Tunnel.builder().from(base).phaseTwo(io.ipsec4j.model.PhaseTwo.builder().from(base.phaseTwo())
                .addLocalSubnets(io.ipsec4j.model.TrafficSelector.parse("10.3.0.0/16"))
                .addRemoteSubnets(io.ipsec4j.model.TrafficSelector.parse("10.4.0.0/16")).build()).build();
        IkeSessionOptions o = IkeSessionOptions.defaults().withFragmentSize(IkeFragmentationTest.TINY);
        InMemoryLink link = IkeSessionTest.connect(t, EngineFixtures.mirror(t), o);
        link.a.createChildSa(java.util.List.of(io.ipsec4j.model.TrafficSelector.parse("10.3.0.0/16")),
                java.util.List.of(io.ipsec4j.model.TrafficSelector.parse("10.4.0.0/16")), link.now);
        java.util.List<IkeTransmit> fragments = new java.util.ArrayList<>();
        for (Optional<IkeTransmit> x = link.a.pollTransmit(); x.isPresent(); x = link.a.pollTransmit()) {
            fragments.add(x.get());
        }
        assertThat(fragments).hasSizeGreaterThan(1);
        java.util.Set<Integer> intact = new java.util.HashSet<>();
        int installed = 0;
        boolean answered = false;
        for (int i = 0; i < 16 && data.remainingBytes() > 0; i++) {
            int n = data.consumeInt(0, fragments.size() - 1);
            byte[] d = fragments.get(n).datagram().clone();
            if (data.consumeBoolean()) {
                d[data.consumeInt(0, d.length - 1)] ^= (byte) (1 << data.consumeInt(0, 7));
            } else {
                intact.add(n);
            }
            link.b.handleDatagramStrict(d, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER, link.now);
            answered |= link.b.pollTransmit().isPresent();
            for (Optional<IkeEvent> e = link.b.pollEvent(); e.isPresent(); e = link.b.pollEvent()) {
                assertThat(e.get()).isInstanceOf(IkeEvent.ChildSaInstalled.class);
                installed++;
            }
            assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        }
        assertThat(installed).isLessThanOrEqualTo(1);
        if (intact.size() == fragments.size()) {
            assertThat(answered).as("answered once every fragment arrived").isTrue();
            assertThat(installed).isEqualTo(1);
        }
    }

    /**
     * Message-ID windows (RFC 7296 §2.3): the four CREATE_CHILD_SA requests that a session with a
     * window of four keeps outstanding at once, delivered to its peer (window four) in any order,
     * repeated, with a flipped bit or mixed with arbitrary datagrams, never raise anything and never
     * take the SA down; each datagram is answered with at most one datagram, an intact request always
     * (its first response, byte for byte, when repeated), each request installs at most one CHILD SA,
     * and no more responses are kept than the window.
     */
    @FuzzTest(maxDuration = "60s")
    void windowedRequestsInAnyOrderAreAnsweredOnceEachAndRepeatedFromTheCache(FuzzedDataProvider data) {
        InMemoryLink link = IkeMessageIdWindowTest.connect(4, 4, new IkeMessageIdModel(4));
        IkeMessageIdWindowTest.createChildren(link, true, IkeMessageIdWindowTest.PAIRS);
        java.util.List<IkeTransmit> requests = IkeMessageIdWindowTest.drain(link.a);
        assertThat(requests).hasSize(IkeMessageIdWindowTest.PAIRS);
        java.util.Map<Integer, byte[]> answers = new java.util.HashMap<>();
        int installed = 0;
        for (int i = 0; i < 24 && data.remainingBytes() > 0; i++) {
            int choice = data.consumeInt(0, requests.size());
            boolean intact = choice < requests.size() && data.consumeBoolean();
            byte[] d;
            if (choice == requests.size()) {
                d = data.consumeBytes(data.consumeInt(0, 1500));
            } else {
                d = requests.get(choice).datagram().clone();
                if (!intact) {
                    d[data.consumeInt(0, d.length - 1)] ^= (byte) (1 << data.consumeInt(0, 7));
                }
            }
            link.b.handleDatagramStrict(d, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER, link.now);
            java.util.List<IkeTransmit> out = IkeMessageIdWindowTest.drain(link.b);
            assertThat(out).hasSizeLessThanOrEqualTo(1);
            if (intact) {
                assertThat(out).as("an intact request in the window is answered").hasSize(1);
                byte[] first = answers.putIfAbsent(choice, out.get(0).datagram());
                if (first != null) {
                    assertThat(out.get(0).datagram()).as("the cached response").isEqualTo(first);
                }
            }
            for (Optional<IkeEvent> e = link.b.pollEvent(); e.isPresent(); e = link.b.pollEvent()) {
                assertThat(e.get()).isInstanceOf(IkeEvent.ChildSaInstalled.class);
                installed++;
            }
            assertThat(installed).isLessThanOrEqualTo(answers.size());
            assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            assertThat(link.b.outbox.cachedResponses()).isLessThanOrEqualTo(4);
        }
        assertThat(installed).isEqualTo(answers.size());
    }
}
