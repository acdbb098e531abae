package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.randomKeys;
import static io.ipsec4j.esp.EspTestSupport.readable;
import static io.ipsec4j.esp.EspTestSupport.withHeadroom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class EspSaBuilderTest {
    private static final Encryption GCM = Encryption.AES128_GCM_16;
    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5};
    /** Transport-mode payloads carry the caller's Next Header; 17 = UDP. */
    private static final int UDP = 17;

    private static EspSaBuilder builder(EspDirection direction, EspSaKeys keys, boolean esn) {
        return EspSa.builder().spi(0x7000).direction(direction).encryption(GCM).keys(keys).esn(esn)
                .mode(EspMode.TRANSPORT);
    }

    private static byte[] seal(EspSa out) throws EspException {
        ByteBuf buf = withHeadroom(PAYLOAD, out.headroomBytes(), out.maxTrailerBytes());
        out.seal(buf, UDP);
        return readable(buf);
    }

    private static int open(EspSa in, byte[] packet) throws EspException {
        return in.open(Unpooled.wrappedBuffer(packet.clone()));
    }

    /** New key objects holding the same bytes, as a controller restores them from persisted state. */
    private static EspSaKeys restored(EspSaKeys keys) {
        return EspSaKeys.of(SecretBytes.of(keys.encryptionKey().copyBytes()),
                SecretBytes.of(keys.integrityKey().copyBytes()));
    }

    @Test
    void aBuilderBuildsOnceSoTwoSasNeverShareKeysAndNonces() throws Exception {
        EspSaBuilder b = builder(EspDirection.OUTBOUND, randomKeys(GCM, IntegrityAlgorithm.NONE, 1), false);
        try (EspSa first = b.build()) {
            assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("builds once");
            assertThat(first.lastSequenceNumber()).isZero();
        }
    }

    @Test
    void oneKeySetKeysAtMostOneOutboundSaButAnyNumberOfInboundOnes() throws Exception {
        EspSaKeys keys = randomKeys(GCM, IntegrityAlgorithm.NONE, 2);
        try (EspSa out = builder(EspDirection.OUTBOUND, keys, false).build();
                EspSa in1 = builder(EspDirection.INBOUND, keys, false).build();
                EspSa in2 = builder(EspDirection.INBOUND, keys, false).build()) {
            assertThatThrownBy(() -> builder(EspDirection.OUTBOUND, keys, false).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already keyed an outbound SA");
            byte[] packet = seal(out);
            assertThat(open(in1, packet)).isEqualTo(UDP);
            assertThat(open(in2, packet)).isEqualTo(UDP);
        }
    }

    @Test
    void aBuildTheCryptoLayerRejectsClaimsNoKeysAndTheBuilderCanBeCorrected() throws Exception {
        EspSaKeys keys = randomKeys(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, 3);
        EspSaBuilder b = EspSa.builder().spi(0x7000).direction(EspDirection.OUTBOUND)
                .encryption(Encryption.AES128_CBC).keys(keys);
        assertThatThrownBy(b::build).isInstanceOf(CryptoException.class).hasMessageContaining("integrity NONE");
        try (EspSa out = b.integrity(IntegrityAlgorithm.HMAC_SHA1_96).build()) {
            assertThat(out.integrity()).isEqualTo(IntegrityAlgorithm.HMAC_SHA1_96);
        }
    }

    @Test
    void aRestartFromPersistedStateContinuesBothSequenceSpaces() throws Exception {
        EspSaKeys keys = randomKeys(GCM, IntegrityAlgorithm.NONE, 4);
        long next;
        long highest;
        try (EspSa out = builder(EspDirection.OUTBOUND, keys, false).build();
                EspSa in = builder(EspDirection.INBOUND, keys, false).build()) {
            for (int i = 0; i < 3; i++) {
                open(in, seal(out));
            }
            next = out.lastSequenceNumber() + 1;
            highest = in.highestInboundSequenceNumber();
        }
        EspSaKeys again = restored(keys);
        try (EspSa out = builder(EspDirection.OUTBOUND, again, false).nextOutboundSequenceNumber(next).build();
                EspSa in = builder(EspDirection.INBOUND, again, false).highestInboundSequenceNumber(highest).build()) {
            byte[] packet = seal(out);
            assertThat(Integer.toUnsignedLong(Unpooled.wrappedBuffer(packet).getInt(4))).isEqualTo(4);
            assertThat(open(in, packet)).isEqualTo(UDP);
            assertThat(in.highestInboundSequenceNumber()).isEqualTo(4);
        }
        // Numbers up to the persisted highest count as seen: a replay of packet 3 is refused.
        try (EspSa out = builder(EspDirection.OUTBOUND, restored(keys), false).nextOutboundSequenceNumber(3).build();
                EspSa in = builder(EspDirection.INBOUND, restored(keys), false).highestInboundSequenceNumber(3)
                        .build()) {
            byte[] replay = seal(out);
            assertThatThrownBy(() -> open(in, replay)).isInstanceOf(EspReplayException.class)
                    .hasMessageContaining("sequence 3");
        }
    }

    @Test
    void anInboundSaStartedAtTheEsnEpochOpensACaptureTakenMidLife() throws Exception {
        EspSaKeys keys = randomKeys(GCM, IntegrityAlgorithm.NONE, 5);
        long seq = (5L << 32) | 7;
        byte[] packet;
        try (EspSa out = builder(EspDirection.OUTBOUND, keys, true).nextOutboundSequenceNumber(seq).build()) {
            packet = seal(out);
            assertThat(out.lastSequenceNumber()).isEqualTo(seq);
        }
        // On the wire only the low 32 bits (7); the high bits (5) are only in the ICV input.
        assertThat(Unpooled.wrappedBuffer(packet).getInt(4)).isEqualTo(7);
        try (EspSa fresh = builder(EspDirection.INBOUND, keys, true).build()) {
            assertThatThrownBy(() -> open(fresh, packet)).isInstanceOf(EspAuthenticationException.class);
        }
        for (int window : new int[] {0, 128}) {
            try (EspSa midLife = builder(EspDirection.INBOUND, keys, true).replayWindow(window)
                    .highestInboundSequenceNumber(5L << 32).build()) {
                assertThat(open(midLife, packet)).isEqualTo(UDP);
                assertThat(midLife.highestInboundSequenceNumber()).isEqualTo(seq);
            }
        }
    }

    @Test
    void startOptionsAreValidated() {
        EspSaKeys keys = randomKeys(GCM, IntegrityAlgorithm.NONE, 6);
        assertThatThrownBy(() -> EspSa.builder().nextOutboundSequenceNumber(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: >= 1");
        assertThatThrownBy(() -> EspSa.builder().nextOutboundSequenceNumber(Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: >= 1");
        assertThatThrownBy(() -> builder(EspDirection.OUTBOUND, keys, false).nextOutboundSequenceNumber(1L << 32)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("4294967296")
                .hasMessageContaining("expected: <= 4294967295 without ESN");
        assertThatThrownBy(() -> builder(EspDirection.INBOUND, keys, false).highestInboundSequenceNumber(1L << 32)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("4294967296")
                .hasMessageContaining("expected: <= 4294967295 without ESN");
        assertThatThrownBy(() -> builder(EspDirection.INBOUND, keys, false).nextOutboundSequenceNumber(5).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outbound SA only");
        assertThatThrownBy(() -> builder(EspDirection.OUTBOUND, keys, false).highestInboundSequenceNumber(5).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inbound SA only");
    }
}
