package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Routing as a property: 1 to 3 sites from one address start at once; every datagram between their
 * table and the gateway's is delivered in an order drawn from the seed, with junk mixed in (random
 * bytes, and genuine datagrams with a bit flipped anywhere, so also in the SPIs). Whatever the order,
 * nothing throws, the gateway stays within its bound, every site comes up, and the gateway session
 * each site talks to is the one whose tunnel names that site's ID. A flipped IKE_SA_INIT request is
 * a new, unauthenticated request, which RFC 7296 §2.6 lets start a half-open SA: such sessions may
 * exist besides the sites' but never become established.
 */
class IkeSessionTablePropertyTest {
    private static final List<Tunnel> SITES = List.of(IkeResponderTunnelsTest.ALPHA, IkeResponderTunnelsTest.BETA,
            IkeSessionTableTest.GAMMA);
    private static final IkeSessionOptions OPTIONS = IkeSessionOptions.defaults();

    /** A datagram in flight, and whether it goes to the gateway. */
    private record Flight(IkeTransmit transmit, boolean toGateway) {
    }

    @Test
    void anyDeliveryOrderWithJunkRoutesEachSiteToItsTunnel() {
        Gen<byte[]> junk = Generate.byteArrays(Generate.range(0, 400), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE,
                (byte) 0));
        qt().withExamples(30).withFixedSeed(20261204L)
                .forAll(integers().between(1, SITES.size()), longs().all(), lists().of(junk).ofSizeBetween(0, 12))
                .checkAssert(this::sitesComeUpWithTheirTunnels);
    }

    private void sitesComeUpWithTheirTunnels(int count, long seed, List<byte[]> junk) {
        Random order = new Random(seed);
        IkeSessionTable gateway = IkeSessionTable.responder(IkeResponderTunnels.of(SITES.stream()
                .map(EngineFixtures::mirror).toList()), OPTIONS, EngineFixtures.seeded(seed), count + junk.size());
        IkeSessionTable ours = IkeSessionTable.withoutResponder(SITES.size());
        List<IkeSession> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IkeSession s = EngineFixtures.initiator(SITES.get(i), OPTIONS, seed + i);
            s.initiate(EngineFixtures.T0);
            ours.add(s);
            sites.add(s);
        }
        List<Flight> inFlight = new ArrayList<>();
        List<byte[]> toMangle = new ArrayList<>();
        List<byte[]> pendingJunk = new ArrayList<>(junk);
        for (int step = 0; step < 2_000; step++) {
            take(ours, true, inFlight);
            take(gateway, false, inFlight);
            if (inFlight.isEmpty() && pendingJunk.isEmpty()) {
                break;
            }
            if (!pendingJunk.isEmpty() && (inFlight.isEmpty() || order.nextInt(4) == 0)) {
                byte[] j = pendingJunk.remove(0);
                if (!toMangle.isEmpty() && order.nextBoolean()) { // a genuine datagram with one bit flipped
                    j = toMangle.get(order.nextInt(toMangle.size())).clone();
                    j[order.nextInt(j.length)] ^= (byte) (1 << order.nextInt(8));
                }
                assertThat(gateway.handleDatagram(j, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER,
                        EngineFixtures.T0)).isNotNull();
                continue;
            }
            Flight f = inFlight.remove(order.nextInt(inFlight.size()));
            IkeTransmit t = f.transmit();
            if (f.toGateway()) {
                toMangle.add(t.datagram());
                gateway.handleDatagram(t.datagram(), t.source(), t.destination(), EngineFixtures.T0);
            } else {
                ours.handleDatagram(t.datagram(), t.source(), t.destination(), EngineFixtures.T0);
            }
            assertThat(gateway.size()).isLessThanOrEqualTo(count + junk.size());
        }

        for (IkeSession s : sites) {
            assertThat(s.state()).as("site %s, %d sites, seed %d", s.tunnel().name(), count, seed)
                    .isEqualTo(IkeSessionState.ESTABLISHED);
        }
        List<IkeSession> up = gateway.sessions().stream().filter(g -> g.state() == IkeSessionState.ESTABLISHED)
                .toList();
        assertThat(up).hasSize(count);
        assertThat(gateway.sessions()).allMatch(g -> g.state() != IkeSessionState.IDLE);
        List<IkeSessionTable.SessionEvent> gatewayEvents = drain(gateway);
        List<IkeSessionTable.SessionEvent> ourEvents = drain(ours);
        for (IkeSession g : up) {
            Identity peer = g.tunnel().phaseOne().effectiveRemoteId();
            IkeSession site = sites.stream().filter(s -> s.tunnel().phaseOne().localId().orElseThrow().equals(peer))
                    .findFirst().orElseThrow();
            assertThat(established(gatewayEvents, g)).isEqualTo(established(ourEvents, site));
        }
    }

    /** Moves what {@code table} queued into flight. */
    private static void take(IkeSessionTable table, boolean toGateway, List<Flight> inFlight) {
        for (Optional<IkeTransmit> t = table.pollTransmit(); t.isPresent(); t = table.pollTransmit()) {
            inFlight.add(new Flight(t.get(), toGateway));
        }
    }

    /** The SPI pair of the IKE SA that {@code s} established, from {@code events}. */
    private static List<Long> established(List<IkeSessionTable.SessionEvent> events, IkeSession s) {
        return events.stream().filter(e -> e.session() == s).map(IkeSessionTable.SessionEvent::event)
                .filter(IkeEvent.IkeSaEstablished.class::isInstance).map(IkeEvent.IkeSaEstablished.class::cast)
                .map(e -> List.of(e.initiatorSpi(), e.responderSpi())).findFirst().orElseThrow();
    }

    private static List<IkeSessionTable.SessionEvent> drain(IkeSessionTable table) {
        List<IkeSessionTable.SessionEvent> out = new ArrayList<>();
        for (Optional<IkeSessionTable.SessionEvent> e = table.pollEvent(); e.isPresent(); e = table.pollEvent()) {
            out.add(e.get());
        }
        return out;
    }
}
