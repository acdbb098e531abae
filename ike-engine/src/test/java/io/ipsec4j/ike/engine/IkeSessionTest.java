package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.initiator;
import static io.ipsec4j.ike.engine.EngineFixtures.initiatorTunnel;
import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static io.ipsec4j.ike.engine.EngineFixtures.responder;
import static io.ipsec4j.ike.engine.EngineFixtures.tunnel;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.esp.EspSa;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeSessionTest {
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    static InMemoryLink connect(Tunnel i, Tunnel r, IkeSessionOptions o) {
        IkeSession a = initiator(i, o, 1);
        IkeSession b = responder(r, o, 2);
        a.initiate(EngineFixtures.T0);
        return new InMemoryLink(a, b).run(100);
    }

    @ParameterizedTest
    @CsvSource({"aes128-sha1-modp1024, aes128-sha1", "aes256gcm16-prfsha384-ecp384, aes256gcm16",
            "chacha20poly1305-prfsha256-x25519, chacha20poly1305", "aes256-sha256-modp2048, aes256-sha256-esn"})
    void initiatorAndResponderInstallMatchingChildSas(String ike, String esp) throws Exception {
        Tunnel t = tunnel(ike, esp).build();
        InMemoryLink link = connect(t, mirror(t), OPTIONS);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        IkeEvent.IkeSaEstablished ikeA = link.events(link.eventsA, IkeEvent.IkeSaEstablished.class).get(0);
        IkeEvent.IkeSaEstablished ikeB = link.events(link.eventsB, IkeEvent.IkeSaEstablished.class).get(0);
        assertThat(ikeA.initiatorSpi()).isEqualTo(ikeB.initiatorSpi());
        assertThat(ikeA.responderSpi()).isEqualTo(ikeB.responderSpi());
        assertThat(ikeA.proposal()).isEqualTo(ikeB.proposal()).isEqualTo(IkeProposal.parse(ike));
        assertThat(ikeA.natDetected()).isFalse();
        IkeEvent.ChildSaInstalled childA = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        IkeEvent.ChildSaInstalled childB = link.events(link.eventsB, IkeEvent.ChildSaInstalled.class).get(0);
        assertThat(childA.outbound().spi()).isEqualTo(childB.inbound().spi());
        assertThat(childB.outbound().spi()).isEqualTo(childA.inbound().spi());
        assertThat(childA.localSelectors()).isEqualTo(childB.remoteSelectors())
                .containsExactly(TrafficSelector.parse("10.1.0.0/16"));
        assertThat(childA.outbound().isEsn()).isEqualTo(esp.endsWith("-esn"));
        assertEspFlows(childA.outbound(), childB.inbound());
        assertEspFlows(childB.outbound(), childA.inbound());
    }

    static void assertEspFlows(EspSa out, EspSa in) throws Exception {
        byte[] ip = ipv4Packet();
        ByteBuf buf = Unpooled.buffer(out.headroomBytes() + ip.length + out.maxTrailerBytes());
        buf.writerIndex(out.headroomBytes()).readerIndex(out.headroomBytes());
        buf.writeBytes(ip);
        out.sealTunnel(buf);
        in.open(buf);
        byte[] opened = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), opened);
        assertThat(opened).isEqualTo(ip);
    }

    /** A 28-byte IPv4/UDP header with an empty payload, 10.1.0.1 -> 10.2.0.1. */
    static byte[] ipv4Packet() {
        return java.util.HexFormat.of().parseHex("4500001c00000000401100000a0100010a020001" + "0035003500080000");
    }

    @Test
    void invalidKePayloadMakesTheInitiatorRetryWithTheResponderGroup() {
        Tunnel i = tunnel("aes256gcm16-prfsha384-ecp256-ecp384", "aes256gcm16").build();
        Tunnel r = tunnel("aes256gcm16-prfsha384-ecp384", "aes256gcm16").build();
        InMemoryLink link = connect(i, mirror(r), OPTIONS);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(notifyOf(link.sentB.get(0))).contains(IkeNotifyType.INVALID_KE_PAYLOAD);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaEstablished.class).get(0).proposal().keyExchange())
                .containsExactly(io.ipsec4j.model.algorithm.KeyExchangeMethod.ECP_384);
    }

    @Test
    void responderAboveItsHalfOpenThresholdAsksForACookieAndAcceptsItsEcho() {
        IkeCookieGate gate = new IkeCookieGate(0, new SecureRandom());
        Tunnel t = initiatorTunnel();
        InMemoryLink link = connect(t, mirror(t), OPTIONS.withCookieGate(gate));

        assertThat(notifyOf(link.sentB.get(0))).contains(IkeNotifyType.COOKIE);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(gate.halfOpen()).isZero();
    }

    @Test
    void noCommonProposalFailsTheInitiatorWithNoProposalChosen() {
        Tunnel i = tunnel("aes128-sha256-modp2048", "aes128-sha256").build();
        Tunnel r = tunnel("aes256gcm16-prfsha384-ecp384", "aes256gcm16").build();
        InMemoryLink link = connect(i, mirror(r), OPTIONS);

        IkeEvent.SessionFailed f = link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0);
        assertThat(f.reason()).isEqualTo(IkeFailureReason.NO_PROPOSAL_CHOSEN);
        assertThat(f.notifyType()).contains(IkeNotifyType.NO_PROPOSAL_CHOSEN);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.IDLE);
    }

    @Test
    void wrongPreSharedKeyFailsBothSidesWithAuthenticationFailed() {
        Tunnel t = initiatorTunnel();
        Tunnel r = mirror(t);
        r = Tunnel.builder().from(r).phaseOne(PhaseOne.builder().from(r.phaseOne())
                .sharedSecret(Secret.of("another-secret-entirely")).build()).build();
        InMemoryLink link = connect(t, r, OPTIONS);

        assertThat(link.events(link.eventsB, IkeEvent.SessionFailed.class).get(0).reason())
                .isEqualTo(IkeFailureReason.AUTHENTICATION_FAILED);
        IkeEvent.SessionFailed f = link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0);
        assertThat(f.reason()).isEqualTo(IkeFailureReason.AUTHENTICATION_FAILED);
        assertThat(f.notifyType()).contains(IkeNotifyType.AUTHENTICATION_FAILED);
        assertThat(f.toString()).doesNotContain("another-secret").doesNotContain(EngineFixtures.PSK);
    }

    @Test
    void responderNarrowsTheSelectorsToItsPolicy() {
        Tunnel t = initiatorTunnel();
        Tunnel r = mirror(t);
        r = Tunnel.builder().from(r).phaseTwo(PhaseTwo.builder().from(r.phaseTwo())
                .localSubnets(List.of(TrafficSelector.parse("10.2.3.0/24"))).build()).build();
        InMemoryLink link = connect(t, r, OPTIONS);

        IkeEvent.ChildSaInstalled child = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        assertThat(child.remoteSelectors()).containsExactly(TrafficSelector.parse("10.2.3.0/24"));
        assertThat(child.localSelectors()).containsExactly(TrafficSelector.parse("10.1.0.0/16"));
    }

    @Test
    void disjointSelectorsRefuseTheChildSaButKeepTheIkeSa() {
        Tunnel t = initiatorTunnel();
        Tunnel r = mirror(t);
        r = Tunnel.builder().from(r).phaseTwo(PhaseTwo.builder().from(r.phaseTwo())
                .localSubnets(List.of(TrafficSelector.parse("172.16.0.0/24"))).build()).build();
        InMemoryLink link = connect(t, r, OPTIONS);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        IkeEvent.ChildSaFailed f = link.events(link.eventsA, IkeEvent.ChildSaFailed.class).get(0);
        assertThat(f.reason()).isEqualTo(IkeFailureReason.TS_UNACCEPTABLE);
        assertThat(f.notifyType()).contains(IkeNotifyType.TS_UNACCEPTABLE);
    }

    @Test
    void unansweredRequestIsRetransmittedWithBackOffThenTheSessionGivesUp() {
        Tunnel t = initiatorTunnel();
        IkeSessionOptions o = OPTIONS.withRetransmission(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(4), 3);
        IkeSession a = initiator(t, o, 1);
        IkeSession b = responder(mirror(t), o, 2);
        a.initiate(EngineFixtures.T0);
        InMemoryLink link = new InMemoryLink(a, b);
        link.deliver = (n, d) -> false;
        link.run(100);

        assertThat(link.sentA).hasSize(4);
        assertThat(link.sentA).extracting(IkeTransmit::datagram).allSatisfy(d -> assertThat(d)
                .isEqualTo(link.sentA.get(0).datagram()));
        assertThat(link.now).isEqualTo(EngineFixtures.T0.plusSeconds(1 + 2 + 4 + 4));
        assertThat(link.events(link.eventsA, IkeEvent.SessionFailed.class).get(0).reason())
                .isEqualTo(IkeFailureReason.RETRANSMISSION_TIMEOUT);
        assertThat(a.pollTimeout()).isEmpty();
    }

    @Test
    void retransmittedRequestIsAnsweredFromTheCacheWithoutNewState() {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = connect(t, mirror(t), OPTIONS);
        IkeTransmit authRequest = link.sentA.get(1);
        int eventsBefore = link.eventsB.size();

        link.b.handleDatagramStrict(authRequest.datagram(), authRequest.source(), authRequest.destination(), link.now);

        assertThat(link.b.pollTransmit()).get().extracting(IkeTransmit::datagram)
                .isEqualTo(link.sentB.get(1).datagram());
        assertThat(link.b.pollEvent()).isEmpty();
        assertThat(link.eventsB).hasSize(eventsBefore);
    }

    @Test
    void tamperedIkeAuthRequestIsDroppedWithoutAnswerOrChange() {
        Tunnel t = initiatorTunnel();
        IkeSession a = initiator(t, OPTIONS, 1);
        IkeSession b = responder(mirror(t), OPTIONS, 2);
        a.initiate(EngineFixtures.T0);
        IkeTransmit init = a.pollTransmit().orElseThrow();
        b.handleDatagramStrict(init.datagram(), init.source(), init.destination(), EngineFixtures.T0);
        IkeTransmit initResponse = b.pollTransmit().orElseThrow();
        a.handleDatagramStrict(initResponse.datagram(), initResponse.source(), initResponse.destination(),
                EngineFixtures.T0);
        byte[] auth = a.pollTransmit().orElseThrow().datagram();
        byte[] tampered = auth.clone();
        tampered[tampered.length - 1] ^= 1;

        b.handleDatagramStrict(tampered, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER, EngineFixtures.T0);

        assertThat(b.pollTransmit()).isEmpty();
        assertThat(b.pollEvent()).isEmpty();
        assertThat(b.state()).isEqualTo(IkeSessionState.CONNECTING);
        b.handleDatagramStrict(auth, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER, EngineFixtures.T0);
        assertThat(b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @Test
    void natBetweenThePeersMovesBothToPort4500WithTheNonEspMarker() {
        Tunnel t = initiatorTunnel();
        IkeSession a = initiator(t, OPTIONS, 1);
        IkeSession b = responder(mirror(t), OPTIONS, 2);
        a.initiate(EngineFixtures.T0);
        InetSocketAddress natted = new InetSocketAddress("203.0.113.9", 61000);
        IkeTransmit init = a.pollTransmit().orElseThrow();
        b.handleDatagramStrict(init.datagram(), natted, EngineFixtures.RESPONDER, EngineFixtures.T0);
        IkeTransmit initResponse = b.pollTransmit().orElseThrow();
        assertThat(initResponse.destination()).isEqualTo(natted);
        a.handleDatagramStrict(initResponse.datagram(), EngineFixtures.RESPONDER, EngineFixtures.INITIATOR,
                EngineFixtures.T0);

        IkeTransmit auth = a.pollTransmit().orElseThrow();
        assertThat(auth.destination().getPort()).isEqualTo(4500);
        assertThat(auth.source().getPort()).isEqualTo(4500);
        assertThat(auth.datagram()).startsWith(0, 0, 0, 0);
        InetSocketAddress nattedT = new InetSocketAddress("203.0.113.9", 61001);
        b.handleDatagramStrict(auth.datagram(), nattedT, new InetSocketAddress("198.51.100.2", 4500),
                EngineFixtures.T0);
        IkeTransmit authResponse = b.pollTransmit().orElseThrow();
        assertThat(authResponse.destination()).isEqualTo(nattedT);
        assertThat(authResponse.datagram()).startsWith(0, 0, 0, 0);
        a.handleDatagramStrict(authResponse.datagram(), auth.destination(), auth.source(), EngineFixtures.T0);
        assertThat(a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(a.pollEvent()).get().isInstanceOfSatisfying(IkeEvent.IkeSaEstablished.class,
                e -> assertThat(e.natDetected()).isTrue());
    }

    @Test
    void informationalRequestOnTheEstablishedSaIsAnsweredAsALivenessCheck() throws Exception {
        Tunnel t = initiatorTunnel();
        InMemoryLink link = connect(t, mirror(t), OPTIONS);
        // the responder's first own request would carry message ID 0; built here with the responder's keys
        IkeSession b = link.b;
        byte[] dpd = b.sa.seal(io.ipsec4j.ike.v2.IkeHeader.of(b.sa.spiI, b.sa.spiR,
                io.ipsec4j.ike.v2.IkeExchangeType.INFORMATIONAL, false, false, 0), List.of());

        link.a.handleDatagramStrict(dpd, EngineFixtures.RESPONDER, EngineFixtures.INITIATOR, link.now);

        IkeMessage response = new IkeMessageDecoder().decode(Unpooled.wrappedBuffer(
                link.a.pollTransmit().orElseThrow().datagram()));
        assertThat(response.header().response()).isTrue();
        assertThat(response.header().exchangeType()).isEqualTo(io.ipsec4j.ike.v2.IkeExchangeType.INFORMATIONAL);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    static java.util.Optional<IkeNotifyType> notifyOf(IkeTransmit t) {
        try {
            IkeMessage m = new IkeMessageDecoder().decode(Unpooled.wrappedBuffer(t.datagram()));
            return m.payloads(io.ipsec4j.ike.v2.IkeNotifyPayload.class).stream()
                    .map(io.ipsec4j.ike.v2.IkeNotifyPayload::notifyType).findFirst();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
