package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelDocument;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.engine.IkeEvent;
import io.ipsec4j.ike.engine.IkeResponderTunnels;
import io.ipsec4j.ike.engine.IkeSession;
import io.ipsec4j.ike.engine.IkeSessionOptions;
import io.ipsec4j.ike.engine.IkeSessionState;
import io.ipsec4j.ike.engine.IkeSessionTable;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.check.TunnelMirror;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The gateway example over loopback UDP: two sites (127.0.0.1 and 127.0.0.3, each with its own ID,
 * PSK, suite and subnets, each behind its own {@link IkeDatagramDriver}) bring their tunnels up
 * with one {@link IkeGateway} on 127.0.0.2 that read both tunnels from one JSON document.
 */
class IkeGatewayTest {
    private static Tunnel site(String name, String address, String psk, String ike, String remoteSubnet) {
        return Tunnel.builder().name(name).gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(psk))
                        .remotePublicIp(IpAddress.parse("127.0.0.2")).localPublicIp(IpAddress.parse(address))
                        .localId(Identity.fqdn(name + ".example")).remoteId(Identity.fqdn("gw.example"))
                        .addProposals(IkeProposal.parse(ike)).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse(remoteSubnet))
                        .addRemoteSubnets(TrafficSelector.parse("10.0.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }

    private static final Tunnel NORTH = site("north", "127.0.0.1", "north-psk-7Hn2Zr9fKx4TwLp8",
            "aes128gcm16-prfsha256-x25519", "10.1.0.0/16");
    private static final Tunnel SOUTH = site("south", "127.0.0.3", "south-psk-q9Vb3MZr9fKx4TwLp",
            "aes256-sha256-ecp256", "10.3.0.0/16");

    @Test
    void oneGatewayBringsUpTheTunnelsOfTwoSitesOverRealSockets() throws Exception {
        InetSocketAddress gw = new InetSocketAddress("127.0.0.2", IkeTunnelTest.freePort("127.0.0.2"));
        // The gateway's tunnels, as IkeGateway's main reads them: one JSON document.
        String json = TunnelJson.write(new TunnelDocument(List.of(TunnelMirror.of(NORTH), TunnelMirror.of(SOUTH)),
                List.of()), SecretOutput.REVEAL);
        List<Tunnel> tunnels = IkeGateway.tunnels(TunnelJson.read(json));
        assertThat(IkeGateway.localAddress(tunnels)).isEqualTo(IpAddress.parse("127.0.0.2"));
        IkeSessionTable table = IkeSessionTable.responder(IkeResponderTunnels.of(tunnels),
                IkeSessionOptions.defaults(), new SecureRandom(), 8);
        List<IkeSessionTable.SessionEvent> events = new CopyOnWriteArrayList<>();
        List<String> printed = new CopyOnWriteArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CompletableFuture<Boolean> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return IkeGateway.serve(table, gw, false, Duration.ofSeconds(20),
                            e -> events.stream().filter(x -> x.event() instanceof IkeEvent.ChildSaInstalled).count() == 2,
                            e -> {
                                events.add(e);
                                printed.add(IkeGateway.describe(e));
                            });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (Tunnel site : List.of(NORTH, SOUTH)) {
                InetSocketAddress local = new InetSocketAddress(site.phaseOne().localPublicIp().orElseThrow()
                        .toInetAddress(), IkeTunnelTest.freePort(site.phaseOne().localPublicIp().get().toString()));
                IkeSession s = IkeSession.initiator(site, local, gw, IkeSessionOptions.defaults(), new SecureRandom());
                try (IkeDatagramDriver d = new IkeDatagramDriver(s, local, false, Clock.systemUTC())) {
                    s.initiate(Clock.systemUTC().instant());
                    assertThat(d.runUntil(IkeEvent.ChildSaInstalled.class::isInstance, Duration.ofSeconds(20), e -> { }))
                            .as(site.name()).isTrue();
                }
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            }
            assertThat(served.get()).isTrue();
        });
        assertThat(table.sessions()).extracting(s -> s.tunnel().name()).containsExactly("north", "south");
        assertThat(table.sessions()).allMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
        assertThat(printed).anyMatch(l -> l.startsWith("north: CHILD SA installed"))
                .anyMatch(l -> l.startsWith("south: CHILD SA installed"))
                .noneMatch(l -> l.contains("north-psk") || l.contains("south-psk"));
        assertThat(IkeGateway.summary(table)).isEqualTo("2 sessions: [north ESTABLISHED, south ESTABLISHED]");
    }

    @Test
    void theTunnelsMustNameOneLocalAddress() {
        Tunnel elsewhere = Tunnel.builder().from(TunnelMirror.of(SOUTH)).phaseOne(PhaseOne.builder()
                .from(TunnelMirror.of(SOUTH).phaseOne()).localPublicIp(IpAddress.parse("127.0.0.9")).build()).build();
        assertThatThrownBy(() -> IkeGateway.localAddress(List.of(TunnelMirror.of(NORTH), elsewhere)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("several local public IPs");
        assertThatThrownBy(() -> IkeGateway.tunnels(new TunnelDocument(List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tunnel");
    }
}
