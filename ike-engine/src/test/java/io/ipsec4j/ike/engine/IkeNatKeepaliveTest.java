package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * NAT keepalives (RFC 3948 §2.3, §4): an initiator on a private address behind a NAT (which maps
 * 192.168.1.10:p to the tunnel's public 192.0.2.1:p+10000) learns from NAT detection that its own
 * address is translated, and then sends a one-byte 0xFF on port 4500 whenever the interval passed
 * without a datagram of its own; the responder, not behind a NAT, sends none.
 */
class IkeNatKeepaliveTest {
    private static final InetSocketAddress PRIVATE = new InetSocketAddress("192.168.1.10", 500);
    private static final Tunnel TUNNEL = EngineFixtures.initiatorTunnel();

    /** Two sessions with a NAT in front of {@code a}; delivers at once, timers fired by hand. */
    private static final class NatLink {
        final IkeSession a;
        final IkeSession b;
        final List<IkeTransmit> sentA = new ArrayList<>();
        final List<IkeTransmit> sentB = new ArrayList<>();
        final List<IkeEvent> eventsA = new ArrayList<>();
        Instant now = EngineFixtures.T0;

        NatLink(IkeSessionOptions options) {
            a = IkeSession.initiator(TUNNEL, PRIVATE, EngineFixtures.RESPONDER, options, EngineFixtures.seeded(1));
            b = EngineFixtures.responder(EngineFixtures.mirror(TUNNEL), options, 2);
        }

        static InetSocketAddress outside(InetSocketAddress inside) {
            return new InetSocketAddress(EngineFixtures.INITIATOR.getAddress(), inside.getPort() + 10_000);
        }

        static InetSocketAddress inside(InetSocketAddress outside) {
            return new InetSocketAddress(PRIVATE.getAddress(), outside.getPort() - 10_000);
        }

        void pump() {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (Optional<IkeTransmit> t = a.pollTransmit(); t.isPresent(); t = a.pollTransmit()) {
                    sentA.add(t.get());
                    b.handleDatagram(t.get().datagram(), outside(t.get().source()), t.get().destination(), now);
                    moved = true;
                }
                for (Optional<IkeTransmit> t = b.pollTransmit(); t.isPresent(); t = b.pollTransmit()) {
                    sentB.add(t.get());
                    a.handleDatagram(t.get().datagram(), t.get().source(), inside(t.get().destination()), now);
                    moved = true;
                }
                a.pollEvent().ifPresent(eventsA::add);
                while (b.pollEvent().isPresent()) {
                    moved = true;
                }
            }
        }

        /** Moves the clock to {@code t} and fires what is due. */
        void at(Instant t) {
            now = t;
            for (IkeSession s : List.of(a, b)) {
                if (s.pollTimeout().filter(due -> !due.isAfter(now)).isPresent()) {
                    s.handleTimeout(now);
                }
            }
            pump();
        }

        List<IkeTransmit> keepalives(List<IkeTransmit> sent) {
            return sent.stream().filter(t -> t.datagram().length == 1).toList();
        }
    }

    private static NatLink up(IkeSessionOptions options) {
        NatLink link = new NatLink(options);
        link.a.initiate(link.now);
        link.pump();
        assertThat(link.a.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.eventsA).contains(link.eventsA.stream().filter(IkeEvent.IkeSaEstablished.class::isInstance)
                .findFirst().orElseThrow());
        assertThat(((IkeEvent.IkeSaEstablished) link.eventsA.get(0)).natDetected()).isTrue();
        return link;
    }

    @Test
    void theSideBehindTheNatSendsAKeepaliveEachIntervalWithoutOtherTraffic() {
        NatLink link = up(IkeSessionOptions.defaults());
        Instant established = link.now;
        assertThat(link.a.pollTimeout()).contains(established.plus(IkeSessionOptions.DEFAULT_NAT_KEEPALIVE));

        for (int i = 1; i <= 3; i++) {
            link.at(established.plus(IkeSessionOptions.DEFAULT_NAT_KEEPALIVE.multipliedBy(i)));
        }
        List<IkeTransmit> keepalives = link.keepalives(link.sentA);
        assertThat(keepalives).hasSize(3);
        for (IkeTransmit k : keepalives) {
            assertThat(k.datagram()).containsExactly((byte) 0xFF);
            assertThat(k.source()).isEqualTo(new InetSocketAddress(PRIVATE.getAddress(), 4500));
            assertThat(k.destination()).isEqualTo(new InetSocketAddress(EngineFixtures.RESPONDER.getAddress(), 4500));
        }
        // the responder is not behind a NAT: it drops them, answers nothing, sends none
        assertThat(link.keepalives(link.sentB)).isEmpty();
        assertThat(link.b.state()).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(link.b.pollTimeout().filter(t -> t.isBefore(link.now.plus(Duration.ofMinutes(5))))).isEmpty();
    }

    @Test
    void ikeTrafficPostponesTheKeepalive() {
        NatLink link = up(IkeSessionOptions.defaults());
        Instant established = link.now;
        link.at(established.plusSeconds(15));
        int inbound = link.eventsA.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                .map(e -> ((IkeEvent.ChildSaInstalled) e).inbound().spi()).findFirst().orElseThrow();
        link.a.rekeyChildSa(inbound, link.now);
        link.pump();
        assertThat(link.a.pollTimeout()).contains(established.plusSeconds(35));
        link.at(established.plusSeconds(20));
        assertThat(link.keepalives(link.sentA)).isEmpty();
        link.at(established.plusSeconds(35));
        assertThat(link.keepalives(link.sentA)).hasSize(1);
    }

    @Test
    void noKeepalivesWhenTurnedOffOrWithoutANatOfOurOwn() {
        NatLink off = up(IkeSessionOptions.defaults().withNatKeepalive(Duration.ZERO));
        off.at(off.now.plus(Duration.ofMinutes(2)));
        assertThat(off.keepalives(off.sentA)).isEmpty();

        InMemoryLink plain = IkeSessionTest.connect(TUNNEL, EngineFixtures.mirror(TUNNEL), IkeSessionOptions.defaults());
        plain.runUntil(plain.now.plus(Duration.ofMinutes(2)), 1000);
        assertThat(plain.sentA).noneMatch(t -> t.datagram().length == 1);
        assertThat(plain.sentB).noneMatch(t -> t.datagram().length == 1);

        assertThatThrownBy(() -> IkeSessionOptions.defaults().withNatKeepalive(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
