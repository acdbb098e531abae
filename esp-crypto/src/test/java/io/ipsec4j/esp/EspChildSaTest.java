package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EsnMode;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EspChildSa}: one call builds both SAs of a CHILD SA for either role, with SPIs, KEYMAT
 * halves and ESN the right way round (the initiator's outbound SA is the responder's inbound one).
 */
class EspChildSaTest {
    private static final int INITIATOR_SPI = 0xC1000001;
    private static final int RESPONDER_SPI = 0xC2000002;
    private static final int UDP = 17;

    private static SecretBytes keymat(EspProposal p) {
        byte[] k = new byte[EspChildSaKeys.keymatLengthBytes(p.encryption().get(0),
                p.integrity().isEmpty() ? IntegrityAlgorithm.NONE : p.integrity().get(0))];
        new Random(7).nextBytes(k);
        return SecretBytes.of(k);
    }

    @Test
    void initiatorAndResponderPairUpBothWays() throws Exception {
        EspProposal chosen = EspProposal.parse("aes128-sha256-esn");
        SecretBytes keymat = keymat(chosen);
        try (EspChildSa i = EspChildSa.create(EspChildSa.Role.INITIATOR, chosen, INITIATOR_SPI, RESPONDER_SPI, keymat,
                b -> b.mode(EspMode.TUNNEL).replayWindow(64));
                EspChildSa r = EspChildSa.create(EspChildSa.Role.RESPONDER, chosen, INITIATOR_SPI, RESPONDER_SPI, keymat,
                        null)) {
            assertThat(i.inbound().spi()).isEqualTo(INITIATOR_SPI);
            assertThat(i.outbound().spi()).isEqualTo(RESPONDER_SPI);
            assertThat(r.inbound().spi()).isEqualTo(RESPONDER_SPI);
            assertThat(r.outbound().spi()).isEqualTo(INITIATOR_SPI);
            assertThat(i.inbound().direction()).isEqualTo(EspDirection.INBOUND);
            assertThat(i.outbound().direction()).isEqualTo(EspDirection.OUTBOUND);
            assertThat(i.inbound().isEsn()).isTrue();
            assertThat(r.outbound().isEsn()).isTrue();
            assertThat(i.outbound().integrity()).isEqualTo(IntegrityAlgorithm.HMAC_SHA2_256_128);
            assertRoundTrip(i.outbound(), r.inbound());
            assertRoundTrip(r.outbound(), i.inbound());
        }
        assertThat(keymat.isDestroyed()).as("KEYMAT stays the caller's").isFalse();
    }

    @Test
    void noEsnAndAeadComeFromTheProposal() throws Exception {
        EspProposal chosen = EspProposal.builder().addEncryption(Encryption.AES256_GCM_16).addEsn(EsnMode.NO_ESN).build();
        try (EspChildSa i = EspChildSa.create(EspChildSa.Role.INITIATOR, chosen, INITIATOR_SPI, RESPONDER_SPI,
                keymat(chosen), null);
                EspChildSa r = EspChildSa.create(EspChildSa.Role.RESPONDER, chosen, INITIATOR_SPI, RESPONDER_SPI,
                        keymat(chosen), null)) {
            assertThat(i.outbound().isEsn()).isFalse();
            assertThat(i.outbound().integrity()).isEqualTo(IntegrityAlgorithm.NONE);
            assertRoundTrip(i.outbound(), r.inbound());
        }
    }

    @Test
    void anOfferIsNotAChoice() {
        EspProposal offer = EspProposal.parse("aes128-aes256-sha256");
        assertThatThrownBy(() -> EspChildSa.create(EspChildSa.Role.INITIATOR, offer, 1, 2, keymat(offer), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 encryption transforms")
                .hasMessageContaining("expected: 1");
    }

    @Test
    void theDefaultChaChaIsTheFasterImplementationOfThisJdkAndTheSaSaysWhich() throws Exception {
        // Measured (CryptoProviders' class comment): the JDK's cipher wins on JDK 17 and 25.
        assertThat(CryptoProviders.defaults().chaCha()).isEqualTo(CryptoProviders.ChaChaImplementation.JDK);
        EspProposal chosen = EspProposal.parse("chacha20poly1305");
        try (EspChildSa i = EspChildSa.create(EspChildSa.Role.INITIATOR, chosen, INITIATOR_SPI, RESPONDER_SPI,
                keymat(chosen), null)) {
            assertThat(i.outbound().implementation()).isEqualTo("ChaCha20-Poly1305 (SunJCE)");
        }
    }

    private static void assertRoundTrip(EspSa out, EspSa in) throws EspException {
        byte[] payload = new byte[100];
        new Random(3).nextBytes(payload);
        ByteBuf buf = EspTestSupport.withHeadroom(payload, out.headroomBytes(), out.maxTrailerBytes());
        try {
            out.seal(buf, UDP);
            assertThat(buf.getInt(buf.readerIndex())).isEqualTo(out.spi());
            assertThat(in.open(buf)).isEqualTo(UDP);
            assertThat(EspTestSupport.readable(buf)).isEqualTo(payload);
        } finally {
            buf.release();
        }
    }
}
