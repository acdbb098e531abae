package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.crypto.KeyExchangeResponse;
import io.ipsec4j.esp.EspBenchmarkBase;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.check.TunnelMirror;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * IKE SA plus first CHILD SA establishments per second on one core: a Java initiator and a Java
 * responder {@link IkeSession} exchanging IKE_SA_INIT and IKE_AUTH in memory (no sockets), with
 * AES-128-GCM, PRF-HMAC-SHA256 and the {@code group} key exchange, PSK authentication and an
 * AES-128-GCM CHILD SA.
 *
 * <p>{@code establish}: both sessions from construction to both {@link IkeEvent.ChildSaInstalled}
 * (four datagrams, both SAs' keys, both AUTH checks, the ESP SAs). {@code keyExchangeOnly}: the key
 * exchange work inside one establishment (initiator key pair, responder key pair and shared secret,
 * initiator shared secret); {@code establish − keyExchangeOnly} is the rest of the engine.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IkeEngineBenchmark extends EspBenchmarkBase {
    private static final InetSocketAddress A = new InetSocketAddress("192.0.2.1", 500);
    private static final InetSocketAddress B = new InetSocketAddress("198.51.100.2", 500);

    @Param({"ecp256", "x25519"})
    public String group;

    private Tunnel initiatorTunnel;
    private Tunnel responderTunnel;
    private KeyExchangeMethod method;
    private final CryptoProviders providers = CryptoProviders.defaults();
    private final SecureRandom random = new SecureRandom();
    private final IkeSessionOptions options = IkeSessionOptions.defaults();

    @Setup(Level.Trial)
    public void setup() {
        IkeProposal ike = IkeProposal.parse("aes128gcm16-prfsha256-" + group);
        method = ike.keyExchange().get(0);
        initiatorTunnel = Tunnel.builder().name("bench").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of("bench-psk-0123456789"))
                        .remotePublicIp(IpAddress.of(B.getAddress())).localPublicIp(IpAddress.of(A.getAddress()))
                        .addProposals(ike).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
        responderTunnel = TunnelMirror.of(initiatorTunnel);
    }

    @Benchmark
    public Object establish() {
        Instant now = Instant.EPOCH;
        IkeSession i = IkeSession.initiator(initiatorTunnel, A, B, options, random);
        IkeSession r = IkeSession.responder(responderTunnel, B, options, random);
        i.initiate(now);
        Object last = null;
        for (int round = 0; round < 8 && i.state() != IkeSessionState.ESTABLISHED; round++) {
            forward(i, r, now);
            forward(r, i, now);
        }
        int children = 0;
        for (IkeSession s : new IkeSession[] {i, r}) {
            for (Optional<IkeEvent> e = s.pollEvent(); e.isPresent(); e = s.pollEvent()) {
                if (e.get() instanceof IkeEvent.ChildSaInstalled c) {
                    children++;
                    c.inbound().close();
                    c.outbound().close();
                    last = c;
                }
            }
        }
        if (children != 2) {
            throw new IllegalStateException("not established: " + i.state() + " / " + r.state());
        }
        return last;
    }

    @Benchmark
    public Object keyExchangeOnly() throws CryptoException {
        try (KeyExchange initiator = KeyExchange.generate(method, providers, random)) {
            KeyExchangeResponse response = KeyExchange.respond(method, initiator.publicValue(), providers, random);
            response.sharedSecret().destroy();
            SecretBytes secret = initiator.computeSharedSecret(response.publicValue());
            secret.destroy();
            return response;
        }
    }

    private static void forward(IkeSession from, IkeSession to, Instant now) {
        for (Optional<IkeTransmit> t = from.pollTransmit(); t.isPresent(); t = from.pollTransmit()) {
            to.handleDatagram(t.get().datagram(), t.get().source(), t.get().destination(), now);
        }
    }
}
