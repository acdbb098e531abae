package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
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
import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.v1.IkeV1HashPayload;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.probe.IkeProbeKeyShares;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live: the {@code Probe} example, run inside node A's network namespace, probes node B's charon
 * (192.0.2.2, an address inside the test's own namespaces) configured with a known, non-default
 * proposal list, and must print exactly that list: IKEv2 with charon demanding a COOKIE on every
 * IKE_SA_INIT ({@code cookie_threshold = 1}), IKEv1 Main Mode, and IKEv1 Aggressive Mode with a
 * pre-shared key (the probe presents A's identity and never authenticates). The datagrams are
 * recorded ({@code Probe --record}) and checked: COOKIEs received and answered, no second message
 * of any exchange, no HASH. Its output is logged for the closing note. Skips without
 * root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class ProbeStrongSwanInteropTest {
    private static final IkeDatagramDecoder DECODER = new IkeDatagramDecoder();

    record Scenario(String name, String proposals, IkeVersion version, String strongswanConf, String connection,
            List<String> probeArgs, String recording, boolean halfOpenFirst) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                new Scenario("IKEv2 responder demanding cookies", "aes256-sha256-modp2048, aes128gcm16-prfsha256-ecp256",
                        IkeVersion.IKEV2, "  cookie_threshold = 1\n", "", List.of("--max-probes", "200"),
                        "charon-ikev2-cookie", true),
                new Scenario("IKEv1 main mode responder", "aes256-sha256-modp2048, aes128-sha1-modp3072",
                        IkeVersion.IKEV1_MAIN, "", "    version = 1\n", List.of("--ikev1", "--max-probes", "100"),
                        "charon-ikev1-main", false),
                new Scenario("IKEv1 aggressive mode responder", "aes256-sha256-modp2048, aes128-sha1-modp3072",
                        IkeVersion.IKEV1_AGGRESSIVE, "  i_dont_care_about_security_and_use_aggressive_mode_psk = yes\n",
                        "    version = 1\n    aggressive = yes\n", List.of("--aggressive", "--id", "a@interop.test",
                        "--max-probes", "100"), "charon-ikev1-aggressive", false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theProbeFindsExactlyTheConfiguredProposals(Scenario s) throws Exception {
        InteropEnvironment.assumeAvailable();
        boolean ikeV1 = s.version().isV1();
        Path recording = recording(s);
        String output;
        String responderLog;
        String responderSas;
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child("net", "aes128gcm16", 1)))) {
            pair.ikeProposal(s.proposals()).strongswanConfExtra(s.strongswanConf()).connectionExtra(s.connection());
            pair.start();
            if (s.halfOpenFirst()) {
                leaveAHalfOpenIkeSa(pair);
            }
            Path tunnel = pair.directory().resolve("tunnel.json");
            Files.writeString(tunnel, TunnelJson.write(tunnel(ikeV1, pair.address(Node.B), pair.address(Node.A)),
                    SecretOutput.REVEAL)); // a dummy PSK: Probe never uses it
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(HostCommand.inNamespace(pair.namespace(Node.A), java,
                    "-cp", System.getProperty("java.class.path"), Probe.class.getName(), pair.address(Node.B),
                    "--delay-ms", "20", "--timeout-ms", "3000", "--tunnel", tunnel.toString(),
                    "--record", recording.toString())));
            cmd.addAll(s.probeArgs());
            output = HostCommand.check(300, cmd.toArray(new String[0]));
            responderSas = pair.listSas(Node.B);
            responderLog = Files.readString(pair.directory().resolve(Node.B.name()).resolve("charon.log"));
        }
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "Probe against charon ({0}: {1}):\n{2}",
                s, s.proposals(), output);
        String line = output.lines().filter(l -> l.startsWith("proposals = ")).findFirst().orElseThrow();
        List<String> found = Arrays.asList(line.substring("proposals = ".length()).split(", "));
        List<String> configured = Arrays.stream(s.proposals().split(","))
                .map(p -> IkeProposal.parse(p.trim()).toStrongSwan()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(configured);
        assertThat(output).contains("IKE version: " + s.version() + " (complete,", "preferred: " + configured.get(0),
                "ACCEPTED " + configured.get(0), "REJECTED aes128-sha1-modp1024", "fragmentation: yes\n",
                "NAT traversal: yes\n");
        assertThat(output).doesNotContain("unanswered");
        if (ikeV1) {
            assertThat(output).contains("vendor IDs: ").contains("XAUTH", "Dead Peer Detection", "FRAGMENTATION",
                    "RFC 3947 NAT-T");
        }

        List<byte[]> sent = datagrams(recording, "> ");
        List<byte[]> received = datagrams(recording, "< ");
        assertThat(output).contains("(complete, " + sent.size() + " datagrams sent)");
        for (byte[] d : sent) { // first messages only: nothing to authenticate, no HASH/AUTH, nothing encrypted
            IkeDatagramDecoder.Decoded m = DECODER.decode(Unpooled.wrappedBuffer(d), false);
            if (ikeV1) {
                IkeV1Message v1 = m.ikeV1().orElseThrow();
                assertThat(v1.header().responderCookie()).isZero();
                assertThat(v1.header().messageId()).isZero();
                assertThat(v1.header().encrypted()).isFalse();
                assertThat(v1.payloads()).noneMatch(p -> p instanceof IkeV1HashPayload);
            } else {
                IkeMessage v2 = m.ikeV2().orElseThrow();
                assertThat(v2.header().exchangeType()).isEqualTo(IkeExchangeType.IKE_SA_INIT);
                assertThat(v2.header().responderSpi()).isZero();
            }
            assertThat(HexFormat.of().formatHex(d)).doesNotContain(
                    HexFormat.of().formatHex(StrongSwanPair.PSK.getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(responderLog).doesNotContain("established between");
        assertThat(responderSas).doesNotContain("ESTABLISHED");
        if (s.version() == IkeVersion.IKEV2) {
            int cookies = cookiesAnswered(sent, received);
            // charon demanded a COOKIE from the very first IKE_SA_INIT on
            assertThat(DECODER.decode(Unpooled.wrappedBuffer(received.get(0)), false).ikeV2().orElseThrow()
                    .notify(IkeNotifyType.COOKIE)).isPresent();
            assertThat(cookies).isPositive();
            assertThat(output).contains("COOKIE: asked " + cookies + " times, answered " + cookies + " times");
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "{0}: {1} datagrams sent, {2} received, {3} COOKIEs received and answered", s, sent.size(),
                    received.size(), cookies);
        } else {
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "{0}: {1} datagrams sent, {2} received",
                    s, sent.size(), received.size());
            assertThat(output).contains("COOKIE: never asked");
        }
        if (s.version() == IkeVersion.IKEV1_AGGRESSIVE) {
            // charon selected a proposal and answered with its HASH_R: it could have been completed, but was not
            assertThat(responderLog).contains("is initiating a Aggressive Mode IKE_SA");
            assertThat(received).anySatisfy(d -> assertThat(DECODER.decode(Unpooled.wrappedBuffer(d), false).ikeV1()
                    .orElseThrow().payloads()).anyMatch(p -> p instanceof IkeV1HashPayload));
        }
    }

    /**
     * Sends one acceptable IKE_SA_INIT from another port of A and waits until charon answered it:
     * its half-open IKE SA (kept for charon's 30 s half-open timeout) reaches {@code
     * cookie_threshold = 1}, so charon demands a COOKIE from the probe's very first IKE_SA_INIT on.
     */
    private static void leaveAHalfOpenIkeSa(StrongSwanPair pair) throws Exception {
        IkeProposal offer = IkeProposal.parse("aes256-sha256-modp2048");
        SecureRandom random = new SecureRandom();
        Bytes share = IkeProbeKeyShares.generating(random).publicValue(KeyExchangeMethod.MODP_2048).orElseThrow();
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        IkeHeader h = IkeHeader.of(random.nextLong() | 1, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0);
        byte[] request = IkeMessageEncoder.encodeToBytes(new IkeMessage(h, List.of(
                new IkeSaPayload(List.of(IkeSaProposals.fromIkeProposal(1, offer, Bytes.EMPTY))),
                new IkeKePayload(KeyExchangeMethod.MODP_2048, share), new IkeNoncePayload(Bytes.of(nonce))))).toByteArray();
        pair.sendUdp(Node.A, pair.address(Node.A), 40_500, pair.address(Node.B), 500, List.of(request));
        Path log = pair.directory().resolve(Node.B.name()).resolve("charon.log");
        Await.until("charon answering the first IKE_SA_INIT", Duration.ofSeconds(10),
                () -> Files.readString(log).contains("sending packet: from " + pair.address(Node.B) + "[500] to "
                        + pair.address(Node.A) + "[40500]"));
    }

    /**
     * Counts the COOKIE notifies received whose cookie a later request carried first, and checks
     * that every COOKIE received was answered so.
     */
    private static int cookiesAnswered(List<byte[]> sent, List<byte[]> received) throws Exception {
        List<Bytes> cookies = new ArrayList<>();
        for (byte[] d : received) {
            DECODER.decode(Unpooled.wrappedBuffer(d), false).ikeV2().flatMap(m -> m.notify(IkeNotifyType.COOKIE))
                    .ifPresent(n -> cookies.add(n.data()));
        }
        List<Bytes> repeated = new ArrayList<>();
        for (byte[] d : sent) {
            List<IkePayload> payloads = DECODER.decode(Unpooled.wrappedBuffer(d), false).ikeV2().orElseThrow().payloads();
            if (payloads.get(0) instanceof IkeNotifyPayload n && n.notifyType().equals(IkeNotifyType.COOKIE)) {
                repeated.add(n.data()); // an INVALID_KE_PAYLOAD retry repeats a cookie once more
            }
        }
        int answered = (int) cookies.stream().filter(repeated::contains).count();
        assertThat(answered).isEqualTo(cookies.size());
        return answered;
    }

    private static List<byte[]> datagrams(Path recording, String prefix) throws java.io.IOException {
        return Files.readAllLines(recording, StandardCharsets.US_ASCII).stream().filter(l -> l.startsWith(prefix))
                .map(l -> HexFormat.of().parseHex(l.substring(prefix.length()))).toList();
    }

    /** Where the exchanged datagrams go: ike-codec's probe tests replay such recordings of charon. */
    private static Path recording(Scenario s) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "probe-recordings"));
        return dir.resolve(s.recording() + ".txt").toAbsolutePath();
    }

    private static Tunnel tunnel(boolean ikeV1, String remote, String local) {
        PhaseOne one = PhaseOne.builder().ikeVersion(ikeV1 ? IkeVersion.IKEV1_MAIN : IkeVersion.IKEV2)
                .sharedSecret(Secret.of("not-used-by-the-probe")).remotePublicIp(IpAddress.parse(remote))
                .localPublicIp(IpAddress.parse(local)).addProposals(IkeProposal.parse("aes256-sha256-modp2048"),
                        IkeProposal.parse("aes128-sha1-modp1024")).build();
        return Tunnel.builder().name("probe-test").gateway("gw").routing(RoutingMode.POLICY_BASED).phaseOne(one)
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }
}
