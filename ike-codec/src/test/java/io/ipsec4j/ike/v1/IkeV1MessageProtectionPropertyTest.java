package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link IkeV1MessageProtection} with {@link IkeV1Hashes}: every cipher round-trips, padding is
 * tolerated on input and minimal on output, and every single-bit flip of the ciphertext (or a cut,
 * or a wrong key) is the one integrity failure.
 */
class IkeV1MessageProtectionPropertyTest {
    private static final SecretBytes SKEYID_A = SecretBytes.of(new byte[20]);

    record Suite(EncryptionAlgorithm algorithm, int keyLength) {}

    private static final List<Suite> SUITES = List.of(new Suite(EncryptionAlgorithm.AES_CBC, 16),
            new Suite(EncryptionAlgorithm.AES_CBC, 24), new Suite(EncryptionAlgorithm.AES_CBC, 32),
            new Suite(EncryptionAlgorithm.TRIPLE_DES, 24));

    private static Prf prf() {
        try {
            return Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An informational message with its HASH(1), as a receiver would check it. */
    private static Gen<IkeV1Message> hashedMessages() {
        return IkeV1Generators.payloadChains().map(chain -> {
            List<IkeV1Payload> rest = new ArrayList<>(chain);
            rest.add(new IkeV1NotificationPayload(1, 1, Bytes.EMPTY, IkeV1NotifyType.R_U_THERE, Bytes.fromHex("00000001")));
            IkeV1Header h = IkeV1Header.of(1, 2, IkeV1ExchangeType.INFORMATIONAL, 0, 0x1234);
            byte[] after = IkeV1MessageEncoder.encodePayloadsToBytes(rest).toByteArray();
            List<IkeV1Payload> all = new ArrayList<>();
            try {
                all.add(new IkeV1HashPayload(IkeV1Hashes.hash1(prf(), SKEYID_A, h.messageId(), after)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            all.addAll(rest);
            return IkeV1Message.of(h, all);
        });
    }

    private static IkeV1MessageProtection protection(Suite s, int seed) {
        byte[] k = new byte[s.keyLength()];
        k[0] = (byte) seed;
        return IkeV1MessageProtection.create(s.algorithm(), SecretBytes.of(k));
    }

    private static void openAndVerify(IkeV1MessageProtection p, IkeV1Message m, Bytes iv) throws Exception {
        IkeV1Message plain = p.decrypt(m, iv, IkeV1Codec.DECODER).message();
        IkeV1Hashes.verify(plain, IkeV1Hashes.hash1(prf(), SKEYID_A, plain.header().messageId(),
                IkeV1Hashes.afterHash(plain)));
    }

    @Test
    void everyCipherRoundTripsWithMinimalZeroPadding() {
        qt().withExamples(300).forAll(hashedMessages(), Generate.pick(SUITES)).checkAssert((m, s) -> {
            IkeV1MessageProtection p = protection(s, 1);
            Bytes iv = Bytes.of(new byte[p.blockSize()]);
            IkeV1MessageProtection.Sealed sealed = p.encrypt(m, iv);
            int chain = IkeV1MessageEncoder.encodedLength(m.payloads());
            assertThat(sealed.message().ciphertext().length()).isBetween(chain, chain + p.blockSize() - 1);
            try {
                IkeV1MessageProtection.Opened opened = p.decrypt(sealed.message(), iv, IkeV1Codec.DECODER);
                assertThat(opened.message()).isEqualTo(m);
                assertThat(opened.nextIv()).isEqualTo(sealed.nextIv());
                openAndVerify(p, sealed.message(), iv);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void everySingleBitFlipOfTheCiphertextIsTheIntegrityFailure() {
        qt().withExamples(300).forAll(hashedMessages(), Generate.pick(SUITES), Generate.range(0, 1 << 20))
                .checkAssert((m, s, bit) -> {
                    IkeV1MessageProtection p = protection(s, 2);
                    Bytes iv = Bytes.of(new byte[p.blockSize()]);
                    IkeV1Message sealed = p.encrypt(m, iv).message();
                    byte[] c = sealed.ciphertext().toByteArray();
                    int at = bit % (c.length * 8);
                    c[at / 8] ^= (byte) (1 << (at % 8));
                    IkeV1Message flipped = IkeV1Message.encrypted(sealed.header(), sealed.firstPayloadType(), Bytes.of(c));
                    assertThatThrownBy(() -> openAndVerify(p, flipped, iv))
                            .isExactlyInstanceOf(IkeV1IntegrityCheckFailedException.class)
                            .hasMessage(IkeV1IntegrityCheckFailedException.MESSAGE);
                });
    }

    @Test
    void aCutOrAWrongKeyIsTheSameFailure() {
        qt().withExamples(200).forAll(hashedMessages(), Generate.pick(SUITES), Generate.range(1, 1000))
                .checkAssert((m, s, cut) -> {
                    IkeV1MessageProtection p = protection(s, 3);
                    Bytes iv = Bytes.of(new byte[p.blockSize()]);
                    IkeV1Message sealed = p.encrypt(m, iv).message();
                    Bytes c = sealed.ciphertext();
                    IkeV1Message cutOff = IkeV1Message.encrypted(sealed.header(), sealed.firstPayloadType(),
                            c.slice(0, c.length() - 1 - cut % c.length()));
                    assertThatThrownBy(() -> openAndVerify(p, cutOff, iv))
                            .isExactlyInstanceOf(IkeV1IntegrityCheckFailedException.class);
                    assertThatThrownBy(() -> openAndVerify(protection(s, 4), sealed, iv))
                            .isExactlyInstanceOf(IkeV1IntegrityCheckFailedException.class)
                            .hasMessage(IkeV1IntegrityCheckFailedException.MESSAGE);
                });
    }

    @Test
    void toleratesAWholeExtraBlockOfNonZeroPaddingOnInput() throws Exception {
        IkeV1MessageProtection p = protection(SUITES.get(0), 5);
        IkeV1Message m = IkeV1Message.of(IkeV1Header.of(1, 2, IkeV1ExchangeType.INFORMATIONAL, 0, 7), List.of(
                new IkeV1HashPayload(Bytes.of(new byte[20])), new IkeV1NotificationPayload(1, 1, Bytes.EMPTY,
                        IkeV1NotifyType.R_U_THERE_ACK, Bytes.fromHex("00000002"))));
        Bytes iv = Bytes.of(new byte[16]);
        byte[] chain = IkeV1MessageEncoder.encodePayloadsToBytes(m.payloads()).toByteArray();
        byte[] padded = java.util.Arrays.copyOf(chain, (chain.length / 16 + 2) * 16);
        padded[padded.length - 1] = (byte) (padded.length - chain.length); // Cisco-style pad length
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        byte[] key = new byte[16];
        key[0] = 5;
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.IvParameterSpec(new byte[16]));
        IkeV1Message peer = IkeV1Message.encrypted(m.header(), m.firstPayloadType(), Bytes.of(aes.doFinal(padded)));
        assertThat(p.decrypt(peer, iv, IkeV1Codec.DECODER).message()).isEqualTo(m);
    }
}
