package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.v2.FragmentFixtures.Suite;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link IkeFragmenter}: fragments fit the limit of RFC 7383 §2.5.1, carry the right numbering and
 * Next Payload (§2.5), each decrypts on its own with {@link IkeSkCodec#decryptFragment} (so its
 * AAD/ICV covers its own header ‖ SKF header ‖ Fragment Number ‖ Total Fragments), and
 * {@link IkeReassembler} puts them back together in every order.
 */
class IkeFragmenterTest {
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();

    @Test
    void maxMessageBytesSubtractsIpUdpAndTheNonEspMarker() {
        assertThat(IkeFragmenter.maxMessageBytes(IkeFragmenter.DEFAULT_IPV4_DATAGRAM_BYTES, false, false))
                .isEqualTo(576 - 20 - 8);
        assertThat(IkeFragmenter.maxMessageBytes(IkeFragmenter.DEFAULT_IPV4_DATAGRAM_BYTES, false, true))
                .isEqualTo(576 - 20 - 8 - 4);
        assertThat(IkeFragmenter.maxMessageBytes(IkeFragmenter.DEFAULT_IPV6_DATAGRAM_BYTES, true, true))
                .isEqualTo(1280 - 40 - 8 - 4);
        assertThatThrownBy(() -> IkeFragmenter.maxMessageBytes(28, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: > 28");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void fragmentsFitTheLimitAndDecryptOneByOne(Suite suite) throws Exception {
        int limit = IkeFragmenter.maxMessageBytes(576, false, true);
        List<IkePayload> payloads = FragmentFixtures.payloads(3000);
        try (IkeFragmenter f = suite.fragmenter(); IkeSkCodec codec = suite.codec()) {
            List<IkeMessage> fragments = f.fragment(FragmentFixtures.HEADER, payloads, limit);
            int total = fragments.size();
            assertThat(total).isGreaterThan(5);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < total; i++) {
                byte[] datagram = IkeMessageEncoder.encodeToBytes(fragments.get(i)).toByteArray();
                assertThat(datagram.length).isLessThanOrEqualTo(limit);
                IkeMessage decoded = DECODER.decode(Unpooled.wrappedBuffer(datagram));
                assertThat(decoded).isEqualTo(fragments.get(i));
                IkeSkfPayload skf = (IkeSkfPayload) decoded.payloads().get(0);
                assertThat(List.of(skf.fragmentNumber(), skf.totalFragments())).containsExactly(i + 1, total);
                assertThat(skf.firstPayloadType()).isEqualTo(i == 0 ? IkePayloadType.NONCE : IkePayloadType.NO_NEXT_PAYLOAD);
                Bytes piece = codec.decryptFragment(datagram, decoded);
                if (i < total - 1) {
                    assertThat(piece.length()).isEqualTo(f.maxContentBytes(limit));
                }
                joined.append(piece.toHex());
            }
            assertThat(joined.toString()).isEqualTo(VectorCodec.hex(encodePayloads(payloads)));
        }
    }

    private static ByteBuf encodePayloads(List<IkePayload> payloads) {
        ByteBuf out = Unpooled.buffer();
        IkeMessageEncoder.encodePayloads(payloads, out);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void reassemblesInEveryOrderOfFourFragments(Suite suite) throws Exception {
        try (IkeFragmenter f = suite.fragmenter(); IkeSkCodec codec = suite.codec()) {
            List<IkePayload> payloads = FragmentFixtures.payloads(700);
            List<byte[]> datagrams = FragmentFixtures.datagrams(f.fragment(FragmentFixtures.HEADER, payloads, 256));
            assertThat(datagrams).hasSize(4);
            for (int[] order : FragmentFixtures.permutations(4)) {
                IkeReassembler r = new IkeReassembler(codec);
                Optional<IkeMessage> result = Optional.empty();
                for (int k = 0; k < order.length; k++) {
                    result = r.accept(datagrams.get(order[k]));
                    assertThat(result.isPresent()).isEqualTo(k == order.length - 1);
                }
                assertThat(result).contains(new IkeMessage(FragmentFixtures.HEADER, payloads));
                assertThat(r.inProgress()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void anEmptyChainIsOneFragment(Suite suite) throws Exception {
        try (IkeFragmenter f = suite.fragmenter(); IkeSkCodec codec = suite.codec()) {
            List<IkeMessage> fragments = f.fragment(FragmentFixtures.HEADER, List.of(), 100);
            assertThat(fragments).hasSize(1);
            byte[] d = IkeMessageEncoder.encodeToBytes(fragments.get(0)).toByteArray();
            assertThat(new IkeReassembler(codec).accept(d)).contains(new IkeMessage(FragmentFixtures.HEADER, List.of()));
        }
    }

    @Test
    void rejectsALimitWithoutRoomForContent() throws Exception {
        try (IkeFragmenter f = Suite.AES_GCM.fragmenter()) {
            // 28 header + 8 SKF header + 8 IV + 16 ICV = 60 bytes of overhead; the Pad Length needs one more.
            assertThat(f.maxContentBytes(62)).isEqualTo(1);
            assertThatThrownBy(() -> f.maxContentBytes(61)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("60 bytes of overhead");
        }
        try (IkeFragmenter f = Suite.AES_CBC_HMAC.fragmenter()) {
            // 28 + 8 + 16 IV + 12 ICV = 64; content ‖ pad ‖ pad length fills whole 16-byte blocks.
            assertThat(f.maxContentBytes(64 + 16)).isEqualTo(15);
            assertThat(f.maxContentBytes(64 + 31)).isEqualTo(15);
            assertThat(f.toString()).doesNotContainPattern("[0-9a-f]{32}");
        }
    }

    // --- AOSP SKF vectors: the file holds single fragments (5 of 5, 2 of 2) of different messages.

    private static final Map<String, String> V = AospVectorFile.load("/vectors/aosp-encrypted-body-sk-skf.txt");
    private static final String P = "IkeEncryptedPayloadBodyTest.";

    /** AOSP's single SKF fragments and their keys. */
    enum AospFragment {
        TRIPLE_DES("HMAC_SHA1_3DES_FRAG_HEX_STRING", "HMAC_SHA1_3DES_FRAG_ENCR_KEY", "HMAC_SHA1_3DES_FRAG_INTE_KEY",
                Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_96),
        AES_GCM("AES_GCM_FRAG_HEX_STRING", "AES_GCM_FRAG_ENCR_KEY", null,
                Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE);

        final String message;
        final String encryptionKey;
        final String integrityKey;
        final Encryption encryption;
        final IntegrityAlgorithm integrity;

        AospFragment(String message, String encryptionKey, String integrityKey,
                Encryption encryption, IntegrityAlgorithm integrity) {
            this.message = message;
            this.encryptionKey = encryptionKey;
            this.integrityKey = integrityKey;
            this.encryption = encryption;
            this.integrity = integrity;
        }

        IkeSkCodec codec() throws Exception {
            return IkeSkCodec.create(encryption, integrity, SecretBytes.of(HexFormat.of().parseHex(V.get(P + encryptionKey))),
                    integrityKey == null ? null : SecretBytes.of(HexFormat.of().parseHex(V.get(P + integrityKey))),
                    CryptoProviders.defaults());
        }
    }

    @ParameterizedTest
    @EnumSource(AospFragment.class)
    void theReassemblerKeepsAnAuthenticAospFragmentAndWaitsForTheRest(AospFragment v) throws Exception {
        byte[] datagram = HexFormat.of().parseHex(V.get(P + v.message));
        try (IkeSkCodec codec = v.codec()) {
            IkeReassembler r = new IkeReassembler(codec);
            assertThat(r.accept(datagram)).isEmpty();
            assertThat(r.inProgress()).isTrue();
            assertThat(r.accept(datagram)).isEmpty(); // a duplicate: ignored
            assertThat(r.toString()).contains("1/");
            byte[] tampered = datagram.clone();
            tampered[tampered.length - 1] ^= 1;
            IkeReassembler fresh = new IkeReassembler(codec);
            assertThatThrownBy(() -> fresh.accept(tampered)).isInstanceOf(IkeIntegrityCheckFailedException.class);
            assertThat(fresh.inProgress()).isFalse();
        }
    }
}
