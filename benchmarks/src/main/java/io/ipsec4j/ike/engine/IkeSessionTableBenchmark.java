package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspBenchmarkBase;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an {@link IkeSessionTable} adds per datagram on a gateway with {@code sessions} established
 * IKE SAs (all from one address, so only the SPIs tell them apart): one site retransmits its
 * IKE_AUTH request, which its session answers from the cached response (RFC 7296 §2.1).
 *
 * <p>{@code routed}: {@link IkeSessionTable#handleDatagram} plus taking the answer from the table;
 * {@code direct}: the same datagram to the same session's {@link IkeSession#handleDatagram} plus
 * taking the answer from the session. {@code routed / direct} is the table's share.
 */
@State(Scope.Thread)
public class IkeSessionTableBenchmark extends EspBenchmarkBase {
    private static final InetSocketAddress SITE = new InetSocketAddress("192.0.2.1", 500);
    private static final InetSocketAddress GATEWAY = new InetSocketAddress("198.51.100.2", 500);

    @Param({"1", "10000"})
    public int sessions;

    private IkeSessionTable table;
    private IkeSession session;
    private byte[] retransmitted;

    @Setup(Level.Trial)
    public void setup() {
        Tunnel site = Tunnel.builder().name("site").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of("bench-psk-0123456789"))
                        .remotePublicIp(IpAddress.of(GATEWAY.getAddress())).localPublicIp(IpAddress.of(SITE.getAddress()))
                        .addProposals(IkeProposal.parse("aes128gcm16-prfsha256-x25519")).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
        IkeSessionOptions options = IkeSessionOptions.defaults();
        SecureRandom random = new SecureRandom();
        table = IkeSessionTable.responder(IkeResponderTunnels.of(List.of(io.ipsec4j.model.check.TunnelMirror.of(site))),
                options, random, sessions);
        Instant now = Instant.EPOCH;
        for (int n = 0; n < sessions; n++) {
            IkeSession s = IkeSession.initiator(site, SITE, GATEWAY, options, random);
            s.initiate(now);
            List<byte[]> sent = new ArrayList<>();
            for (int round = 0; round < 4 && s.state() != IkeSessionState.ESTABLISHED; round++) {
                for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
                    sent.add(t.get().datagram());
                    table.handleDatagram(t.get().datagram(), t.get().source(), t.get().destination(), now);
                }
                for (Optional<IkeTransmit> t = table.pollTransmit(); t.isPresent(); t = table.pollTransmit()) {
                    s.handleDatagram(t.get().datagram(), t.get().destination(), t.get().source(), now);
                }
            }
            if (s.state() != IkeSessionState.ESTABLISHED) {
                throw new IllegalStateException("site " + n + " not established: " + s.state());
            }
            retransmitted = sent.get(1); // the IKE_AUTH request
            while (table.pollEvent().isPresent()) {
                // the CHILD SAs are not used here
            }
        }
        session = table.sessions().get(sessions - 1);
        if (table.size() != sessions) {
            throw new IllegalStateException(table.size() + " sessions, expected " + sessions);
        }
    }

    @Benchmark
    public Object routed() {
        table.handleDatagram(retransmitted, SITE, GATEWAY, Instant.EPOCH);
        return table.pollTransmit().orElseThrow();
    }

    @Benchmark
    public Object direct() {
        session.handleDatagram(retransmitted, SITE, GATEWAY, Instant.EPOCH);
        return session.pollTransmit().orElseThrow();
    }
}
