package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a captured IKEv1 exchange between two charons against their level-4 logs: decode and
 * re-encode, SKEYID*, decryption with the Appendix B IVs, HASH_I/HASH_R, quick mode and informational
 * HASHes, KEYMAT against the logged ESP keys. Counts what it checked.
 */
final class IkeV1CaptureChecker {
    private static final HexFormat HEX = HexFormat.of();
    private static final IkeDatagramDecoder DISPATCH = new IkeDatagramDecoder();

    int decoded;
    int retransmissions;
    int keysMatched;
    int decrypted;
    int hashesVerified;
    int childSasMatched;
    final List<IkeV1Message> plain = new ArrayList<>();

    private record Captured(byte[] wire, IkeV1Message message, boolean fromInitiator) {}

    /** An IKEv1 message of a captured datagram and its bytes without the non-ESP marker. */
    record Decoded(byte[] wire, IkeV1Message message) {}

    /**
     * Decodes the IKEv1 message of a captured datagram and checks that it re-encodes byte for byte;
     * empty for ESP and NAT-T keepalives on port 4500.
     */
    static Optional<Decoded> decodeReencoding(UdpCapture.Datagram d) throws Exception {
        boolean nat = d.sourcePort == EspUdpEncapsulation.PORT || d.destinationPort == EspUdpEncapsulation.PORT;
        if (nat && !EspUdpEncapsulation.hasNonEspMarker(d.payload)) {
            return Optional.empty();
        }
        IkeV1Message m = DISPATCH.decode(Unpooled.wrappedBuffer(d.payload), nat).ikeV1().orElseThrow();
        byte[] wire = nat ? EspUdpEncapsulation.withoutNonEspMarker(d.payload) : d.payload;
        assertThat(IkeV1MessageEncoder.encodeToBytes(m).toByteArray()).as("re-encoded %s", m.header()).isEqualTo(wire);
        return Optional.of(new Decoded(wire, m));
    }

    static byte[] dump(CharonLog log, String label, int n) {
        List<byte[]> found = log.dumps().stream().filter(d -> d.label.equals(label)).map(d -> d.bytes).toList();
        if (found.size() <= n) {
            throw new AssertionError("no dump #" + n + " '" + label + "' in the log; labels: "
                    + log.dumps().stream().map(d -> d.label).distinct().toList());
        }
        return found.get(n);
    }

    void check(List<UdpCapture.Datagram> datagrams, CharonLog logA, CharonLog logB, String initiatorAddress)
            throws Exception {
        List<Captured> ike = new ArrayList<>();
        for (UdpCapture.Datagram d : datagrams) {
            Optional<Decoded> m = decodeReencoding(d);
            if (m.isPresent()) {
                decoded++;
                ike.add(new Captured(m.get().wire(), m.get().message(), d.source.equals(initiatorAddress)));
            }
        }
        Captured sai = ike.stream().filter(c -> c.fromInitiator && c.message.payload(IkeV1SaPayload.class).isPresent()
                && c.message.header().messageId() == 0).findFirst().orElseThrow();
        Captured sar = ike.stream().filter(c -> !c.fromInitiator && c.message.payload(IkeV1SaPayload.class).isPresent()
                && c.message.header().messageId() == 0).findFirst().orElseThrow();
        Captured kei = ike.stream().filter(c -> c.fromInitiator && c.message.payload(IkeV1KePayload.class).isPresent())
                .findFirst().orElseThrow();
        Captured ker = ike.stream().filter(c -> !c.fromInitiator && c.message.payload(IkeV1KePayload.class).isPresent())
                .findFirst().orElseThrow();
        IkeV1Header h = sar.message.header();
        long ckyI = h.initiatorCookie();
        long ckyR = h.responderCookie();
        IkeV1Transform chosen = sar.message.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0)
                .transforms().get(0);
        chosenIke = IkeV1SaProposals.toIkeProposal(sar.message.payload(IkeV1SaPayload.class).orElseThrow()
                .proposals().get(0)).orElseThrow();
        int encValue = (int) chosen.attribute(IkeV1Phase1Attributes.ENCRYPTION_ALGORITHM).orElseThrow().longValue();
        EncryptionAlgorithm enc = IkeV1Attributes.phase1Encryption(encValue).orElseThrow();
        int keyBytes = chosen.attribute(IkeV1Phase1Attributes.KEY_LENGTH).map(a -> (int) a.longValue() / 8).orElse(24);
        PrfAlgorithm prfAlg = IkeV1Attributes.hashToPrf((int) chosen.attribute(IkeV1Phase1Attributes.HASH_ALGORITHM)
                .orElseThrow().longValue()).orElseThrow();
        Prf prf = Prf.create(prfAlg, CryptoProviders.defaults());
        byte[] gxi = kei.message.payload(IkeV1KePayload.class).orElseThrow().keyExchangeData().toByteArray();
        byte[] gxr = ker.message.payload(IkeV1KePayload.class).orElseThrow().keyExchangeData().toByteArray();
        byte[] ni = kei.message.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
        byte[] nr = ker.message.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
        byte[] gxy = dump(logA, "shared Diffie Hellman secret", 0);
        assertThat(dump(logB, "shared Diffie Hellman secret", 0)).isEqualTo(gxy);
        IkeV1KeySchedule keys = IkeV1KeySchedule.preSharedKey(prf, StrongSwanPair.PSK.getBytes(StandardCharsets.UTF_8),
                ni, nr, gxy, ckyI, ckyR, keyBytes);
        this.keys = keys;
        this.initiatorCookie = ckyI;
        Map<String, SecretBytes> expected = Map.of("SKEYID", keys.skeyid(), "SKEYID_d", keys.skeyidD(),
                "SKEYID_a", keys.skeyidA(), "SKEYID_e", keys.skeyidE(), "encryption key Ka", keys.encryptionKey());
        for (Map.Entry<String, SecretBytes> e : expected.entrySet()) {
            String want = HEX.formatHex(e.getValue().copyBytes());
            assertThat(HEX.formatHex(dump(logA, e.getKey(), 0))).as(e.getKey()).isEqualTo(want);
            assertThat(HEX.formatHex(dump(logB, e.getKey(), 0))).as(e.getKey()).isEqualTo(want);
            keysMatched++;
        }

        // Decrypt everything in order, with the phase 1 IV chain and one chain per phase 2 message ID.
        IkeV1MessageProtection protection = IkeV1MessageProtection.create(enc, keys.encryptionKey());
        int bs = protection.blockSize();
        Bytes phase1Iv = Bytes.of(IkeV1Ivs.phase1(prfAlg, gxi, gxr, bs));
        assertThat(phase1Iv.toByteArray()).as("initial IV").isEqualTo(dump(logA, "initial IV", 0))
                .isEqualTo(dump(logB, "initial IV", 0));
        Map<Long, Bytes> phase2Iv = new HashMap<>();
        List<Captured> opened = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Captured c : ike) {
            if (!seen.add(HEX.formatHex(c.wire))) {
                retransmissions++;
                continue; // a retransmission: same bytes, same IV, already checked
            }
            IkeV1Header mh = c.message.header();
            if (!mh.encrypted()) {
                opened.add(c);
                continue;
            }
            long mid = mh.messageId();
            Bytes iv = mid == 0 ? phase1Iv : phase2Iv.get(mid);
            if (iv == null) {
                iv = Bytes.of(IkeV1Ivs.phase2(prfAlg, phase1Iv.toByteArray(), mid, bs));
            }
            IkeV1MessageProtection.Opened o;
            try {
                o = protection.decrypt(c.message, iv, IkeV1Codec.DECODER);
            } catch (IkeV1IntegrityCheckFailedException e) {
                throw new AssertionError("decrypting " + mh + " (#" + ike.indexOf(c) + " of " + ike.size() + ")", e);
            }
            decrypted++;
            if (mid == 0) {
                phase1Iv = o.nextIv();
            } else {
                phase2Iv.put(mid, o.nextIv());
            }
            opened.add(new Captured(c.wire, o.message(), c.fromInitiator));
            plain.add(o.message());
        }
        verifyHashes(opened, keys, prf, gxi, gxr, ckyI, ckyR, sai, logA, logB);
    }

    private void verifyHashes(List<Captured> opened, IkeV1KeySchedule keys, Prf prf, byte[] gxi, byte[] gxr,
            long ckyI, long ckyR, Captured sai, CharonLog logA, CharonLog logB) throws Exception {
        byte[] saiBody = IkeV1Hashes.body(sai.message.payload(IkeV1SaPayload.class).orElseThrow());
        Map<Long, List<Captured>> qm = new HashMap<>();
        for (Captured c : opened) {
            IkeV1Message m = c.message;
            IkeV1ExchangeType x = m.header().exchangeType();
            if (m.header().messageId() == 0 && m.payload(IkeV1HashPayload.class).isPresent()) {
                // aggressive mode: HASH_I comes alone in message 3, IDii was in message 1
                IkeV1IdPayload idPayload = m.payload(IkeV1IdPayload.class).orElseGet(() -> opened.stream()
                        .filter(o -> o.fromInitiator == c.fromInitiator && o.message.header().messageId() == 0)
                        .flatMap(o -> o.message.payloads(IkeV1IdPayload.class).stream()).findFirst().orElseThrow());
                byte[] id = IkeV1Hashes.body(idPayload);
                Bytes want = c.fromInitiator ? IkeV1Hashes.hashI(prf, keys.skeyid(), gxi, gxr, ckyI, ckyR, saiBody, id)
                        : IkeV1Hashes.hashR(prf, keys.skeyid(), gxi, gxr, ckyI, ckyR, saiBody, id);
                assertThat(m.payload(IkeV1HashPayload.class).orElseThrow().hash()).as("HASH_%s", c.fromInitiator ? "I" : "R")
                        .isEqualTo(want);
                hashesVerified++;
            } else if (x.equals(IkeV1ExchangeType.INFORMATIONAL) && m.header().messageId() != 0) {
                IkeV1Hashes.verify(m, IkeV1Hashes.hash1(prf, keys.skeyidA(), m.header().messageId(), IkeV1Hashes.afterHash(m)));
                hashesVerified++;
            } else if (x.equals(IkeV1ExchangeType.QUICK_MODE)) {
                qm.computeIfAbsent(m.header().messageId(), k -> new ArrayList<>()).add(c);
            }
        }
        int qmIndex = 0;
        List<Long> mids = opened.stream().filter(c -> c.message.header().exchangeType().equals(IkeV1ExchangeType.QUICK_MODE))
                .map(c -> c.message.header().messageId()).distinct().toList();
        for (long mid : mids) {
            List<Captured> x = qm.get(mid);
            IkeV1Message m1 = x.get(0).message;
            IkeV1Message m2 = x.get(1).message;
            byte[] ni = m1.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
            byte[] nr = m2.payload(IkeV1NoncePayload.class).orElseThrow().nonce().toByteArray();
            IkeV1Hashes.verify(m1, IkeV1Hashes.hash1(prf, keys.skeyidA(), mid, IkeV1Hashes.afterHash(m1)));
            IkeV1Hashes.verify(m2, IkeV1Hashes.hash2(prf, keys.skeyidA(), mid, ni, IkeV1Hashes.afterHash(m2)));
            hashesVerified += 2;
            if (x.size() > 2) {
                IkeV1Hashes.verify(x.get(2).message, IkeV1Hashes.hash3(prf, keys.skeyidA(), mid, ni, nr));
                hashesVerified++;
            }
            checkKeymat(m1, m2, keys, prf, ni, nr, logA, logB, qmIndex++);
        }
    }

    private void checkKeymat(IkeV1Message m1, IkeV1Message m2, IkeV1KeySchedule keys, Prf prf, byte[] ni, byte[] nr,
            CharonLog logA, CharonLog logB, int index) throws Exception {
        IkeV1Proposal pi = m1.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0);
        IkeV1Proposal pr = m2.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0);
        int spiI = Integer.parseUnsignedInt(pi.spi().toHex(), 16);
        int spiR = Integer.parseUnsignedInt(pr.spi().toHex(), 16);
        IkeV1Transform t = pr.transforms().get(0);
        chosenEsp = IkeV1SaProposals.toEspProposal(pr).orElseThrow();
        selectors.add(IkeV1Identities.toTrafficSelector(m1.payloads(IkeV1IdPayload.class).get(0)).orElseThrow());
        EncryptionAlgorithm ea = IkeV1Attributes.espTransform(t.transformId()).orElseThrow();
        int bits = t.attribute(IkeV1IpsecAttributes.KEY_LENGTH).map(a -> (int) a.longValue()).orElse(ea.defaultKeySizeBits());
        Encryption enc = Encryption.of(ea, bits);
        IntegrityAlgorithm integ = IkeV1Attributes.authenticationAlgorithm((int) t.attribute(
                IkeV1IpsecAttributes.AUTHENTICATION_ALGORITHM).orElseThrow().longValue()).orElseThrow();
        byte[] gqm = null;
        if (m1.payload(IkeV1KePayload.class).isPresent()) {
            gqm = dump(logA, "DH secret", pfsIndex++);
        }
        EspSaKeys toResponder = IkeV1Keymat.espKeys(prf, keys.skeyidD(), gqm, spiR, ni, nr, enc, integ);
        EspSaKeys toInitiator = IkeV1Keymat.espKeys(prf, keys.skeyidD(), gqm, spiI, ni, nr, enc, integ);
        CharonLog.ChildSa a = logA.childSas().get(index);
        assertThat(a.inboundSpi).isEqualTo(spiI);
        assertThat(a.outboundSpi).isEqualTo(spiR);
        assertThat(HEX.formatHex(a.key("encryption initiator key"))).isEqualTo(HEX.formatHex(toResponder.encryptionKey().copyBytes()));
        assertThat(HEX.formatHex(a.key("integrity initiator key"))).isEqualTo(HEX.formatHex(toResponder.integrityKey().copyBytes()));
        assertThat(HEX.formatHex(a.key("encryption responder key"))).isEqualTo(HEX.formatHex(toInitiator.encryptionKey().copyBytes()));
        assertThat(HEX.formatHex(a.key("integrity responder key"))).isEqualTo(HEX.formatHex(toInitiator.integrityKey().copyBytes()));
        CharonLog.ChildSa b = logB.childSas().get(index);
        assertThat(HEX.formatHex(b.key("encryption initiator key"))).isEqualTo(HEX.formatHex(toResponder.encryptionKey().copyBytes()));
        childSasMatched++;
        espKeys.put(spiR, toResponder);
        espKeys.put(spiI, toInitiator);
        espEncryption = enc;
        espIntegrity = integ;
    }

    /**
     * Opens every captured ESP-in-UDP packet with an inbound {@link io.ipsec4j.esp.EspSa} keyed from
     * our KEYMAT for its SPI; returns how many opened.
     */
    int openEsp(List<UdpCapture.Datagram> datagrams) throws Exception {
        Map<Integer, io.ipsec4j.esp.EspSa> sas = new HashMap<>();
        int opened = 0;
        for (UdpCapture.Datagram d : datagrams) {
            byte[] p = d.payload;
            boolean nat = d.sourcePort == 4500 || d.destinationPort == 4500;
            if (!nat || p.length < 8 || p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
                continue;
            }
            int spi = java.nio.ByteBuffer.wrap(p).getInt();
            EspSaKeys k = espKeys.get(spi);
            assertThat(k).as("keys for ESP SPI %08x", spi).isNotNull();
            io.ipsec4j.esp.EspSa sa = sas.get(spi);
            if (sa == null) {
                sa = io.ipsec4j.esp.EspSa.builder().spi(spi).direction(io.ipsec4j.esp.EspDirection.INBOUND)
                        .encryption(espEncryption).integrity(espIntegrity).keys(k).build();
                sas.put(spi, sa);
            }
            sa.open(Unpooled.wrappedBuffer(p));
            opened++;
        }
        return opened;
    }

    private int pfsIndex;
    IkeV1KeySchedule keys;
    io.ipsec4j.model.algorithm.IkeProposal chosenIke;
    io.ipsec4j.model.algorithm.EspProposal chosenEsp;
    final List<io.ipsec4j.model.TrafficSelector> selectors = new ArrayList<>();
    long initiatorCookie;
    final Map<Integer, EspSaKeys> espKeys = new HashMap<>();
    Encryption espEncryption;
    IntegrityAlgorithm espIntegrity;
}
