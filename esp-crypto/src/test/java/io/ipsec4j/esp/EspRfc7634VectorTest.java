package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.concat;
import static io.ipsec4j.esp.EspTestSupport.readable;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7634 Appendix A (ESP packet) and B (IKEv2 SK message) with both ChaCha20-Poly1305
 * implementations (rfc-7634-chacha20poly1305-esp-ikev2.txt).
 */
class EspRfc7634VectorTest {
    static List<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (Section s : VectorFile.sections("rfc-7634-chacha20poly1305-esp-ikev2.txt")) {
            for (CryptoProviders.ChaChaImplementation impl : CryptoProviders.ChaChaImplementation.values()) {
                out.add(Arguments.of(s, impl));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void matchesRfc7634(Section v, CryptoProviders.ChaChaImplementation impl) throws Exception {
        CryptoProviders providers = CryptoProviders.defaults().withChaCha(impl);
        if (v.title().startsWith("Appendix A")) {
            espPacket(v, providers);
        } else {
            ikeMessage(v, providers);
        }
    }

    private static void espPacket(Section v, CryptoProviders providers) throws Exception {
        byte[] keymat = v.bytes(v.keyStartingWith("KEYMAT"));
        byte[] wire = v.bytes(v.keyStartingWith("ESP packet"));
        byte[] plaintext = v.bytes(v.keyStartingWith("Plaintext"));
        byte[] aad = v.bytes(v.keyStartingWith("AAD"));
        byte[] buf = concat(v.bytes("IV"), plaintext, new byte[16]);
        try (Protection p = Protection.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                SecretBytes.of(keymat), null, providers)) {
            int n = p.sealWithIvInsecure(aad, 0, aad.length, buf, 0, plaintext.length, null);
            assertThat(concat(aad, Arrays.copyOf(buf, n))).isEqualTo(wire);
        }
        try (EspSa sa = EspSa.builder().spi(0x01020304).direction(EspDirection.INBOUND)
                .encryption(Encryption.CHACHA20_POLY1305).providers(providers)
                .keys(EspSaKeys.of(SecretBytes.of(keymat), SecretBytes.of(new byte[0]))).build()) {
            ByteBuf packet = Unpooled.wrappedBuffer(wire);
            assertThat(sa.open(packet)).isEqualTo(EspNextHeader.IPV4);
            assertThat(readable(packet)).isEqualTo(Arrays.copyOf(plaintext, 84));
        }
    }

    /** The SK payload: AAD = IKE header ‖ SK generic header, then IV ‖ ciphertext ‖ ICV. */
    private static void ikeMessage(Section v, CryptoProviders providers) throws Exception {
        byte[] message = v.bytes(v.keyStartingWith("Whole IKE message"));
        byte[] key = v.bytes(v.keyStartingWith("SK_e"));
        byte[] plaintext = v.bytes(v.keyStartingWith("Plaintext"));
        int aadLength = 32;
        byte[] copy = message.clone();
        try (Protection p = Protection.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                SecretBytes.of(key), null, providers)) {
            int n = p.open(copy, 0, aadLength, copy, aadLength, plaintext.length, null);
            assertThat(Arrays.copyOfRange(copy, aadLength + 8, aadLength + 8 + n)).isEqualTo(plaintext);
        }
        // A fresh instance: the engines refuse to encrypt with the nonce they just used.
        try (Protection p = Protection.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                SecretBytes.of(key), null, providers)) {
            p.sealWithIvInsecure(copy, 0, aadLength, copy, aadLength, plaintext.length, null);
            assertThat(copy).isEqualTo(message);
        }
    }
}
