package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7383 in the engine, Java to Java with a tiny fragment size: negotiation in IKE_SA_INIT,
 * IKE_AUTH and CREATE_CHILD_SA sent as SKF fragments both ways and reassembled, retransmission of
 * every fragment, a retransmitted fragmented request answered once, reordered fragments, and forged
 * fragments that change nothing.
 */
class IkeFragmentationTest {
    /** The smallest fragment size: IKE_AUTH and CREATE_CHILD_SA need several fragments. */
    static final int TINY = IkeSessionOptions.MIN_FRAGMENT_SIZE;
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults().withFragmentSize(TINY);
    /** IPv4 and UDP headers: the datagrams in the tests are the UDP payloads. */
    private static final int IP_UDP = 28;

    @ParameterizedTest
    @CsvSource({"aes256gcm16-prfsha384-ecp384, aes256gcm16-ecp384", "aes128-sha1-modp1024, aes128-sha1-modp1024",
            "chacha20poly1305-prfsha256-x25519, chacha20poly1305-x25519"})
    void ikeAuthAndCreateChildSaAreFragmentedBothWaysAndReassembled(String ike, String esp) throws Exception {
        Tunnel t = twoPairs(ike, esp);
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(notifies(link.sentA.get(0))).contains(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED);
        assertThat(notifies(link.sentB.get(0))).contains(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED);
        assertThat(fragments(link.sentA, IkeExchangeType.IKE_AUTH)).as("IKE_AUTH request fragments")
                .isGreaterThan(1);
        assertThat(fragments(link.sentB, IkeExchangeType.IKE_AUTH)).as("IKE_AUTH response fragments")
                .isGreaterThan(1);
        assertThat(protectedSizes(link.sentA)).allSatisfy(n -> assertThat(n + IP_UDP).isLessThanOrEqualTo(TINY));
        assertThat(protectedSizes(link.sentB)).allSatisfy(n -> assertThat(n + IP_UDP).isLessThanOrEqualTo(TINY));
        IkeEvent.ChildSaInstalled a = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).get(0);
        IkeEvent.ChildSaInstalled b = link.events(link.eventsB, IkeEvent.ChildSaInstalled.class).get(0);
        IkeSessionTest.assertEspFlows(a.outbound(), b.inbound());
        IkeSessionTest.assertEspFlows(b.outbound(), a.inbound());

        link.b.createChildSa(List.of(TrafficSelector.parse("10.4.0.0/16")),
                List.of(TrafficSelector.parse("10.3.0.0/16")), link.now);
        link.run(100);

        assertThat(fragments(link.sentB, IkeExchangeType.CREATE_CHILD_SA)).as("CREATE_CHILD_SA request fragments")
                .isGreaterThan(1);
        assertThat(fragments(link.sentA, IkeExchangeType.CREATE_CHILD_SA)).as("CREATE_CHILD_SA response fragments")
                .isGreaterThan(1);
        List<IkeEvent.ChildSaInstalled> childrenA = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class);
        List<IkeEvent.ChildSaInstalled> childrenB = link.events(link.eventsB, IkeEvent.ChildSaInstalled.class);
        assertThat(childrenA).hasSize(2);
        assertThat(childrenB).hasSize(2);
        IkeSessionTest.assertEspFlows(childrenB.get(1).outbound(), childrenA.get(1).inbound());
        IkeSessionTest.assertEspFlows(childrenA.get(1).outbound(), childrenB.get(1).inbound());
    }

    @Test
    void withoutThePeersSupportNothingIsFragmented() {
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, OPTIONS, 1);
        IkeSession b = EngineFixtures.responder(mirror(t), OPTIONS.withFragmentSize(0), 2);
        a.initiate(EngineFixtures.T0);
        InMemoryLink link = new InMemoryLink(a, b).run(100);

        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(notifies(link.sentA.get(0))).contains(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED);
        assertThat(notifies(link.sentB.get(0))).doesNotContain(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED);
        assertThat(fragments(link.sentA, IkeExchangeType.IKE_AUTH)).isZero();
        assertThat(fragments(link.sentB, IkeExchangeType.IKE_AUTH)).isZero();
        assertThat(link.sentA.get(1).datagram().length + IP_UDP).isGreaterThan(TINY);
    }

    @Test
    void reorderedFragmentsAreReassembled() {
        AuthFragments f = authFragments();
        IkeSession a = f.a();
        IkeSession b = f.b();
        List<IkeTransmit> auth = f.auth();
        assertThat(auth).hasSizeGreaterThan(1);
        List<IkeTransmit> reversed = new ArrayList<>(auth);
        Collections.reverse(reversed);
        feed(b, reversed);
        assertThat(b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        List<IkeTransmit> response = drain(b);
        Collections.reverse(response);
        response.add(response.get(0)); // a duplicate changes nothing
        feed(a, response);
        assertThat(a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @Test
    void retransmissionResendsEveryFragmentAndARepeatedRequestIsAnsweredOnItsFirstFragment() {
        AuthFragments f = authFragments();
        IkeSession a = f.a();
        IkeSession b = f.b();
        List<IkeTransmit> auth = f.auth();

        a.handleTimeout(a.pollTimeout().orElseThrow()); // the IKE_AUTH request is lost: every fragment again
        List<IkeTransmit> again = drain(a);
        assertThat(again).extracting(IkeTransmit::datagram).containsExactlyElementsOf(
                auth.stream().map(IkeTransmit::datagram).toList());

        feed(b, auth);
        List<IkeTransmit> response = drain(b);
        assertThat(response).hasSizeGreaterThan(1);
        feed(b, again); // the retransmission: answered once, on fragment 1 (RFC 7383 §2.6.1)
        assertThat(drain(b)).extracting(IkeTransmit::datagram).containsExactlyElementsOf(
                response.stream().map(IkeTransmit::datagram).toList());
        assertThat(b.pollEvent()).isPresent(); // established once
        assertThat(b.pollEvent()).isPresent(); // and its CHILD SA
        assertThat(b.pollEvent()).isEmpty();
    }

    @Test
    void forgedFragmentsChangeNothingAndTheGenuineOnesStillComplete() {
        AuthFragments f = authFragments();
        IkeSession a = f.a();
        IkeSession b = f.b();
        List<IkeTransmit> auth = f.auth();
        for (IkeTransmit x : auth) {
            byte[] forged = x.datagram().clone();
            forged[forged.length - 1] ^= 1; // the ICV
            b.handleDatagramStrict(forged, x.source(), x.destination(), EngineFixtures.T0);
        }
        assertThat(b.fragments.inProgress()).isFalse();
        assertThat(b.pollTransmit()).isEmpty();
        assertThat(b.pollEvent()).isEmpty();
        assertThat(b.state()).isEqualTo(IkeSessionState.CONNECTING);

        feed(b, auth);
        assertThat(b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @Test
    void anIncompleteMessageIsDroppedAfterTheReassemblyWindow() {
        Tunnel t = twoPairs("aes256gcm16-prfsha384-ecp384", "aes256gcm16-ecp384");
        InMemoryLink link = IkeSessionTest.connect(t, mirror(t), OPTIONS);
        link.a.createChildSa(List.of(TrafficSelector.parse("10.3.0.0/16")),
                List.of(TrafficSelector.parse("10.4.0.0/16")), link.now);
        List<IkeTransmit> request = drain(link.a);
        assertThat(request).hasSizeGreaterThan(1);

        IkeTransmit first = request.get(0);
        link.b.handleDatagramStrict(first.datagram(), first.source(), first.destination(), link.now);
        assertThat(link.b.fragments.inProgress()).isTrue();
        link.b.handleTimeout(link.now.plusSeconds(31));

        assertThat(link.b.fragments.inProgress()).isFalse();
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        for (IkeTransmit x : request.subList(1, request.size())) {
            link.b.handleDatagramStrict(x.datagram(), x.source(), x.destination(), link.now.plusSeconds(31));
        }
        assertThat(drain(link.b)).as("no response without fragment 1").isEmpty();
    }

    private static Tunnel twoPairs(String ike, String esp) {
        Tunnel base = EngineFixtures.tunnel(ike, esp).build();
        return Tunnel.builder().from(base).phaseTwo(PhaseTwo.builder().from(base.phaseTwo())
                .addLocalSubnets(TrafficSelector.parse("10.3.0.0/16"))
                .addRemoteSubnets(TrafficSelector.parse("10.4.0.0/16")).build()).build();
    }

    /** A fresh initiator and responder after IKE_SA_INIT, and the initiator's fragmented IKE_AUTH request, not delivered. */
    private record AuthFragments(IkeSession a, IkeSession b, List<IkeTransmit> auth) {
    }

    private static AuthFragments authFragments() {
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, OPTIONS, 1);
        IkeSession b = EngineFixtures.responder(mirror(t), OPTIONS, 2);
        a.initiate(EngineFixtures.T0);
        feed(b, drain(a));
        feed(a, drain(b));
        return new AuthFragments(a, b, drain(a));
    }

    /** Hands {@code datagrams} to {@code to}, in order, at T0. */
    private static void feed(IkeSession to, List<IkeTransmit> datagrams) {
        for (IkeTransmit x : datagrams) {
            to.handleDatagramStrict(x.datagram(), x.source(), x.destination(), EngineFixtures.T0);
        }
    }

    private static List<IkeTransmit> drain(IkeSession s) {
        List<IkeTransmit> out = new ArrayList<>();
        for (Optional<IkeTransmit> x = s.pollTransmit(); x.isPresent(); x = s.pollTransmit()) {
            out.add(x.get());
        }
        return out;
    }

    static IkeMessage decode(IkeTransmit t) {
        try {
            return new IkeMessageDecoder().decode(Unpooled.wrappedBuffer(t.datagram()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<IkeNotifyType> notifies(IkeTransmit t) {
        return decode(t).payloads(IkeNotifyPayload.class).stream().map(IkeNotifyPayload::notifyType).toList();
    }

    /** The sizes of the datagrams after IKE_SA_INIT (never fragmented, RFC 7383 §2.5). */
    private static List<Integer> protectedSizes(List<IkeTransmit> sent) {
        return sent.stream().filter(x -> !decode(x).header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT))
                .map(x -> x.datagram().length).toList();
    }

    /** Counts the SKF datagrams of {@code type} among {@code sent}. */
    static long fragments(List<IkeTransmit> sent, IkeExchangeType type) {
        return sent.stream().map(IkeFragmentationTest::decode)
                .filter(m -> m.header().exchangeType().equals(type))
                .filter(m -> m.payload(IkeSkfPayload.class).isPresent()).count();
    }
}
