package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.model.Bytes;
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
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTest {
    /** The one suite the loopback responder below accepts. */
    private static final IkeProposal ACCEPTED = IkeProposal.parse("aes128gcm16-prfsha256-ecp256");

    @Test
    void probesALoopbackResponderThroughTheDriverAndComparesWithATunnel(@TempDir Path dir) throws Exception {
        Path tunnelFile = dir.resolve("tunnel.json");
        Files.writeString(tunnelFile, TunnelJson.write(tunnel("aes128gcm16-prfsha256-ecp256", "aes256-sha256-modp2048"),
                SecretOutput.REVEAL));
        try (DatagramSocket socket = loopbackResponder()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Probe.run(new String[] {"127.0.0.1",
                    "--port", Integer.toString(socket.getLocalPort()), "--delay-ms", "0", "--timeout-ms", "3000",
                    "--max-probes", "80", "--tunnel", tunnelFile.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(code).isZero();
            assertThat(text).contains("proposals = aes128gcm16-prfsha256-ecp256\n", "preferred: aes128gcm16-prfsha256-ecp256",
                    "key exchange: ecp256\n", "complete", "ACCEPTED aes128gcm16-prfsha256-ecp256",
                    "REJECTED aes256-sha256-modp2048: no overlap in encryption [aes256], integrity [sha256]");
        }
    }

    @Test
    void offerLimitsTheTransformsAskedAbout() throws Exception {
        try (DatagramSocket socket = loopbackResponder()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Probe.run(new String[] {"127.0.0.1",
                    "--port", Integer.toString(socket.getLocalPort()), "--delay-ms", "0", "--max-probes", "10",
                    "--offer", "aes128gcm16-prfsha256-ecp256, aes256-sha256-modp2048"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(code).isZero();
            assertThat(text).contains("proposals = aes128gcm16-prfsha256-ecp256\n", "(complete, ",
                    "encryption: aes128gcm16\n", "key exchange: ecp256\n").doesNotContain("unanswered");
        }
    }

    @Test
    void anIdentityIsOnlyForAggressiveMode() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Probe.run(new String[] {"192.0.2.2", "--ikev1", "--id", "a@interop.test"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--id is only sent in IKEv1 Aggressive Mode");
    }

    @Test
    void badArgumentsPrintTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Probe.run(new String[] {"--ikev3"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument: --ikev3", "usage: Probe HOST");
    }

    private static Tunnel tunnel(String... proposals) {
        PhaseOne.Builder one = PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of("example-only"))
                .remotePublicIp(IpAddress.parse("192.0.2.2")).localPublicIp(IpAddress.parse("192.0.2.1"));
        for (String p : proposals) {
            one.addProposals(IkeProposal.parse(p));
        }
        return Tunnel.builder().name("branch").gateway("gw").routing(RoutingMode.POLICY_BASED).phaseOne(one.build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }

    /** Answers IKE_SA_INIT requests like a responder configured with {@link #ACCEPTED} only. */
    /** A loopback socket answered by {@link #serve} on a daemon thread (it ends when the socket closes). */
    private static DatagramSocket loopbackResponder() throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread responder = new Thread(() -> serve(socket));
        responder.setDaemon(true);
        responder.start();
        return socket;
    }

    private static void serve(DatagramSocket socket) {
        IkeMessageDecoder decoder = new IkeMessageDecoder();
        byte[] buf = new byte[65535];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                IkeMessage m = decoder.decode(Unpooled.wrappedBuffer(buf, 0, p.getLength()));
                byte[] answer = IkeMessageEncoder.encodeToBytes(answer(m)).toByteArray();
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            }
        } catch (SocketException closed) {
            // the test closed the socket
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static IkeMessage answer(IkeMessage m) {
        IkeHeader h = IkeHeader.of(m.header().initiatorSpi(), 42, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        for (IkeSaProposal offered : m.payload(IkeSaPayload.class).orElseThrow().proposals()) {
            Optional<IkeProposal> o = IkeSaProposals.toIkeProposal(offered);
            if (o.isEmpty() || !o.get().encryption().containsAll(ACCEPTED.encryption())
                    || !o.get().prf().containsAll(ACCEPTED.prf()) || !o.get().keyExchange().containsAll(ACCEPTED.keyExchange())) {
                continue;
            }
            IkeKePayload ke = m.payload(IkeKePayload.class).orElseThrow();
            if (!ACCEPTED.keyExchange().contains(ke.method())) {
                return new IkeMessage(h, List.of(IkeNotifyPayload.invalidKePayload(ACCEPTED.keyExchange().get(0))));
            }
            List<IkePayload> payloads = new ArrayList<>();
            payloads.add(new IkeSaPayload(List.of(IkeSaProposals.fromIkeProposal(offered.number(), ACCEPTED, Bytes.EMPTY))));
            payloads.add(ke);
            payloads.add(new IkeNoncePayload(Bytes.of(new byte[32])));
            return new IkeMessage(h, payloads);
        }
        return new IkeMessage(h, List.of(IkeNotifyPayload.status(IkeNotifyType.NO_PROPOSAL_CHOSEN)));
    }
}
