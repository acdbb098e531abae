package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One Java gateway, two strongSwan sites: node A's charon is stopped and an {@link IkeSessionTable}
 * over {@link IkeResponderTunnels} answers from A's address; node B's charon plays two customer
 * sites that initiate at the same moment, from two addresses (192.0.2.2 and 192.0.2.3), with their
 * own IDs, PSKs, IKE and ESP proposals and subnets. A decoy tunnel listed first expects site 1's ID
 * from another address, so a choice by ID alone would pick it and fail authentication. Checks that
 * each site gets its own tunnel (charon lists both IKE SAs ESTABLISHED with our SPIs), that ESP
 * flows both ways on each CHILD SA (charon's inbound counters rise; its packets open with the right
 * inbound SA), and that a Delete from charon ends one session and leaves the other up until we
 * close it.
 */
@Tag("interop")
class IkeResponderTunnelsInteropTest {
    private static final String A = "192.0.2.1";
    private static final String B1 = "192.0.2.2";
    private static final String B2 = "192.0.2.3";

    /** One customer site on node B. */
    private record Site(String name, String address, String psk, String ike, Child child) {
        String id() {
            return name + "@interop.test";
        }

        /** The gateway's (our) view of the site's tunnel. */
        Tunnel tunnel(String remoteAddress) {
            return Tunnel.builder().name(name).gateway("gw").routing(RoutingMode.POLICY_BASED)
                    .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(psk))
                            .remotePublicIp(IpAddress.parse(remoteAddress)).localPublicIp(IpAddress.parse(A))
                            .localId(Identity.userFqdn("gw@interop.test")).remoteId(Identity.userFqdn(id()))
                            .addProposals(IkeProposal.parse(ike)).build())
                    .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse(child.initiatorAddress() + "/32"))
                            .addRemoteSubnets(TrafficSelector.parse(child.responderAddress() + "/32"))
                            .addProposals(EspProposal.parse(child.espProposal)).build())
                    .build();
        }

        String swanctl() {
            return "  " + name + " {\n    version = 2\n    local_addrs = " + address + "\n    remote_addrs = " + A
                    + "\n    proposals = " + ike + "\n    encap = yes\n"
                    + "    local {\n      auth = psk\n      id = " + id() + "\n    }\n"
                    + "    remote {\n      auth = psk\n      id = gw@interop.test\n    }\n"
                    + "    children {\n      " + child.name + " {\n        local_ts = " + child.responderAddress()
                    + "/32\n        remote_ts = " + child.initiatorAddress() + "/32\n        esp_proposals = "
                    + child.espProposal + "\n      }\n    }\n  }\n";
        }

        String secret() {
            return "  ike-" + name + " {\n    id-site = " + id() + "\n    id-gw = gw@interop.test\n    secret = " + psk
                    + "\n  }\n";
        }
    }

    private static final Site SITE1 = new Site("site1", B1, "site1-psk-7Hn2Zr9fKx4TwLp8", "aes128-sha1-modp1024",
            new Child("net1", "aes128-sha1", 1));
    private static final Site SITE2 = new Site("site2", B2, "site2-psk-q9Vb3MZr9fKx4TwLp",
            "aes256gcm16-prfsha384-ecp384", new Child("net2", "aes256gcm16", 2));

    @Test
    void twoSitesInitiatingAtOnceEachGetTheirTunnelAndCarryEsp() throws Exception {
        InteropEnvironment.assumeAvailable();
        try (StrongSwanPair pair = new StrongSwanPair(List.of(SITE1.child(), SITE2.child()))) {
            pair.start();
            IkeEngineStrongSwanInteropTest.stopCharon(pair, Node.A);
            String ns = pair.namespace(Node.B);
            HostCommand.check(10, HostCommand.inNamespace(ns, "ip", "addr", "add", B2 + "/24", "dev",
                    pair.veth(Node.B)));
            Path conf = pair.directory().resolve("B").resolve("sites.conf");
            Files.writeString(conf, "connections {\n" + SITE1.swanctl() + SITE2.swanctl() + "}\nsecrets {\n"
                    + SITE1.secret() + SITE2.secret() + "}\n", StandardCharsets.UTF_8);
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            HostCommand.check(20, HostCommand.inNamespace(ns, "swanctl", "--load-all", "--file", conf.toString(),
                    "--uri", vici));

            Tunnel decoy = Tunnel.builder().from(SITE1.tunnel("192.0.2.9")).name("decoy")
                    .phaseOne(PhaseOne.builder().from(SITE1.tunnel("192.0.2.9").phaseOne())
                            .sharedSecret(Secret.of("decoy-psk-Zr9fKx4TwLp8q9Vb")).build())
                    .build();
            IkeSessionTable gateway = IkeSessionTable.responder(IkeResponderTunnels.of(List.of(decoy,
                    SITE1.tunnel(B1), SITE2.tunnel(B2))), IkeSessionOptions.defaults(), new SecureRandom(), 8);
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                List<IkeSessionTable.SessionEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                for (Site site : List.of(SITE1, SITE2)) {
                    HostCommand.start(pair.directory().resolve("initiate-" + site.name() + ".out"),
                            HostCommand.inNamespace(ns, "swanctl", "--initiate", "--child", site.child().name,
                                    "--uri", vici));
                }
                pump(gateway, relay, events, esps, () -> installed(events).size() == 2
                        || events.stream().anyMatch(e -> e.event() instanceof IkeEvent.SessionFailed));
                assertThat(installed(events)).as("CHILD SAs installed: %s", events).hasSize(2);
                assertThat(gateway.size()).isEqualTo(2);

                String sas = HostCommand.check(20, HostCommand.inNamespace(ns, "swanctl", "--list-sas", "--uri", vici));
                for (Site site : List.of(SITE1, SITE2)) {
                    IkeSessionTable.SessionEvent e = installedFor(events, site);
                    IkeEvent.ChildSaInstalled child = (IkeEvent.ChildSaInstalled) e.event();
                    assertThat(e.session().remoteAddress()).contains(new InetSocketAddress(site.address(), 4500));
                    assertThat(child.proposal()).isEqualTo(EspProposal.parse(site.child().espProposal));
                    assertThat(sas).contains(site.name() + ": #").contains(String.format("%08x", child.outbound().spi()))
                            .contains(String.format("%08x", child.inbound().spi()));

                    // Our ESP in: charon's inbound counters of this site's SA rise.
                    relay.send(4500, new InetSocketAddress(site.address(), 4500),
                            IkeEngineStrongSwanInteropTest.sealUdp(child.outbound(), site.child(), "to " + site.name()));
                    Await.poll(Duration.ofSeconds(10), () -> pair.inboundCounters(Node.B, child.outbound().spi())[1] > 0);

                    // charon's ESP out of this site: opens with this site's inbound SA.
                    pair.sendUdp(Node.B, site.child().responderAddress(), 7001, site.child().initiatorAddress(), 7002,
                            List.of(("from " + site.name()).getBytes(StandardCharsets.US_ASCII)));
                    List<String> opened = new ArrayList<>();
                    pump(gateway, relay, events, esps, () -> {
                        for (RelayProcess.Received r : List.copyOf(esps)) {
                            if (ByteBuffer.wrap(r.datagram()).getInt() == child.inbound().spi()) {
                                opened.add(IkeEngineStrongSwanInteropTest.open(child.inbound(), r.datagram()));
                                esps.remove(r);
                            }
                        }
                        return opened.stream().anyMatch(o -> o.endsWith("from " + site.name()));
                    });
                    assertThat(opened).as("ESP of %s, opened", site.name()).anyMatch(o -> o.endsWith("from " + site.name()));
                }

                // charon deletes site 1: its session ends and leaves the table; site 2 stays up.
                IkeSession one = installedFor(events, SITE1).session();
                IkeSession two = installedFor(events, SITE2).session();
                HostCommand.start(pair.directory().resolve("terminate.out"), HostCommand.inNamespace(ns, "swanctl",
                        "--terminate", "--ike", SITE1.name(), "--uri", vici));
                pump(gateway, relay, events, esps, () -> one.state() == IkeSessionState.CLOSED);
                assertThat(events).contains(new IkeSessionTable.SessionEvent(one, new IkeEvent.IkeSaDeleted(true)));
                assertThat(gateway.sessions()).containsExactly(two);
                assertThat(two.state()).isEqualTo(IkeSessionState.ESTABLISHED);

                // We close site 2: charon has no SA left.
                two.close(Instant.now());
                gateway.update(two);
                pump(gateway, relay, events, esps, () -> two.state() == IkeSessionState.CLOSED);
                assertThat(gateway.size()).isZero();
                String[] listSas = HostCommand.inNamespace(ns, "swanctl", "--list-sas", "--uri", vici);
                Await.poll(Duration.ofSeconds(10), () -> !HostCommand.check(20, listSas).contains("ESTABLISHED"));
                assertThat(HostCommand.check(20, listSas)).doesNotContain("ESTABLISHED");
                System.out.printf("two sites on one Java gateway: %d events, sessions chosen %s%n", events.size(),
                        installed(events).stream().map(e -> e.session().tunnel().name()).toList());
            }
        }
    }

    private static List<IkeSessionTable.SessionEvent> installed(List<IkeSessionTable.SessionEvent> events) {
        return events.stream().filter(e -> e.event() instanceof IkeEvent.ChildSaInstalled).toList();
    }

    private static IkeSessionTable.SessionEvent installedFor(List<IkeSessionTable.SessionEvent> events, Site site) {
        return installed(events).stream().filter(e -> e.session().tunnel().name().equals(site.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no CHILD SA for " + site.name() + ": " + events));
    }

    /**
     * Moves datagrams between the table and the relay until {@code done} or 30 s pass; what the
     * table calls NOT_IKE (ESP; not the one-byte NAT keepalive) goes to {@code esps}.
     */
    private static void pump(IkeSessionTable table, RelayProcess relay, List<IkeSessionTable.SessionEvent> events,
            List<RelayProcess.Received> esps, BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            for (var t = table.pollTransmit(); t.isPresent(); t = table.pollTransmit()) {
                relay.send(t.get().source().getPort(), t.get().destination(), t.get().datagram());
            }
            for (var e = table.pollEvent(); e.isPresent(); e = table.pollEvent()) {
                events.add(e.get());
            }
            RelayProcess.Received r = relay.poll(100);
            if (r != null && table.handleDatagram(r.datagram(), r.from(), r.to(), Instant.now())
                    == IkeSessionTable.Outcome.NOT_IKE && r.datagram().length > 1) {
                esps.add(r);
            }
            Instant now = Instant.now();
            if (table.pollTimeout().filter(w -> !w.isAfter(now)).isPresent()) {
                table.handleTimeout(now);
            }
        }
        for (var e = table.pollEvent(); e.isPresent(); e = table.pollEvent()) {
            events.add(e.get());
        }
    }
}
