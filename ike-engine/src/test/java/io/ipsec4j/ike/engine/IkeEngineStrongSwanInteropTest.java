package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.esp.EspSa;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our engine against a live charon (esp-crypto's harness): node A's charon is stopped and our
 * engine speaks from A's address through a {@link NamespaceUdpRelay}; charon on B is the
 * responder or the initiator. Checks that charon lists the IKE SA ESTABLISHED and the CHILD SA
 * INSTALLED with our SPIs, that a packet sealed by our outbound {@link EspSa} raises charon's
 * inbound counters, that charon's ESP for traffic from B's subnet opens with our inbound SA, that a
 * CHILD SA rekey (with PFS in the x25519 case) started by the same side installs SAs that carry ESP
 * and deletes the old pair, that an IKE SA rekey started by the same side moves both ends to the
 * new SPIs (the old IKE SA gone from charon) with ESP still accepted on the moved CHILD SA, and
 * that a Delete of the IKE SA from either side (ours when we initiated, charon's otherwise) leaves
 * neither side with the SA.
 * charon runs with {@code encap = yes}, so NAT is reported and both sides use port 4500.
 */
@Tag("interop")
class IkeEngineStrongSwanInteropTest {
    private static final String CHILD = "net";
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    @ParameterizedTest(name = "java initiator, {0}")
    @CsvSource({"aes128-sha1-modp1024, aes128-sha1", "aes256gcm16-prfsha384-ecp384, aes256gcm16",
            "chacha20poly1305-prfsha256-curve25519, chacha20poly1305", "aes128gcm16-prfsha256-x25519, aes128gcm16-x25519"})
    void javaInitiatorToCharonResponder(String ike, String esp) throws Exception {
        run(ike, esp, true);
    }

    @ParameterizedTest(name = "charon initiator, {0}")
    @CsvSource({"aes128-sha1-modp1024, aes128-sha1", "aes256gcm16-prfsha384-ecp384, aes256gcm16",
            "chacha20poly1305-prfsha256-curve25519, chacha20poly1305", "aes128gcm16-prfsha256-x25519, aes128gcm16-x25519"})
    void charonInitiatorToJavaResponder(String ike, String esp) throws Exception {
        run(ike, esp, false);
    }

    private void run(String ike, String esp, boolean javaInitiates) throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child(CHILD, esp, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(ike).start();
            stopCharon(pair, Node.A);
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                Tunnel t = tunnel(ike, esp, child);
                InetSocketAddress local = new InetSocketAddress(A, 500);
                IkeSession s = javaInitiates
                        ? IkeSession.initiator(t, local, new InetSocketAddress(B, 500), IkeSessionOptions.defaults(),
                                new SecureRandom())
                        : IkeSession.responder(t, local, IkeSessionOptions.defaults(), new SecureRandom());
                Process charonInitiator = null;
                if (javaInitiates) {
                    s.initiate(Instant.now());
                } else {
                    charonInitiator = HostCommand.start(pair.directory().resolve("initiate.out"),
                            HostCommand.inNamespace(pair.namespace(Node.B), "swanctl", "--initiate", "--child", CHILD,
                                    "--uri", vici));
                }
                List<IkeEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                pump(s, relay, events, esps, () -> events.stream().anyMatch(e -> e instanceof IkeEvent.ChildSaInstalled
                        || e instanceof IkeEvent.SessionFailed || e instanceof IkeEvent.ChildSaFailed));
                assertThat(events).as("events").hasAtLeastOneElementOfType(IkeEvent.ChildSaInstalled.class);
                if (charonInitiator != null) {
                    charonInitiator.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                IkeEvent.ChildSaInstalled installed = events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                        .map(IkeEvent.ChildSaInstalled.class::cast).findFirst().orElseThrow();
                String sas = HostCommand.check(20, HostCommand.inNamespace(pair.namespace(Node.B), "swanctl",
                        "--list-sas", "--uri", vici));
                assertThat(sas).contains("ESTABLISHED").contains("INSTALLED")
                        .contains(String.format("%08x", installed.outbound().spi()))
                        .contains(String.format("%08x", installed.inbound().spi()));

                espBothWays(pair, s, relay, events, esps, installed, child, "from charon");
                installed.inbound().close();
                installed.outbound().close();

                // CHILD SA rekey from the same side (with PFS when the ESP proposal names a group).
                if (javaInitiates) {
                    s.rekeyChildSa(installed.inbound().spi(), Instant.now());
                } else {
                    HostCommand.start(pair.directory().resolve("rekey.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--rekey", "--child", CHILD, "--uri", vici));
                }
                pump(s, relay, events, esps, () -> events.stream().anyMatch(IkeEvent.ChildSaDeleted.class::isInstance));
                IkeEvent.ChildSaRekeyed rekeyed = events.stream().filter(IkeEvent.ChildSaRekeyed.class::isInstance)
                        .map(IkeEvent.ChildSaRekeyed.class::cast).findFirst().orElseThrow();
                assertThat(rekeyed.oldInboundSpi()).isEqualTo(installed.inbound().spi());
                assertThat(events).contains(new IkeEvent.ChildSaDeleted(installed.inbound().spi(),
                        installed.outbound().spi(), !javaInitiates));
                EspSa newOut = rekeyed.replacement().outbound();
                assertThat(HostCommand.check(20, HostCommand.inNamespace(pair.namespace(Node.B), "swanctl",
                        "--list-sas", "--uri", vici))).contains(String.format("%08x", newOut.spi()))
                        .contains(String.format("%08x", rekeyed.replacement().inbound().spi()));
                relay.send(4500, new InetSocketAddress(B, 4500), sealUdp(newOut, child, "after rekey"));
                Await.poll(Duration.ofSeconds(10), () -> pair.inboundCounters(Node.B, newOut.spi())[1] > 0);
                assertThat(pair.inboundCounters(Node.B, newOut.spi())[1]).as("charon's inbound packets on the rekeyed SA")
                        .isGreaterThanOrEqualTo(1);

                // IKE SA rekey from the same side: new SPIs on both ends, the CHILD SA moves, ESP still flows.
                if (javaInitiates) {
                    s.rekeyIkeSa(Instant.now());
                } else {
                    HostCommand.start(pair.directory().resolve("rekey-ike.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--rekey", "--ike", "interop", "--uri", vici));
                }
                pump(s, relay, events, esps, () -> events.stream().anyMatch(e -> e instanceof IkeEvent.IkeSaRekeyed
                        || e instanceof IkeEvent.IkeSaRekeyFailed || e instanceof IkeEvent.SessionFailed));
                IkeEvent.IkeSaRekeyed ikeRekeyed = events.stream().filter(IkeEvent.IkeSaRekeyed.class::isInstance)
                        .map(IkeEvent.IkeSaRekeyed.class::cast).findFirst().orElseThrow(
                                () -> new AssertionError("no IKE SA rekey: " + events));
                String newIke = String.format("%016x", ikeRekeyed.initiatorSpi());
                String oldIke = String.format("%016x", ikeRekeyed.oldInitiatorSpi());
                String[] listSas = HostCommand.inNamespace(pair.namespace(Node.B), "swanctl", "--list-sas", "--uri", vici);
                // keep answering charon (its Delete of the old SA) while waiting for its view to settle
                pump(s, relay, events, esps, () -> {
                    try {
                        String now = HostCommand.check(20, listSas);
                        return now.contains(newIke) && !now.contains(oldIke);
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String afterIkeRekey = HostCommand.check(20, listSas);
                assertThat(afterIkeRekey).as("charon's SAs after the IKE SA rekey").contains(newIke)
                        .doesNotContain(oldIke).contains("ESTABLISHED")
                        .contains(String.format("%08x", newOut.spi()));
                long before = pair.inboundCounters(Node.B, newOut.spi())[1];
                relay.send(4500, new InetSocketAddress(B, 4500), sealUdp(newOut, child, "after IKE rekey"));
                Await.poll(Duration.ofSeconds(10), () -> pair.inboundCounters(Node.B, newOut.spi())[1] > before);
                assertThat(pair.inboundCounters(Node.B, newOut.spi())[1]).as("charon's inbound packets after the IKE rekey")
                        .isGreaterThan(before);
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);

                // Delete from either side: ours when we initiated, charon's when it did.
                if (javaInitiates) {
                    s.close(Instant.now());
                } else {
                    HostCommand.start(pair.directory().resolve("terminate.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--terminate", "--ike", "interop", "--uri", vici));
                }
                pump(s, relay, events, esps, () -> events.stream().anyMatch(IkeEvent.IkeSaDeleted.class::isInstance));
                assertThat(events).contains(new IkeEvent.IkeSaDeleted(!javaInitiates));
                assertThat(s.state()).isEqualTo(IkeSessionState.CLOSED);
                Await.poll(Duration.ofSeconds(10), () -> !HostCommand.check(20, listSas).contains("ESTABLISHED"));
                String after = HostCommand.check(20, listSas);
                assertThat(after).as("charon's SAs after the delete").doesNotContain("ESTABLISHED");
            }
        }
    }

    /**
     * ESP both ways on the CHILD SA {@code installed}: a packet sealed by our outbound SA raises
     * charon's inbound counters, and a UDP packet charon sends from B's subnet, ending in {@code
     * text}, opens with our inbound SA (an ICMP error about our packet may come first, so every ESP
     * packet from charon is opened).
     */
    static void espBothWays(StrongSwanPair pair, IkeSession s, RelayProcess relay, List<IkeEvent> events,
            List<RelayProcess.Received> esps, IkeEvent.ChildSaInstalled installed, Child child, String text)
            throws Exception {
        relay.send(4500, new InetSocketAddress(B, 4500), sealUdp(installed.outbound(), child, "from ipsec4j"));
        Await.until("charon's inbound packets", Duration.ofSeconds(10),
                () -> pair.inboundCounters(Node.B, installed.outbound().spi())[1] > 0);
        pair.sendUdp(Node.B, child.responderAddress(), 7001, child.initiatorAddress(), 7002,
                List.of(text.getBytes(StandardCharsets.US_ASCII)));
        List<String> opened = new ArrayList<>();
        pump(s, relay, events, esps, () -> {
            while (!esps.isEmpty()) {
                opened.add(open(installed.inbound(), esps.remove(0).datagram()));
            }
            return opened.stream().anyMatch(o -> o.endsWith(text));
        });
        assertThat(opened).as("ESP from charon, opened").anyMatch(o -> o.endsWith(text));
    }

    /** Opens an ESP packet with {@code in}; returns the inner packet as ISO-8859-1 text, or the error. */
    static String open(EspSa in, byte[] esp) {
        try {
            ByteBuf buf = Unpooled.wrappedBuffer(esp);
            in.open(buf);
            byte[] inner = new byte[buf.readableBytes()];
            buf.readBytes(inner);
            return new String(inner, StandardCharsets.ISO_8859_1);
        } catch (io.ipsec4j.esp.EspException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Moves datagrams between the session and the relay until {@code done} or 30 s pass. */
    static void pump(IkeSession s, RelayProcess relay, List<IkeEvent> events, List<RelayProcess.Received> esps,
            java.util.function.BooleanSupplier done) throws Exception {
        pump(s, relay, events, esps, done, d -> { }, d -> { }, Duration.ofSeconds(30));
    }

    /**
     * Like the other {@code pump}, showing every IKE datagram we send to {@code sent} and receive to
     * {@code received}, until {@code done} or {@code bound} passes.
     */
    static void pump(IkeSession s, RelayProcess relay, List<IkeEvent> events, List<RelayProcess.Received> esps,
            java.util.function.BooleanSupplier done, java.util.function.Consumer<byte[]> sent,
            java.util.function.Consumer<byte[]> received, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            for (var t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
                sent.accept(t.get().datagram());
                relay.send(t.get().source().getPort(), t.get().destination(), t.get().datagram());
            }
            s.pollEvent().ifPresent(events::add);
            RelayProcess.Received r = relay.poll(100);
            if (r != null) {
                byte[] d = r.datagram();
                boolean esp = r.to().getPort() == 4500 && d.length > 8 && !EspUdpEncapsulation.hasNonEspMarker(d);
                if (esp) {
                    esps.add(r);
                } else if (d.length != 1) { // a one-byte NAT-keepalive is not IKE
                    received.accept(d);
                    s.handleDatagram(d, r.from(), r.to(), Instant.now());
                }
            }
            Instant now = Instant.now();
            if (s.pollTimeout().filter(w -> !w.isAfter(now)).isPresent()) {
                s.handleTimeout(now);
            }
        }
        for (var e = s.pollEvent(); e.isPresent(); e = s.pollEvent()) {
            events.add(e.get());
        }
    }


    /** Stops the charon of {@code node} (started by the pair), by its pid, so that our engine takes its place. */
    static void stopCharon(StrongSwanPair pair, Node node) throws Exception {
        String pids = HostCommand.check(10, "ip", "netns", "pids", pair.namespace(node));
        for (String pid : pids.trim().split("\\s+")) {
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
            }
        }
        Await.poll(Duration.ofSeconds(5), () -> HostCommand.check(10, "ip", "netns", "pids", pair.namespace(node)).isBlank());
    }

    static Tunnel tunnel(String ike, String esp, Child child) {
        return Tunnel.builder().name("interop").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(StrongSwanPair.PSK))
                        .remotePublicIp(IpAddress.parse(B)).localPublicIp(IpAddress.parse(A))
                        .localId(Identity.userFqdn("a@interop.test")).remoteId(Identity.userFqdn("b@interop.test"))
                        .addProposals(IkeProposal.parse(ike)).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse(child.initiatorAddress() + "/32"))
                        .addRemoteSubnets(TrafficSelector.parse(child.responderAddress() + "/32"))
                        .addProposals(EspProposal.parse(esp)).build())
                .build();
    }

    /** An IPv4/UDP packet from A's subnet to B's, sealed by {@code out}: the ESP-in-UDP payload. */
    static byte[] sealUdp(EspSa out, Child child, String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        int length = 28 + payload.length;
        ByteBuf ip = Unpooled.buffer(out.headroomBytes() + length + out.maxTrailerBytes());
        ip.writerIndex(out.headroomBytes()).readerIndex(out.headroomBytes());
        ip.writeByte(0x45).writeByte(0).writeShort(length).writeInt(0).writeByte(64).writeByte(17).writeShort(0);
        ip.writeBytes(IpAddress.parse(child.initiatorAddress()).toByteArray());
        ip.writeBytes(IpAddress.parse(child.responderAddress()).toByteArray());
        ip.setShort(ip.readerIndex() + 10, ipChecksum(ip, ip.readerIndex()));
        ip.writeShort(7002).writeShort(7001).writeShort(8 + payload.length).writeShort(0).writeBytes(payload);
        out.sealTunnel(ip);
        byte[] d = new byte[ip.readableBytes()];
        ip.readBytes(d);
        return d;
    }

    private static int ipChecksum(ByteBuf b, int start) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getUnsignedShort(start + i);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return ~sum & 0xFFFF;
    }
}
