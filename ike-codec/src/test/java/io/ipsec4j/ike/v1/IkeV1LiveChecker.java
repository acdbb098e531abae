package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.io.ByteArrayInputStream;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a captured IKEv1 exchange of {@link IkeV1StrongSwanLiveTest} against both charons' logs:
 * every datagram decodes and re-encodes; fragments reassemble, the whole decodes and our
 * {@link IkeV1Fragmenter} cuts it into the very datagrams charon sent; SKEYID* (PSK or signatures)
 * equal charon's; every encrypted message decrypts with its exchange's IV chain; HASH_I/HASH_R (or
 * the RSA signatures over them, with the certificates' keys), quick mode, transaction and
 * informational HASHes verify; NAT-D payloads are checked against the datagram's addresses.
 */
final class IkeV1LiveChecker {
    private static final HexFormat HEX = HexFormat.of();

    int decoded;
    int fragments;
    int reassembled;
    int fragmentsReproduced;
    int keysMatched;
    int decrypted;
    int hashesVerified;
    int signaturesVerified;
    int natDMatched;
    int natDUnmatched;
    int innerReencoded;
    final List<Integer> reassembledLengths = new ArrayList<>();
    final List<Msg> messages = new ArrayList<>();
    final List<Msg> opened = new ArrayList<>();
    final List<X509Certificate> certificates = new ArrayList<>();

    /** One whole (reassembled if need be) message and the datagram it came in. */
    record Msg(byte[] wire, IkeV1Message message, boolean fromInitiator, String source, int sourcePort, String destination,
            int destinationPort) {}

    void decode(List<UdpCapture.Datagram> datagrams, String initiator) throws Exception {
        Map<Boolean, IkeV1Reassembler> reassemblers = Map.of(true, new IkeV1Reassembler(), false, new IkeV1Reassembler());
        Map<Boolean, Set<String>> pieces = Map.of(true, new LinkedHashSet<>(), false, new LinkedHashSet<>());
        for (UdpCapture.Datagram d : datagrams) {
            Optional<IkeV1CaptureChecker.Decoded> decodedMessage = IkeV1CaptureChecker.decodeReencoding(d);
            if (decodedMessage.isEmpty()) {
                continue; // ESP or a NAT-T keepalive
            }
            IkeV1Message m = decodedMessage.get().message();
            byte[] wire = decodedMessage.get().wire();
            decoded++;
            boolean fromInitiator = d.source.equals(initiator);
            if (m.payload(IkeV1FragmentPayload.class).isEmpty()) {
                messages.add(new Msg(wire, m, fromInitiator, d.source, d.sourcePort, d.destination, d.destinationPort));
                continue;
            }
            fragments++;
            pieces.get(fromInitiator).add(HEX.formatHex(wire));
            var whole = reassemblers.get(fromInitiator).accept(m);
            if (whole.isEmpty()) {
                continue;
            }
            reassembled++;
            byte[] all = whole.get().toByteArray();
            reassembledLengths.add(all.length);
            IkeV1Message w = IkeV1Codec.decode(all);
            assertThat(IkeV1MessageEncoder.encodeToBytes(w).toByteArray()).isEqualTo(all);
            List<String> sent = new ArrayList<>(pieces.get(fromInitiator));
            pieces.get(fromInitiator).clear();
            int id = m.payload(IkeV1FragmentPayload.class).orElseThrow().fragmentId();
            List<String> ours = IkeV1Fragmenter.fragment(whole.get(), id, HEX.parseHex(sent.get(0)).length).stream()
                    .map(f -> IkeV1MessageEncoder.encodeToBytes(f).toHex()).toList();
            assertThat(ours).as("our fragments of the reassembled message").isEqualTo(sent);
            fragmentsReproduced += ours.size();
            messages.add(new Msg(all, w, fromInitiator, d.source, d.sourcePort, d.destination, d.destinationPort));
        }
    }

    private Msg first(boolean fromInitiator, Class<? extends IkeV1Payload> type) {
        return messages.stream().filter(c -> c.fromInitiator == fromInitiator && c.message.header().messageId() == 0
                && c.message.payload(type).isPresent()).findFirst().orElseThrow();
    }

    /** Derives the phase 1 keys ({@code psk} null: signatures), compares them with both logs, decrypts everything. */
    void keysAndDecrypt(CharonLog logA, CharonLog logB, byte[] psk) throws Exception {
        Msg sai = first(true, IkeV1SaPayload.class);
        Msg sar = first(false, IkeV1SaPayload.class);
        Msg kei = first(true, IkeV1KePayload.class);
        Msg ker = first(false, IkeV1KePayload.class);
        long ckyI = sar.message.header().initiatorCookie();
        long ckyR = sar.message.header().responderCookie();
        IkeV1Transform chosen = sar.message.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0).transforms().get(0);
        EncryptionAlgorithm enc = IkeV1Attributes.phase1Encryption((int) chosen.attribute(
                IkeV1Phase1Attributes.ENCRYPTION_ALGORITHM).orElseThrow().longValue()).orElseThrow();
        int keyBytes = chosen.attribute(IkeV1Phase1Attributes.KEY_LENGTH).map(a -> (int) a.longValue() / 8).orElse(24);
        prfAlg = IkeV1Attributes.hashToPrf((int) chosen.attribute(IkeV1Phase1Attributes.HASH_ALGORITHM)
                .orElseThrow().longValue()).orElseThrow();
        prf = Prf.create(prfAlg, CryptoProviders.defaults());
        gxi = kei.message.payload(IkeV1KePayload.class).orElseThrow().keyExchangeData().toByteArray();
        gxr = ker.message.payload(IkeV1KePayload.class).orElseThrow().keyExchangeData().toByteArray();
        byte[] ni = kei.message.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
        byte[] nr = ker.message.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
        byte[] gxy = IkeV1CaptureChecker.dump(logA, "shared Diffie Hellman secret", 0);
        keys = psk == null ? IkeV1KeySchedule.signature(prf, ni, nr, gxy, ckyI, ckyR, keyBytes)
                : IkeV1KeySchedule.preSharedKey(prf, psk, ni, nr, gxy, ckyI, ckyR, keyBytes);
        Map<String, SecretBytes> expected = Map.of("SKEYID", keys.skeyid(), "SKEYID_d", keys.skeyidD(),
                "SKEYID_a", keys.skeyidA(), "SKEYID_e", keys.skeyidE(), "encryption key Ka", keys.encryptionKey());
        for (Map.Entry<String, SecretBytes> e : expected.entrySet()) {
            String want = HEX.formatHex(e.getValue().copyBytes());
            assertThat(HEX.formatHex(IkeV1CaptureChecker.dump(logA, e.getKey(), 0))).as(e.getKey()).isEqualTo(want);
            assertThat(HEX.formatHex(IkeV1CaptureChecker.dump(logB, e.getKey(), 0))).as(e.getKey()).isEqualTo(want);
            keysMatched++;
        }
        saiBody = IkeV1Hashes.body(sai.message.payload(IkeV1SaPayload.class).orElseThrow());
        this.ckyI = ckyI;
        this.ckyR = ckyR;
        IkeV1MessageProtection protection = IkeV1MessageProtection.create(enc, keys.encryptionKey());
        int bs = protection.blockSize();
        Bytes phase1Iv = Bytes.of(IkeV1Ivs.phase1(prfAlg, gxi, gxr, bs));
        Map<Long, Bytes> phase2Iv = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Msg c : messages) {
            if (!seen.add(HEX.formatHex(c.wire))) {
                continue; // a retransmission
            }
            IkeV1Header mh = c.message.header();
            if (!mh.encrypted()) {
                opened.add(c);
                continue;
            }
            long mid = mh.messageId();
            Bytes iv = mid == 0 ? phase1Iv : phase2Iv.getOrDefault(mid,
                    Bytes.of(IkeV1Ivs.phase2(prfAlg, phase1Iv.toByteArray(), mid, bs)));
            IkeV1MessageProtection.Opened o = protection.decrypt(c.message, iv, IkeV1Codec.DECODER);
            decrypted++;
            // the decrypted payload chain re-encodes byte for byte (the peer's padding follows it)
            javax.crypto.Cipher cbc = javax.crypto.Cipher.getInstance(bs == 16 ? "AES/CBC/NoPadding" : "DESede/CBC/NoPadding");
            cbc.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(keys.encryptionKey().copyBytes(),
                    bs == 16 ? "AES" : "DESede"), new javax.crypto.spec.IvParameterSpec(iv.toByteArray()));
            byte[] plain = cbc.doFinal(c.message.ciphertext().toByteArray());
            byte[] chain = IkeV1MessageEncoder.encodePayloadsToBytes(o.message().payloads()).toByteArray();
            assertThat(java.util.Arrays.copyOf(plain, chain.length)).as("decrypted payloads of %s", mh).isEqualTo(chain);
            innerReencoded++;
            if (mid == 0) {
                phase1Iv = o.nextIv();
            } else {
                phase2Iv.put(mid, o.nextIv());
            }
            opened.add(new Msg(c.wire, o.message(), c.fromInitiator, c.source, c.sourcePort, c.destination, c.destinationPort));
        }
    }

    /** Verifies HASH_I/HASH_R or the signatures over them, and every phase 2 HASH; checks NAT-D. */
    void verify() throws Exception {
        Map<Long, List<IkeV1Message>> quick = new java.util.LinkedHashMap<>();
        for (Msg c : opened) {
            IkeV1Message m = c.message;
            long mid = m.header().messageId();
            IkeV1ExchangeType x = m.header().exchangeType();
            if (!m.payloads(IkeV1NatDPayload.class).isEmpty()) {
                checkNatD(c);
            }
            if (mid == 0 && m.payload(IkeV1IdPayload.class).isPresent() && x.equals(IkeV1ExchangeType.IDENTITY_PROTECTION)) {
                byte[] id = IkeV1Hashes.body(m.payload(IkeV1IdPayload.class).orElseThrow());
                Bytes want = c.fromInitiator ? IkeV1Hashes.hashI(prf, keys.skeyid(), gxi, gxr, ckyI, ckyR, saiBody, id)
                        : IkeV1Hashes.hashR(prf, keys.skeyid(), gxi, gxr, ckyI, ckyR, saiBody, id);
                if (m.payload(IkeV1SignaturePayload.class).isPresent()) {
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                            new ByteArrayInputStream(m.payload(IkeV1CertPayload.class).orElseThrow().data().toByteArray()));
                    certificates.add(cert);
                    // RFC 2409 §5.1: the RSA signature is over HASH_I / HASH_R, PKCS#1 v1.5 without DigestInfo.
                    Signature rsa = Signature.getInstance("NONEwithRSA");
                    rsa.initVerify(cert.getPublicKey());
                    rsa.update(want.toByteArray());
                    assertThat(rsa.verify(m.payload(IkeV1SignaturePayload.class).orElseThrow().signature().toByteArray()))
                            .as("SIG_%s", c.fromInitiator ? "I" : "R").isTrue();
                    signaturesVerified++;
                } else {
                    assertThat(m.payload(IkeV1HashPayload.class).orElseThrow().hash()).isEqualTo(want);
                }
                hashesVerified++;
            } else if (mid != 0 && (x.equals(IkeV1ExchangeType.INFORMATIONAL) || x.equals(IkeV1ExchangeType.TRANSACTION))) {
                // informational HASH(1) (RFC 2409 §5.7); transaction HASH = prf(SKEYID_a, M-ID | ATTR)
                IkeV1Hashes.verify(m, IkeV1Hashes.hash1(prf, keys.skeyidA(), mid, IkeV1Hashes.afterHash(m)));
                hashesVerified++;
            } else if (x.equals(IkeV1ExchangeType.QUICK_MODE)) {
                quick.computeIfAbsent(mid, k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<Long, List<IkeV1Message>> e : quick.entrySet()) {
            long mid = e.getKey();
            List<IkeV1Message> x = e.getValue();
            byte[] ni = x.get(0).payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
            IkeV1Hashes.verify(x.get(0), IkeV1Hashes.hash1(prf, keys.skeyidA(), mid, IkeV1Hashes.afterHash(x.get(0))));
            hashesVerified++;
            if (x.size() > 1) {
                byte[] nr = x.get(1).payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
                IkeV1Hashes.verify(x.get(1), IkeV1Hashes.hash2(prf, keys.skeyidA(), mid, ni, IkeV1Hashes.afterHash(x.get(1))));
                hashesVerified++;
                if (x.size() > 2) {
                    IkeV1Hashes.verify(x.get(2), IkeV1Hashes.hash3(prf, keys.skeyidA(), mid, ni, nr));
                    hashesVerified++;
                }
            }
        }
    }

    /** RFC 3947 §3.2: the first NAT-D is the hash of the destination, the others of the sender's addresses. */
    private void checkNatD(Msg c) {
        List<IkeV1NatDPayload> natD = c.message.payloads(IkeV1NatDPayload.class);
        IkeV1Header h = c.message.header();
        assertThat(IkeV1NatDetection.matches(natD.subList(0, 1), prfAlg, h.initiatorCookie(), h.responderCookie(),
                IpAddress.parse(c.destination), c.destinationPort)).as("NAT-D of the destination").isTrue();
        natDMatched++;
        for (IkeV1NatDPayload own : natD.subList(1, natD.size())) {
            if (IkeV1NatDetection.matches(List.of(own), prfAlg, h.initiatorCookie(), h.responderCookie(),
                    IpAddress.parse(c.source), c.sourcePort)) {
                natDMatched++;
            } else {
                natDUnmatched++; // strongSwan's encap = yes fakes its own NAT-D
            }
        }
    }

    /** Checks the NAT-D payloads of the plaintext messages with the hash of the chosen SA (after {@link #decode}). */
    void checkPlaintextNatD() {
        IkeV1Transform chosen = first(false, IkeV1SaPayload.class).message.payload(IkeV1SaPayload.class).orElseThrow()
                .proposals().get(0).transforms().get(0);
        prfAlg = IkeV1Attributes.hashToPrf((int) chosen.attribute(IkeV1Phase1Attributes.HASH_ALGORITHM)
                .orElseThrow().longValue()).orElseThrow();
        messages.stream().filter(c -> !c.message.header().encrypted() && !c.message.payloads(IkeV1NatDPayload.class).isEmpty())
                .forEach(this::checkNatD);
    }

    /** The plaintext payloads of class {@code type} in every opened message. */
    <T extends IkeV1Payload> List<T> all(Class<T> type) {
        return opened.stream().flatMap(c -> c.message.payloads(type).stream()).toList();
    }

    private PrfAlgorithm prfAlg;
    private Prf prf;
    private byte[] gxi;
    private byte[] gxr;
    private byte[] saiBody;
    private long ckyI;
    private long ckyR;
    IkeV1KeySchedule keys;
}
