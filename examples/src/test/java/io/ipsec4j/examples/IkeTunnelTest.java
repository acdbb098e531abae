package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.esp.EspSa;
import io.ipsec4j.ike.engine.IkeEvent;
import io.ipsec4j.ike.engine.IkeSession;
import io.ipsec4j.ike.engine.IkeSessionOptions;
import io.ipsec4j.ike.engine.IkeSessionState;
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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Two engines, each behind an {@link IkeDatagramDriver}, bring a tunnel up over loopback UDP (127.0.0.1 to 127.0.0.2). */
class IkeTunnelTest {

    @Test
    void twoDriversBringTheTunnelUpOverRealSockets() throws Exception {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", freePort("127.0.0.1"));
        InetSocketAddress b = new InetSocketAddress("127.0.0.2", freePort("127.0.0.2"));
        Tunnel initiator = tunnel();
        // The responder reads its tunnel from the JSON document, as IkeTunnel's main does.
        Tunnel responder = TunnelJson.readTunnel(TunnelJson.write(TunnelMirror.of(initiator), SecretOutput.REVEAL));
        List<IkeEvent> responderEvents = new CopyOnWriteArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            IkeSession r = IkeSession.responder(responder, b, IkeSessionOptions.defaults(), new SecureRandom());
            CompletableFuture<Boolean> responderUp;
            try (IkeDatagramDriver rd = new IkeDatagramDriver(r, b, false, Clock.systemUTC())) {
                responderUp = CompletableFuture.supplyAsync(() -> {
                    try {
                        return rd.runUntil(IkeEvent.ChildSaInstalled.class::isInstance, Duration.ofSeconds(20),
                                responderEvents::add);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                List<IkeEvent> initiatorEvents = new CopyOnWriteArrayList<>();
                IkeSession i = IkeSession.initiator(initiator, a, b, IkeSessionOptions.defaults(), new SecureRandom());
                try (IkeDatagramDriver id = new IkeDatagramDriver(i, a, false, Clock.systemUTC())) {
                    i.initiate(Clock.systemUTC().instant());
                    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
                    assertThat(id.runUntil(IkeEvent.ChildSaInstalled.class::isInstance, Duration.ofSeconds(20),
                            e -> {
                                initiatorEvents.add(e);
                                out.println(IkeTunnel.describe(e));
                            })).isTrue();
                }
                assertThat(responderUp.get()).isTrue();
                assertThat(i.state()).isEqualTo(IkeSessionState.ESTABLISHED);
                assertThat(r.state()).isEqualTo(IkeSessionState.ESTABLISHED);
                IkeEvent.ChildSaInstalled ci = only(initiatorEvents);
                IkeEvent.ChildSaInstalled cr = only(responderEvents);
                assertThat(ci.outbound().spi()).isEqualTo(cr.inbound().spi());
                assertEspFlows(ci.outbound(), cr.inbound());
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("IKE SA established")
                        .contains(String.format("CHILD SA installed: in %08x", ci.inbound().spi()))
                        .doesNotContain(IkeTunnelTest.PSK);
            }
        });
    }

    private static final String PSK = "loopback-psk-0123456789";

    private static Tunnel tunnel() {
        return Tunnel.builder().name("loop").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(PSK))
                        .remotePublicIp(IpAddress.parse("127.0.0.2")).localPublicIp(IpAddress.parse("127.0.0.1"))
                        .addProposals(IkeProposal.parse("aes128gcm16-prfsha256-x25519")).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }

    private static IkeEvent.ChildSaInstalled only(List<IkeEvent> events) {
        return events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                .map(IkeEvent.ChildSaInstalled.class::cast).findFirst().orElseThrow();
    }

    static int freePort(String host) throws Exception {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(host, 0));
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    private static void assertEspFlows(EspSa out, EspSa in) throws Exception {
        byte[] ip = java.util.HexFormat.of().parseHex(EspRoundTrip.INNER_PACKET);
        ByteBuf buf = Unpooled.buffer(out.headroomBytes() + ip.length + out.maxTrailerBytes());
        buf.writerIndex(out.headroomBytes()).readerIndex(out.headroomBytes());
        buf.writeBytes(ip);
        out.sealTunnel(buf);
        in.open(buf);
        byte[] opened = new byte[buf.readableBytes()];
        buf.readBytes(opened);
        assertThat(opened).isEqualTo(ip);
    }
}
