package io.ipsec4j.ike.v1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/**
 * Coverage-guided fuzzing of the IKEv1 decryptor: any datagram, decoded and decrypted with the
 * RUB-NDS informational's key and IV, only ever raises {@link IkeProtocolException}. Seeds in
 * {@code IkeV1MessageProtectionFuzzTestInputs/} run in every build.
 */
class IkeV1MessageProtectionFuzzTest {
    private static final IkeV1MessageProtection AES = IkeV1MessageProtection.create(EncryptionAlgorithm.AES_CBC,
            SecretBytes.of(HexFormat.of().parseHex("c9fc2bdbd56171be58c4abd940e5d58e")));
    private static final IkeV1MessageProtection TDES = IkeV1MessageProtection.create(EncryptionAlgorithm.TRIPLE_DES,
            SecretBytes.of(new byte[24]));
    private static final Bytes IV = Bytes.fromHex("3d374a012e6bbc7ad042f15490f403b1");

    @FuzzTest(maxDuration = "30s")
    void decryptOnlyRaisesProtocolExceptions(byte[] data) {
        try {
            IkeV1Message m = IkeV1Codec.DECODER.decode(Unpooled.wrappedBuffer(data));
            AES.decrypt(m, IV, IkeV1Codec.DECODER);
        } catch (IkeProtocolException expected) {
            // typed rejection
        }
        try {
            IkeV1Message m = IkeV1Codec.DECODER.decode(Unpooled.wrappedBuffer(data));
            TDES.decrypt(m, IV.slice(0, 8), IkeV1Codec.DECODER);
        } catch (IkeProtocolException expected) {
            // typed rejection
        }
    }
}
