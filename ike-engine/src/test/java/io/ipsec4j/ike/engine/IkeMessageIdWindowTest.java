package io.ipsec4j.ike.engine;

import static io.ipsec4j.ike.engine.EngineFixtures.mirror;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Message-ID windows larger than one (RFC 7296 §2.3, SET_WINDOW_SIZE): two sessions through an
 * {@link InMemoryLink} with windows 1, 2 and 4 keep several requests outstanding up to the smaller
 * window, answer requests within their window in any order and from the cache when repeated, drop
 * requests outside it, route each response to the exchange that sent its message ID, and run the
 * IKE SA rekey and Delete only when nothing else is outstanding.
 */
class IkeMessageIdWindowTest {
    /** Extra subnet pairs: 10.3/16 to 10.4/16, 10.5/16 to 10.6/16, … (ours to theirs). */
    static final int PAIRS = 4;

    static TrafficSelector ours(int k) {
        return TrafficSelector.parse("10." + (2 * k + 1) + ".0.0/16");
    }

    static TrafficSelector theirs(int k) {
        return TrafficSelector.parse("10." + (2 * k + 2) + ".0.0/16");
    }

    /** The initiator's tunnel with {@link #PAIRS} subnet pairs besides 10.1/16 to 10.2/16. */
    static Tunnel pairs() {
        Tunnel base = EngineFixtures.tunnel("aes128gcm16-prfsha256-x25519", "aes128gcm16").build();
        PhaseTwo.Builder p2 = PhaseTwo.builder().from(base.phaseTwo());
        for (int k = 1; k <= PAIRS; k++) {
            p2.addLocalSubnets(ours(k)).addRemoteSubnets(theirs(k));
        }
        return Tunnel.builder().from(base).phaseTwo(p2.build()).build();
    }

    /** Brings up A (initiator, window {@code wa}) and B (window {@code wb}), every datagram checked by {@code model}. */
    static InMemoryLink connect(int wa, int wb, IkeMessageIdModel model) {
        Tunnel t = pairs();
        IkeSession a = EngineFixtures.initiator(t, IkeSessionOptions.defaults().withWindowSize(wa), 1);
        IkeSession b = EngineFixtures.responder(mirror(t), IkeSessionOptions.defaults().withWindowSize(wb), 2);
        InMemoryLink link = new InMemoryLink(a, b);
        link.deliver = (n, d) -> {
            model.onDatagram(d.datagram(), d.source().getAddress().equals(EngineFixtures.INITIATOR.getAddress()), true);
            return true;
        };
        a.initiate(link.now);
        link.run(100);
        assertThat(a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        return link;
    }

    static List<IkeTransmit> drain(IkeSession s) {
        List<IkeTransmit> out = new ArrayList<>();
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            out.add(t.get());
        }
        return out;
    }

    static void deliver(IkeTransmit t, IkeSession to, InMemoryLink link) {
        to.handleDatagramStrict(t.datagram(), t.source(), t.destination(), link.now);
    }

    /** Creates the CHILD SAs of pairs 1 to {@code n} at one instant, from A or B. */
    static void createChildren(InMemoryLink link, boolean byA, int n) {
        for (int k = 1; k <= n; k++) {
            if (byA) {
                link.a.createChildSa(List.of(ours(k)), List.of(theirs(k)), link.now);
            } else {
                link.b.createChildSa(List.of(theirs(k)), List.of(ours(k)), link.now);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1, true, 1", "2, 2, true, 2", "4, 4, true, 4", "4, 4, false, 4", "4, 2, true, 2",
            "2, 4, false, 2", "4, 1, true, 1", "1, 4, false, 1"})
    void childSaCreationsStartedAtOnceAreOutstandingTogetherUpToTheSmallerWindow(int wa, int wb, boolean byA,
            int inFlight) throws Exception {
        IkeMessageIdModel model = new IkeMessageIdModel(Math.min(wa, wb));
        InMemoryLink link = connect(wa, wb, model);
        IkeSession creator = byA ? link.a : link.b;
        IkeSession peer = byA ? link.b : link.a;

        createChildren(link, byA, PAIRS);
        List<IkeTransmit> requests = drain(creator);

        assertThat(requests).as("requests in flight before any response").hasSize(inFlight);
        assertThat(requests).allSatisfy(r -> assertThat(IkeSaRekeyTest.header(r.datagram()).exchangeType())
                .isEqualTo(IkeExchangeType.CREATE_CHILD_SA));
        for (IkeTransmit r : requests) {
            model.onDatagram(r.datagram(), byA, true);
            deliver(r, peer, link);
        }
        link.run(500);
        IkeSaRekeyTest.assertSameChildren(link, 1 + PAIRS);
        assertThat(model.maxInFlight()).isEqualTo(inFlight);
    }

    @Test
    void requestsWithinTheWindowAreAnsweredInAnyOrderAndEachResponseReachesItsExchange() throws Exception {
        InMemoryLink link = connect(4, 4, new IkeMessageIdModel(4));
        createChildren(link, true, PAIRS);
        List<IkeTransmit> requests = drain(link.a);
        assertThat(requests).hasSize(PAIRS);

        List<IkeTransmit> responses = new ArrayList<>();
        for (int i = PAIRS - 1; i >= 0; i--) { // the last request first
            deliver(requests.get(i), link.b, link);
            List<IkeTransmit> answer = drain(link.b);
            assertThat(answer).as("request %d answered", i).hasSize(1);
            assertThat(IkeSaRekeyTest.header(answer.get(0).datagram()).messageId())
                    .isEqualTo(IkeSaRekeyTest.header(requests.get(i).datagram()).messageId());
            responses.add(answer.get(0));
        }
        for (int i : new int[] {1, 3, 0, 2}) { // responses in yet another order
            deliver(responses.get(i), link.a, link);
        }
        link.run(100);

        IkeSaRekeyTest.assertSameChildren(link, 1 + PAIRS);
        List<List<TrafficSelector>> created = link.events(link.eventsA, IkeEvent.ChildSaInstalled.class).stream()
                .skip(1).map(IkeEvent.ChildSaInstalled::localSelectors).toList();
        assertThat(created).containsExactlyInAnyOrder(List.of(ours(1)), List.of(ours(2)), List.of(ours(3)),
                List.of(ours(4)));
        assertThat(link.events(link.eventsA, IkeEvent.ChildSaFailed.class)).isEmpty();
    }

    @Test
    void repeatedRequestsInTheWindowGetTheirByteIdenticalResponsesAndOlderOnesAreDropped() {
        InMemoryLink link = connect(2, 2, new IkeMessageIdModel(2));
        createChildren(link, true, PAIRS);
        link.run(200);
        List<IkeTransmit> requests = link.sentA.stream().filter(t -> !IkeSaRekeyTest.header(t.datagram()).response()
                && IkeSaRekeyTest.header(t.datagram()).exchangeType().equals(IkeExchangeType.CREATE_CHILD_SA)).toList();
        List<IkeTransmit> responses = link.sentB.stream().filter(t -> IkeSaRekeyTest.header(t.datagram()).response()
                && IkeSaRekeyTest.header(t.datagram()).exchangeType().equals(IkeExchangeType.CREATE_CHILD_SA)).toList();
        assertThat(requests).hasSize(PAIRS);
        assertThat(responses).hasSize(PAIRS);
        int events = link.eventsB.size();

        for (int i = PAIRS - 1; i >= 0; i--) {
            deliver(requests.get(i), link.b, link);
            List<IkeTransmit> answer = drain(link.b);
            if (i >= PAIRS - 2) { // the last two IDs: the window of two keeps their responses
                assertThat(answer).as("request %d", i).singleElement().extracting(IkeTransmit::datagram)
                        .isEqualTo(responses.get(i).datagram());
            } else {
                assertThat(answer).as("request %d, below the cached window", i).isEmpty();
            }
        }
        assertThat(link.b.pollEvent()).isEmpty();
        assertThat(link.eventsB).hasSize(events);
        assertThat(link.b.outbox.cachedResponses()).isEqualTo(2);
    }

    @Test
    void requestBeyondTheWindowIsDroppedUntilTheWindowMovesThenAnsweredOnItsRetransmission() throws Exception {
        InMemoryLink link = connect(4, 2, new IkeMessageIdModel(4));
        // A peer that oversteps B's window of two: A believes B announced four.
        IkeHeader h = IkeHeader.of(1, 2, IkeExchangeType.INFORMATIONAL, false, false, 9);
        assertThat(link.a.outbox.peerAnnounced(new IkeMessage(h, List.of(IkeNotifyPayload.setWindowSize(4)))))
                .isTrue();
        createChildren(link, true, PAIRS);
        List<IkeTransmit> requests = drain(link.a);
        assertThat(requests).hasSize(PAIRS);
        link.deliver = (n, d) -> true; // requests go by hand from here: the model does not see them

        // The first request is late: B's window stays at its ID, so it spans the first two IDs only.
        requests.subList(1, PAIRS).forEach(r -> deliver(r, link.b, link));
        List<IkeTransmit> answers = drain(link.b);
        assertThat(answers).as("only the second request lies within B's window").singleElement()
                .extracting(t -> IkeSaRekeyTest.header(t.datagram()).messageId())
                .isEqualTo(IkeSaRekeyTest.header(requests.get(1).datagram()).messageId());
        assertThat(link.b.pollEvent()).get().isInstanceOf(IkeEvent.ChildSaInstalled.class);
        assertThat(link.b.pollEvent()).isEmpty();
        deliver(requests.get(0), link.b, link);
        answers.addAll(drain(link.b));
        assertThat(answers).hasSize(2);

        answers.forEach(r -> deliver(r, link.a, link));
        link.run(200); // A retransmits the other two, which B's moved window now takes
        assertThat(link.events(link.eventsA, IkeEvent.ChildSaInstalled.class)).hasSize(1 + PAIRS);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
    }

    @Test
    void ikeSaRekeyAndDeleteWaitForEveryOutstandingRequestAndTheNewSaAnnouncesTheWindowAgain() throws Exception {
        IkeMessageIdModel model = new IkeMessageIdModel(4);
        InMemoryLink link = connect(4, 4, model);
        createChildren(link, true, 2);
        link.a.rekeyIkeSa(link.now);
        List<IkeTransmit> requests = drain(link.a);
        assertThat(requests).as("the two creations; the IKE SA rekey waits for them").hasSize(2);
        for (IkeTransmit r : requests) {
            model.onDatagram(r.datagram(), true, true);
            deliver(r, link.b, link);
        }
        link.b.rekeyIkeSa(link.now); // B's rekey meets A's, sent once A's creations are answered (§2.8.1)
        link.run(500);
        assertThat(link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class)).hasSize(1)
                .isEqualTo(link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class));
        IkeSaRekeyTest.assertSameChildren(link, 3);

        link.a.createChildSa(List.of(ours(3)), List.of(theirs(3)), link.now);
        link.a.createChildSa(List.of(ours(4)), List.of(theirs(4)), link.now);
        link.a.close(link.now);
        requests = drain(link.a);
        assertThat(requests).as("both creations on the new SA, its window announced again; the Delete waits")
                .hasSize(2);
        for (IkeTransmit r : requests) {
            model.onDatagram(r.datagram(), true, true);
            deliver(r, link.b, link);
        }
        link.run(500);
        assertThat(link.events(link.eventsA, IkeEvent.ChildSaInstalled.class)).hasSize(5);
        assertThat(link.events(link.eventsB, IkeEvent.ChildSaInstalled.class)).hasSize(5);
        assertThat(link.a.state()).isEqualTo(IkeSessionState.CLOSED);
        assertThat(link.b.state()).isEqualTo(IkeSessionState.CLOSED);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 1", "1, 2", "4, 2"})
    void ikeAuthCarriesSetWindowSizeOnlyFromASideWithAWindowLargerThanOne(int wa, int wb) throws Exception {
        InMemoryLink link = connect(wa, wb, new IkeMessageIdModel(Math.min(wa, wb)));
        // sent[0] is IKE_SA_INIT, sent[1] IKE_AUTH; each side opens the other's with its keys.
        assertThat(windowAnnounced(link.sentA.get(1), link.b)).isEqualTo(wa > 1 ? Optional.of((long) wa)
                : Optional.empty());
        assertThat(windowAnnounced(link.sentB.get(1), link.a)).isEqualTo(wb > 1 ? Optional.of((long) wb)
                : Optional.empty());
    }

    /** The SET_WINDOW_SIZE value in the protected message {@code t}, opened with the keys of {@code receiver}. */
    private static Optional<Long> windowAnnounced(IkeTransmit t, IkeSession receiver) throws Exception {
        IkeMessage m = IkeFragmentationTest.decode(t);
        assertThat(m.header().exchangeType()).isEqualTo(IkeExchangeType.IKE_AUTH);
        List<io.ipsec4j.ike.v2.IkePayload> inner = receiver.sa.peerCodec.decrypt(t.datagram(), m);
        return new IkeMessage(m.header(), inner).notify(io.ipsec4j.ike.v2.IkeNotifyType.SET_WINDOW_SIZE)
                .map(IkeNotifyPayload::windowSize);
    }

    @Test
    void windowSizeIsOneByDefaultAndValidated() {
        assertThat(IkeSessionOptions.defaults().windowSize()).isEqualTo(1);
        assertThat(IkeSessionOptions.defaults().withWindowSize(IkeSessionOptions.MAX_WINDOW_SIZE).windowSize())
                .isEqualTo(32);
        assertThatThrownBy(() -> IkeSessionOptions.defaults().withWindowSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowSize: 0 (expected: 1-32)");
        assertThatThrownBy(() -> IkeSessionOptions.defaults().withWindowSize(33))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowSize: 33");
    }
}
