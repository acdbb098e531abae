package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspChildSa;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.esp.EspDirection;
import io.ipsec4j.esp.EspSa;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live interop with strongSwan (IKE-ESP-REFERENCE §10): for several IKE proposal sets two charons
 * bring up a PSK tunnel while A's veth is captured, and every captured IKE datagram (UDP 500, and
 * UDP 4500 after the non-ESP marker) is checked against charon's level-4 log: it decodes, the
 * unprotected IKE_SA_INIT messages re-encode byte for byte, the key schedule recomputed from the
 * captured nonces and SPIs and the logged DH secret equals the logged SKEYSEED and SK_*, every SK
 * payload (and every SKF fragment, reassembled) decrypts, both PSK AUTH payloads verify and the
 * first CHILD_SA KEYMAT equals the logged ESP keys; where Wireshark's ikev2_decryption_table has the
 * algorithms, tshark given our exported row decrypts the same capture. A seventh test rekeys the IKE
 * SA and deletes the CHILD_SA and the IKE SA. Skips without root/strongSwan unless
 * {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeStrongSwanInteropTest {
    private static final CryptoProviders PROVIDERS = CryptoProviders.defaults();
    private static final byte[] NON_ESP_MARKER = new byte[4];
    private static final String CHILD = "net";

    /** One scenario: IKE proposal, ESP proposal, extra settings and whether the CHILD_SA is rekeyed. */
    record Scenario(String name, String ikeProposal, String espProposal, String charonExtra, String connectionExtra,
            boolean rekeyChild) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                new Scenario("aes256gcm16-prfsha384-ecp384", "aes256gcm16-prfsha384-ecp384", "aes256gcm16", "", "",
                        false),
                new Scenario("aes256-sha256-modp2048", "aes256-sha256-modp2048", "aes128-sha256", "", "", false),
                new Scenario("chacha20poly1305-prfsha256-curve25519", "chacha20poly1305-prfsha256-curve25519",
                        "chacha20poly1305", "", "", false),
                new Scenario("aes128-sha1-modp1024", "aes128-sha1-modp1024", "aes128-sha1", "", "", false),
                new Scenario("fragmentation forced, aes256-sha256-ecp256", "aes256-sha256-ecp256", "aes256gcm16",
                        "  fragment_size = 180", "    fragmentation = force", false),
                new Scenario("CHILD_SA rekey with PFS, aes128gcm16-prfsha256-x25519", "aes128gcm16-prfsha256-x25519",
                        "aes128gcm16-modp2048", "", "", true))
                .map(Arguments::of);
    }

    /** An IKE message as captured, with its decoded form. */
    private record Captured(byte[] datagram, IkeMessage message) {
        IkeHeader header() {
            return message.header();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyIkeMessageOfALiveExchangeChecksOut(Scenario s) throws Exception {
        InteropEnvironment.assumeAvailable();
        List<UdpCapture.Datagram> datagrams;
        CharonLog logA;
        CharonLog logB;
        byte[] pcapBytes;
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child(CHILD, s.espProposal(), 1)))) {
            pair.ikeProposal(s.ikeProposal()).strongswanConfExtra(s.charonExtra())
                    .connectionExtra(s.connectionExtra());
            pair.start();
            UdpCapture capture = pair.capture(Node.A, pair.veth(Node.A), "ike-a");
            pair.initiateAll();
            if (s.rekeyChild()) {
                String vici = "unix://" + pair.directory().resolve(Node.A.name()).resolve("charon.vici");
                HostCommand.check(30, HostCommand.inNamespace(pair.namespace(Node.A), "swanctl", "--rekey", "--child",
                        CHILD, "--uri", vici));
                Await.until("the rekeyed CHILD_SA logged", () -> pair.log(Node.A).childSas().size() >= 2);
            }
            datagrams = capture.stop();
            pcapBytes = Files.readAllBytes(pair.directory().resolve("ike-a.pcapng"));
            logA = pair.log(Node.A);
            logB = pair.log(Node.B);
        }

        // Every IKE datagram decodes; the unprotected ones re-encode to the same bytes.
        List<Captured> ike = ikeMessages(datagrams);
        for (Captured c : ike) {
            IkeMessage m = c.message();
            if (!m.payload(IkeSkPayload.class).isPresent() && !m.payload(IkeSkfPayload.class).isPresent()) {
                assertThat(m.header().exchangeType()).isEqualTo(IkeExchangeType.IKE_SA_INIT);
                assertThat(IkeMessageEncoder.encodeToBytes(m).toByteArray()).as("re-encoded %s", m.header())
                        .isEqualTo(c.datagram());
            }
        }
        assertThat(ike).as("captured IKE messages").hasSizeGreaterThanOrEqualTo(4);

        // The IKE_SA_INIT exchange that succeeded (a response with KE).
        Captured initResponse = ike.stream().filter(c -> c.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT)
                && c.header().response() && c.message().payload(IkeKePayload.class).isPresent()).reduce((a, b) -> b)
                .orElseThrow();
        Captured initRequest = ike.stream().filter(c -> c.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT)
                && !c.header().response() && c.header().initiatorSpi() == initResponse.header().initiatorSpi()
                && ike.indexOf(c) < ike.indexOf(initResponse)).reduce((a, b) -> b).orElseThrow();
        long spiI = initResponse.header().initiatorSpi();
        long spiR = initResponse.header().responderSpi();
        Bytes ni = initRequest.message().payload(IkeNoncePayload.class).orElseThrow().nonce();
        Bytes nr = initResponse.message().payload(IkeNoncePayload.class).orElseThrow().nonce();
        IkeProposal chosen = IkeSaProposals.toIkeProposal(
                initResponse.message().payload(IkeSaPayload.class).orElseThrow().proposals().get(0)).orElseThrow();
        assertThat(chosen.toStrongSwan()).isEqualTo(IkeProposal.parse(s.ikeProposal()).toStrongSwan());
        Encryption enc = chosen.encryption().get(0);
        IntegrityAlgorithm integ = chosen.integrity().isEmpty() ? IntegrityAlgorithm.NONE : chosen.integrity().get(0);
        Prf prf = Prf.create(chosen.prf().get(0), PROVIDERS);

        // The key schedule from the captured nonces and SPIs and the logged DH secret equals charon's.
        SecretBytes gir = SecretBytes.of(first(logA, "shared Diffie Hellman secret"));
        assertThat(first(logB, "shared Diffie Hellman secret")).isEqualTo(gir.copyBytes());
        assertThat(IkeKeySchedule.skeyseed(prf, ni, nr, gir).copyBytes()).isEqualTo(first(logA, "SKEYSEED"))
                .isEqualTo(first(logB, "SKEYSEED"));
        IkeKeySchedule keys = IkeKeySchedule.create(prf, enc, integ, ni, nr, spiI, spiR, gir);
        Map<String, SecretBytes> sk = Map.of("Sk_d", keys.skD(), "Sk_ai", keys.skAi(), "Sk_ar", keys.skAr(),
                "Sk_ei", keys.skEi(), "Sk_er", keys.skEr(), "Sk_pi", keys.skPi(), "Sk_pr", keys.skPr());
        for (Map.Entry<String, SecretBytes> e : sk.entrySet()) {
            if (e.getValue().length() == 0) {
                continue; // SK_a with AEAD: charon logs no dump or an empty one
            }
            assertThat(HexFormat.of().formatHex(e.getValue().copyBytes())).as(e.getKey())
                    .isEqualTo(HexFormat.of().formatHex(first(logA, e.getKey() + " secret")))
                    .isEqualTo(HexFormat.of().formatHex(first(logB, e.getKey() + " secret")));
        }

        // Every SK payload decrypts; SKF fragments reassemble.
        List<IkeMessage> opened = new ArrayList<>();
        Map<String, IkeReassembler> reassemblers = new HashMap<>();
        int fragments = 0;
        try (IkeSkCodec fromI = IkeSkCodec.of(keys, true, PROVIDERS);
                IkeSkCodec fromR = IkeSkCodec.of(keys, false, PROVIDERS);
                IkeSkCodec fragI = IkeSkCodec.of(keys, true, PROVIDERS);
                IkeSkCodec fragR = IkeSkCodec.of(keys, false, PROVIDERS);
                IkeSkCodec fragI2 = IkeSkCodec.of(keys, true, PROVIDERS);
                IkeSkCodec fragR2 = IkeSkCodec.of(keys, false, PROVIDERS)) {
            for (Captured c : ike) {
                IkeHeader h = c.header();
                boolean protectedMessage = c.message().payload(IkeSkPayload.class).isPresent()
                        || c.message().payload(IkeSkfPayload.class).isPresent();
                if (!protectedMessage) {
                    continue;
                }
                assertThat(h.initiatorSpi()).isEqualTo(spiI);
                assertThat(h.responderSpi()).isEqualTo(spiR);
                if (c.message().payload(IkeSkPayload.class).isPresent()) {
                    List<IkePayload> inner = (h.initiator() ? fromI : fromR).decrypt(c.datagram(), c.message());
                    opened.add(new IkeMessage(h, inner));
                } else {
                    fragments++;
                    String key = h.initiator() + "/" + h.response();
                    IkeSkCodec codec = h.initiator() ? (h.response() ? fragI2 : fragI) : (h.response() ? fragR2 : fragR);
                    Optional<IkeMessage> whole = reassemblers.computeIfAbsent(key, k -> new IkeReassembler(codec))
                            .accept(c.datagram(), c.message());
                    whole.ifPresent(opened::add);
                }
            }
        }
        if (!s.connectionExtra().isEmpty()) {
            assertThat(fragments).as("SKF fragments captured").isGreaterThan(2);
        }
        for (IkeReassembler r : reassemblers.values()) {
            assertThat(r.inProgress()).as("incomplete fragmented message").isFalse();
        }

        // Both PSK AUTH payloads verify.
        IkeMessage authRequest = exchange(opened, IkeExchangeType.IKE_AUTH, false);
        IkeMessage authResponse = exchange(opened, IkeExchangeType.IKE_AUTH, true);
        Secret psk = Secret.of(StrongSwanPair.PSK);
        IkeIdPayload idI = authRequest.payload(IkeIdPayload.class).orElseThrow();
        IkeIdPayload idR = authResponse.payload(IkeIdPayload.class).orElseThrow();
        assertThat(idI.name()).contains("a@interop.test");
        assertThat(idR.name()).contains("b@interop.test");
        IkePskAuth.verify(authRequest.payload(IkeAuthPayload.class).orElseThrow(), prf, psk,
                Bytes.of(initRequest.datagram()), nr, keys.skPi(), idI);
        IkePskAuth.verify(authResponse.payload(IkeAuthPayload.class).orElseThrow(), prf, psk,
                Bytes.of(initResponse.datagram()), ni, keys.skPr(), idR);

        // The first CHILD_SA's KEYMAT equals the ESP keys charon installed, for the SPIs of the SA payloads.
        IkeSaProposal espWire = authResponse.payload(IkeSaPayload.class).orElseThrow().proposals().get(0);
        EspProposal esp = IkeSaProposals.toEspProposal(espWire).orElseThrow();
        Encryption espEnc = esp.encryption().get(0);
        IntegrityAlgorithm espInteg = esp.integrity().isEmpty() ? IntegrityAlgorithm.NONE : esp.integrity().get(0);
        CharonLog.ChildSa childA = logA.childSas().get(0);
        assertThat(childA.outboundSpi).isEqualTo(espWire.spi().toHex().isEmpty() ? 0
                : Integer.parseUnsignedInt(espWire.spi().toHex(), 16));
        SecretBytes keymat = keys.childKeymat(ni, nr, null, EspChildSaKeys.keymatLengthBytes(espEnc, espInteg));
        assertChildKeys(childA, EspChildSaKeys.split(keymat, espEnc, espInteg));
        assertChildKeys(logB.childSas().get(0), EspChildSaKeys.split(keymat, espEnc, espInteg));
        // One call per end builds both ESP SAs from the two SA payloads; each SA carries the SPI charon
        // logged and interoperates with an SA keyed from charon's logged keys for that direction.
        IkeSaPayload offeredSa = authRequest.payload(IkeSaPayload.class).orElseThrow();
        IkeSaPayload acceptedSa = authResponse.payload(IkeSaPayload.class).orElseThrow();
        try (EspChildSa a = IkeChildSas.create(keys, EspChildSa.Role.INITIATOR, offeredSa, acceptedSa, ni, nr, null, null);
                EspChildSa b = IkeChildSas.create(keys, EspChildSa.Role.RESPONDER, offeredSa, acceptedSa, ni, nr, null,
                        null)) {
            assertMatchesCharon(a, childA, true);
            assertMatchesCharon(b, logB.childSas().get(0), false);
            assertThat(a.outbound().isEsn()).isEqualTo(esp.esn().get(0).isExtended());
        }

        // tshark, given our ikev2_decryption_table row, decrypts every SK message of the same capture
        // (where Wireshark's table has the algorithms; SKF reassembly is not Wireshark's).
        Optional<String> row = wiresharkRow(spiI, spiR, keys);
        if (row.isPresent() && fragments == 0) {
            String out = tsharkVerbose(pcapBytes, List.of(row.get()));
            assertThat(decryptedByTshark(out)).as("messages tshark decrypted").isEqualTo(opened.size());
            assertThat(out).contains("Identification Data:a@interop.test", "Identification Data:b@interop.test");
        }

        if (s.rekeyChild()) {
            IkeMessage rekeyRequest = exchange(opened, IkeExchangeType.CREATE_CHILD_SA, false);
            IkeMessage rekeyResponse = exchange(opened, IkeExchangeType.CREATE_CHILD_SA, true);
            assertThat(rekeyRequest.notify(IkeNotifyType.REKEY_SA)).isPresent();
            assertThat(rekeyRequest.payload(IkeKePayload.class)).as("PFS KE in the request").isPresent();
            assertThat(rekeyResponse.payload(IkeKePayload.class)).as("PFS KE in the response").isPresent();
            // The new CHILD_SA's KEYMAT: prf+(SK_d, g^ir (new) | Ni | Nr) with the new nonces and charon's PFS secret.
            Bytes ni2 = rekeyRequest.payload(IkeNoncePayload.class).orElseThrow().nonce();
            Bytes nr2 = rekeyResponse.payload(IkeNoncePayload.class).orElseThrow().nonce();
            SecretBytes pfs = SecretBytes.of(first(logA, "DH secret"));
            SecretBytes rekeyed = keys.childKeymat(ni2, nr2, pfs,
                    EspChildSaKeys.keymatLengthBytes(espEnc, espInteg));
            assertThat(logA.childSas()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(logA.childSas().get(1).uniqueId).isEqualTo(2);
            assertChildKeys(logA.childSas().get(1), EspChildSaKeys.split(rekeyed, espEnc, espInteg));
        }
    }

    /**
     * One AES-CBC/HMAC tunnel is brought up, its IKE SA rekeyed, then its CHILD_SA and IKE SA deleted:
     * the rekeying CREATE_CHILD_SA decrypts with the old keys; the new SKEYSEED and SK_* from the old
     * SK_d, the logged new g^ir and the exchange's nonces and SPIs equal charon's; the INFORMATIONAL
     * deletes (old IKE SA, CHILD_SA, new IKE SA) decrypt with the keys of their SA and carry the right
     * Delete payloads; and tshark, given our exported ikev2_decryption_table rows, decrypts the capture.
     */
    @Test
    void ikeSaRekeyDeletesAndWiresharkDecryption() throws Exception {
        InteropEnvironment.assumeAvailable();
        String ikeProposal = "aes256-sha256-modp2048";
        List<UdpCapture.Datagram> datagrams;
        CharonLog logA;
        CharonLog logB;
        byte[] pcap;
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child(CHILD, "aes128-sha256", 1)))) {
            pair.ikeProposal(ikeProposal);
            pair.start();
            UdpCapture capture = pair.capture(Node.A, pair.veth(Node.A), "ike-a");
            pair.initiateAll();
            String vici = "unix://" + pair.directory().resolve(Node.A.name()).resolve("charon.vici");
            String ns = pair.namespace(Node.A);
            HostCommand.check(30, HostCommand.inNamespace(ns, "swanctl", "--rekey", "--ike", "interop", "--uri",
                    vici));
            // Both ends keyed the new IKE SA, deleted the old one and list the CHILD_SA under the new one.
            Await.until("the IKE SA rekeyed on both ends", () -> count(pair.log(Node.A), "SKEYSEED") >= 2
                    && count(pair.log(Node.B), "SKEYSEED") >= 2 && childSasUnderOneIkeSa(pair, Node.A) == 1
                    && childSasUnderOneIkeSa(pair, Node.B) == 1);
            HostCommand.check(30, HostCommand.inNamespace(ns, "swanctl", "--terminate", "--child", CHILD,
                    "--uri", vici));
            Await.until("the CHILD_SA deleted on both ends", () -> childSasUnderOneIkeSa(pair, Node.A) == 0
                    && childSasUnderOneIkeSa(pair, Node.B) == 0);
            HostCommand.check(30, HostCommand.inNamespace(ns, "swanctl", "--terminate", "--ike", "interop",
                    "--uri", vici));
            datagrams = capture.stop();
            pcap = Files.readAllBytes(pair.directory().resolve("ike-a.pcapng"));
            logA = pair.log(Node.A);
            logB = pair.log(Node.B);
        }
        checkRekeyAndDeletes(ikeProposal, datagrams, logA, logB, pcap);
    }

    private static void checkRekeyAndDeletes(String ikeProposal, List<UdpCapture.Datagram> datagrams, CharonLog logA,
            CharonLog logB, byte[] pcap) throws Exception {
        List<Captured> ike = ikeMessages(datagrams);
        Captured initResponse = ike.stream().filter(c -> c.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT)
                && c.header().response() && c.message().payload(IkeKePayload.class).isPresent()).findFirst()
                .orElseThrow();
        Captured initRequest = ike.stream().filter(c -> c.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT)
                && !c.header().response() && c.header().initiatorSpi() == initResponse.header().initiatorSpi())
                .findFirst().orElseThrow();
        long spiI = initResponse.header().initiatorSpi();
        long spiR = initResponse.header().responderSpi();
        Bytes ni = initRequest.message().payload(IkeNoncePayload.class).orElseThrow().nonce();
        Bytes nr = initResponse.message().payload(IkeNoncePayload.class).orElseThrow().nonce();
        IkeProposal chosen = IkeSaProposals.toIkeProposal(
                initResponse.message().payload(IkeSaPayload.class).orElseThrow().proposals().get(0)).orElseThrow();
        Encryption enc = chosen.encryption().get(0);
        IntegrityAlgorithm integ = chosen.integrity().get(0);
        Prf prf = Prf.create(chosen.prf().get(0), PROVIDERS);
        SecretBytes gir = SecretBytes.of(nth(logA, "shared Diffie Hellman secret", 0));
        IkeKeySchedule oldKeys = IkeKeySchedule.create(prf, enc, integ, ni, nr, spiI, spiR, gir);
        assertKeys(oldKeys, logA, logB, 0);

        // Everything under the original SPIs decrypts with the original keys, including the rekey exchange.
        List<IkeMessage> oldSa = open(ike, spiI, spiR, oldKeys);
        IkeMessage rekeyRequest = exchange(oldSa, IkeExchangeType.CREATE_CHILD_SA, false);
        IkeMessage rekeyResponse = exchange(oldSa, IkeExchangeType.CREATE_CHILD_SA, true);
        IkeSaProposal newI = rekeyRequest.payload(IkeSaPayload.class).orElseThrow().proposals().get(0);
        IkeSaProposal newR = rekeyResponse.payload(IkeSaPayload.class).orElseThrow().proposals().get(0);
        assertThat(newI.protocol()).isEqualTo(IkeProtocolId.IKE);
        assertThat(newR.protocol()).isEqualTo(IkeProtocolId.IKE);
        assertThat(rekeyRequest.notify(IkeNotifyType.REKEY_SA)).as("IKE rekey has no REKEY_SA").isEmpty();
        long newSpiI = Long.parseUnsignedLong(newI.spi().toHex(), 16);
        long newSpiR = Long.parseUnsignedLong(newR.spi().toHex(), 16);
        assertThat(newSpiI).isNotEqualTo(spiI);
        IkeProposal newChosen = IkeSaProposals.toIkeProposal(newR).orElseThrow();
        assertThat(newChosen.toStrongSwan()).isEqualTo(IkeProposal.parse(ikeProposal).toStrongSwan());
        Bytes ni2 = rekeyRequest.payload(IkeNoncePayload.class).orElseThrow().nonce();
        Bytes nr2 = rekeyResponse.payload(IkeNoncePayload.class).orElseThrow().nonce();
        SecretBytes gir2 = SecretBytes.of(nth(logA, "shared Diffie Hellman secret", 1));
        assertThat(nth(logB, "shared Diffie Hellman secret", 1)).isEqualTo(gir2.copyBytes());
        // SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr) (RFC 7296 §2.18).
        assertThat(HexFormat.of().formatHex(IkeKeySchedule.rekeySkeyseed(prf, oldKeys.skD(), gir2, ni2, nr2)
                .copyBytes())).as("rekeyed SKEYSEED")
                .isEqualTo(HexFormat.of().formatHex(nth(logA, "SKEYSEED", 1)))
                .isEqualTo(HexFormat.of().formatHex(nth(logB, "SKEYSEED", 1)));
        Prf newPrf = Prf.create(newChosen.prf().get(0), PROVIDERS);
        IkeKeySchedule newKeys = oldKeys.rekey(newPrf, newChosen.encryption().get(0),
                newChosen.integrity().get(0), gir2, ni2, nr2, newSpiI, newSpiR);
        assertKeys(newKeys, logA, logB, 1);

        // The initiator deletes the old IKE SA under the old keys.
        List<IkeMessage> oldInfo = oldSa.stream()
                .filter(m -> m.header().exchangeType().equals(IkeExchangeType.INFORMATIONAL)).toList();
        assertIkeDelete(oldInfo);

        // Under the new SPIs (the new keys): the CHILD_SA delete, then the IKE SA delete. Both ends may
        // also send a MOBIKE address update (NO_ADDITIONAL_ADDRESSES) here, each in its own message ID
        // space: B's request can have the ID of A's delete, so responses are paired by ID and direction.
        List<IkeMessage> newSa = open(ike, newSpiI, newSpiR, newKeys);
        List<IkeMessage> newInfo = newSa.stream()
                .filter(m -> m.header().exchangeType().equals(IkeExchangeType.INFORMATIONAL)).toList();
        assertThat(newInfo).as("INFORMATIONAL messages under the new IKE SA").hasSizeGreaterThanOrEqualTo(4);
        IkeMessage childDelete = newInfo.stream().filter(m -> !m.header().response()
                && m.payload(IkeDeletePayload.class).filter(d -> d.protocol().equals(IkeProtocolId.ESP)).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no ESP Delete under the new IKE SA"));
        assertThat(childDelete.header().initiator()).isTrue();
        IkeDeletePayload espDelete = childDelete.payload(IkeDeletePayload.class).orElseThrow();
        CharonLog.ChildSa childA = logA.childSas().get(0);
        assertThat(espDelete.spiSize()).isEqualTo(4);
        assertThat(espDelete.spis()).extracting(Bytes::toHex)
                .containsExactly(String.format("%08x", childA.inboundSpi));
        IkeMessage childDeleteResponse = IkeExchangePairing.responseTo(childDelete, newInfo);
        IkeDeletePayload espDeleteResponse = childDeleteResponse.payload(IkeDeletePayload.class)
                .orElseThrow(() -> new AssertionError("no Delete in " + childDeleteResponse + " among " + newInfo));
        assertThat(espDeleteResponse.protocol()).isEqualTo(IkeProtocolId.ESP);
        assertThat(espDeleteResponse.spis()).extracting(Bytes::toHex)
                .containsExactly(String.format("%08x", childA.outboundSpi));
        assertIkeDelete(newInfo);

        // tshark, given our ikev2_decryption_table rows, decrypts the same capture (both IKE SAs).
        String out = tsharkVerbose(pcap,
                List.of(IkeWiresharkKeys.ikev2DecryptionRowWithKeys(spiI, spiR, oldKeys),
                        IkeWiresharkKeys.ikev2DecryptionRowWithKeys(newSpiI, newSpiR, newKeys)));
        long protectedMessages = ike.stream().filter(c -> c.message().payload(IkeSkPayload.class).isPresent()).count();
        assertThat(decryptedByTshark(out)).as("messages tshark decrypted").isEqualTo(protectedMessages);
        assertThat(out.lines().filter(l -> l.trim().startsWith("Integrity Checksum Data:") && l.endsWith("[correct]"))
                .count()).as("ICVs tshark verified").isEqualTo(protectedMessages);
        assertThat(out).contains("Identification Data:a@interop.test", "Identification Data:b@interop.test",
                "Delete SPI: " + String.format("%08x", childA.inboundSpi),
                "Delete SPI: " + String.format("%08x", childA.outboundSpi));
    }

    /** Runs {@code tshark -V} on the capture with one {@code -o uat:ikev2_decryption_table:} per row. */
    private static String tsharkVerbose(byte[] pcapBytes, List<String> rows) throws Exception {
        Path pcap = Files.createTempFile("ike-", ".pcapng");
        try {
            Files.write(pcap, pcapBytes);
            List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
            for (String row : rows) {
                cmd.add("-o");
                cmd.add("uat:ikev2_decryption_table:" + row);
            }
            cmd.addAll(List.of("-Y", "isakmp", "-V"));
            return HostCommand.check(60, cmd.toArray(new String[0]));
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    private static long decryptedByTshark(String verbose) {
        return verbose.lines().filter(l -> l.trim().startsWith("Decrypted Data (")).count();
    }

    /** Our ikev2_decryption_table row, or empty for algorithms Wireshark's table does not have. */
    private static Optional<String> wiresharkRow(long spiI, long spiR, IkeKeySchedule keys) {
        try {
            return Optional.of(IkeWiresharkKeys.ikev2DecryptionRowWithKeys(spiI, spiR, keys));
        } catch (IllegalArgumentException unsupported) {
            return Optional.empty();
        }
    }

    private static List<Captured> ikeMessages(List<UdpCapture.Datagram> datagrams) throws Exception {
        IkeMessageDecoder decoder = new IkeMessageDecoder();
        List<Captured> ike = new ArrayList<>();
        for (UdpCapture.Datagram d : datagrams) {
            byte[] bytes;
            if (d.sourcePort == 500 || d.destinationPort == 500) {
                bytes = d.payload;
            } else if ((d.sourcePort == 4500 || d.destinationPort == 4500) && d.payload.length > 4
                    && Arrays.equals(d.payload, 0, 4, NON_ESP_MARKER, 0, 4)) {
                bytes = Arrays.copyOfRange(d.payload, 4, d.payload.length);
            } else {
                continue; // ESP or a NAT-T keepalive
            }
            ike.add(new Captured(bytes, decoder.decode(Unpooled.wrappedBuffer(bytes))));
        }
        return ike;
    }

    /** Decrypts every SK message of the IKE SA with SPIs {@code spiI}, {@code spiR}. */
    private static List<IkeMessage> open(List<Captured> ike, long spiI, long spiR, IkeKeySchedule keys)
            throws Exception {
        List<IkeMessage> opened = new ArrayList<>();
        try (IkeSkCodec fromI = IkeSkCodec.of(keys, true, PROVIDERS);
                IkeSkCodec fromR = IkeSkCodec.of(keys, false, PROVIDERS)) {
            for (Captured c : ike) {
                IkeHeader h = c.header();
                if (h.initiatorSpi() != spiI || h.responderSpi() != spiR
                        || !c.message().payload(IkeSkPayload.class).isPresent()) {
                    continue;
                }
                opened.add(new IkeMessage(h, (h.initiator() ? fromI : fromR).decrypt(c.datagram(), c.message())));
            }
        }
        return opened;
    }

    /** An IKE Delete request (protocol IKE, no SPIs) from the initiator and its empty response. */
    private static void assertIkeDelete(List<IkeMessage> informational) {
        IkeMessage request = informational.stream().filter(m -> !m.header().response()
                && m.payload(IkeDeletePayload.class).filter(d -> d.protocol().equals(IkeProtocolId.IKE)).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no IKE Delete among " + informational));
        IkeDeletePayload delete = request.payload(IkeDeletePayload.class).orElseThrow();
        assertThat(delete.spiSize()).isZero();
        assertThat(delete.spis()).isEmpty();
        IkeMessage response = IkeExchangePairing.responseTo(request, informational);
        assertThat(response.payloads()).as("IKE Delete response").isEmpty();
    }

    private static void assertKeys(IkeKeySchedule keys, CharonLog logA, CharonLog logB, int n) {
        Map<String, SecretBytes> sk = Map.of("Sk_d", keys.skD(), "Sk_ai", keys.skAi(), "Sk_ar", keys.skAr(),
                "Sk_ei", keys.skEi(), "Sk_er", keys.skEr(), "Sk_pi", keys.skPi(), "Sk_pr", keys.skPr());
        for (Map.Entry<String, SecretBytes> e : sk.entrySet()) {
            assertThat(HexFormat.of().formatHex(e.getValue().copyBytes())).as("%s of IKE SA #%d", e.getKey(), n)
                    .isEqualTo(HexFormat.of().formatHex(nth(logA, e.getKey() + " secret", n)))
                    .isEqualTo(HexFormat.of().formatHex(nth(logB, e.getKey() + " secret", n)));
        }
    }

    private static long count(CharonLog log, String label) {
        return log.dumps().stream().filter(d -> d.label.equals(label)).count();
    }

    private static byte[] nth(CharonLog log, String label, int n) {
        return log.dumps().stream().filter(d -> d.label.equals(label)).skip(n).findFirst()
                .orElseThrow(() -> new AssertionError("no dump #" + n + " '" + label + "' in the charon log")).bytes;
    }

    /**
     * The number of CHILD_SAs {@code node} lists when it lists exactly one IKE SA, established and
     * not rekeying or deleting; -1 otherwise.
     */
    private static int childSasUnderOneIkeSa(StrongSwanPair pair, Node node) throws Exception {
        List<String> lines = pair.listSas(node).lines().toList();
        if (lines.stream().filter(l -> l.startsWith("interop: #")).count() != 1
                || lines.stream().noneMatch(l -> l.matches("^interop: #\\d+, ESTABLISHED,.*"))) {
            return -1;
        }
        return (int) lines.stream().filter(l -> l.startsWith("  " + CHILD + ": #")).count();
    }

    private static void assertChildKeys(CharonLog.ChildSa sa, EspChildSaKeys ours) {
        assertThat(hex(ours.initiatorToResponder().encryptionKey())).as("%s encryption initiator key", sa)
                .isEqualTo(HexFormat.of().formatHex(sa.key("encryption initiator key")));
        assertThat(hex(ours.responderToInitiator().encryptionKey())).as("%s encryption responder key", sa)
                .isEqualTo(HexFormat.of().formatHex(sa.key("encryption responder key")));
        assertThat(hex(ours.initiatorToResponder().integrityKey())).as("%s integrity initiator key", sa)
                .isEqualTo(HexFormat.of().formatHex(sa.key("integrity initiator key")));
        assertThat(hex(ours.responderToInitiator().integrityKey())).as("%s integrity responder key", sa)
                .isEqualTo(HexFormat.of().formatHex(sa.key("integrity responder key")));
    }

    /**
     * Our CHILD SA of one end has charon's SPIs, seals what an SA with charon's keys of that direction
     * opens, and opens what such an SA seals.
     */
    private static void assertMatchesCharon(EspChildSa ours, CharonLog.ChildSa charon, boolean initiator)
            throws Exception {
        assertThat(ours.inbound().spi()).as("%s inbound SPI", charon).isEqualTo(charon.inboundSpi);
        assertThat(ours.outbound().spi()).as("%s outbound SPI", charon).isEqualTo(charon.outboundSpi);
        String out = initiator ? "initiator" : "responder";
        String in = initiator ? "responder" : "initiator";
        try (EspSa peerIn = charonSa(ours.outbound(), charon, out, EspDirection.INBOUND);
                EspSa peerOut = charonSa(ours.inbound(), charon, in, EspDirection.OUTBOUND)) {
            assertSealOpen(ours.outbound(), peerIn);
            assertSealOpen(peerOut, ours.inbound());
        }
    }

    private static EspSa charonSa(EspSa like, CharonLog.ChildSa charon, String sender, EspDirection direction)
            throws Exception {
        EspSaKeys k = EspSaKeys.of(SecretBytes.of(charon.key("encryption " + sender + " key")),
                SecretBytes.of(charon.key("integrity " + sender + " key")));
        return EspSa.builder().spi(like.spi()).direction(direction).encryption(like.encryption())
                .integrity(like.integrity()).esn(like.isEsn()).keys(k).build();
    }

    private static void assertSealOpen(EspSa out, EspSa in) throws Exception {
        ByteBuf buf = Unpooled.buffer(256);
        buf.writerIndex(out.headroomBytes()).readerIndex(buf.writerIndex()).writeLong(0x1122334455667788L);
        out.seal(buf, 17);
        assertThat(in.open(buf)).as("%s opens what %s sealed", in, out).isEqualTo(17);
        assertThat(buf.readLong()).isEqualTo(0x1122334455667788L);
    }

    private static String hex(SecretBytes key) {
        return key == null ? "" : HexFormat.of().formatHex(key.copyBytes());
    }

    private static IkeMessage exchange(List<IkeMessage> opened, IkeExchangeType type, boolean response) {
        return opened.stream().filter(m -> m.header().exchangeType().equals(type) && m.header().response() == response)
                .findFirst().orElseThrow(() -> new AssertionError("no decrypted " + type
                        + (response ? " response" : " request") + " among " + opened.size() + " messages"));
    }

    private static byte[] first(CharonLog log, String label) {
        return log.dumps().stream().filter(d -> d.label.equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no dump '" + label + "' in the charon log")).bytes;
    }
}
