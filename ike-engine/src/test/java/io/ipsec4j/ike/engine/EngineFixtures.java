package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
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
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** Tunnels, addresses and deterministic randomness for engine tests. */
final class EngineFixtures {
    static final InetSocketAddress INITIATOR = new InetSocketAddress("192.0.2.1", 500);
    static final InetSocketAddress RESPONDER = new InetSocketAddress("198.51.100.2", 500);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String PSK = "q7Hn2._Zr9fKx4TwLp8sVb3M";

    private EngineFixtures() {
    }

    /** The initiator's tunnel: 10.1.0.0/16 (ours) to 10.2.0.0/16 (theirs). */
    static Tunnel.Builder tunnel(String ike, String esp) {
        return Tunnel.builder().name("t").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(PSK))
                        .remotePublicIp(IpAddress.of(RESPONDER.getAddress()))
                        .localPublicIp(IpAddress.of(INITIATOR.getAddress()))
                        .addProposals(IkeProposal.parse(ike)).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse(esp)).build());
    }

    static Tunnel initiatorTunnel() {
        return tunnel("aes256gcm16-prfsha384-ecp384", "aes256gcm16").build();
    }

    static Tunnel mirror(Tunnel t) {
        return TunnelMirror.of(t);
    }

    /** A seeded, hence repeatable, SecureRandom. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static IkeSession initiator(Tunnel t, IkeSessionOptions o, long seed) {
        return IkeSession.initiator(t, INITIATOR, RESPONDER, o, seeded(seed));
    }

    static IkeSession responder(Tunnel t, IkeSessionOptions o, long seed) {
        return IkeSession.responder(t, RESPONDER, o, seeded(seed));
    }

    /** Decodes the IKE message of a datagram with or without the non-ESP marker; empty if it is not IKE. */
    static Optional<IkeMessage> ike(byte[] datagram) {
        byte[] d = EspUdpEncapsulation.hasNonEspMarker(datagram)
                ? Arrays.copyOfRange(datagram, EspUdpEncapsulation.NON_ESP_MARKER_BYTES, datagram.length) : datagram;
        try {
            return Optional.of(new IkeMessageDecoder().decode(Unpooled.wrappedBuffer(d)));
        } catch (IkeProtocolException e) {
            return Optional.empty();
        }
    }
}
