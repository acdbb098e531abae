package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Keys, messages and helpers shared by the RFC 7383 fragmentation tests. */
final class FragmentFixtures {
    static final IkeHeader HEADER = IkeHeader.of(0x0102030405060708L, 0x1112131415161718L, IkeExchangeType.IKE_AUTH,
            true, false, 1);

    private FragmentFixtures() {
    }

    /** The suites under test: a block cipher with HMAC, and an AEAD. */
    enum Suite {
        AES_CBC_HMAC(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96),
        AES_GCM(Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE);

        final Encryption encryption;
        final IntegrityAlgorithm integrity;

        Suite(Encryption encryption, IntegrityAlgorithm integrity) {
            this.encryption = encryption;
            this.integrity = integrity;
        }

        private SecretBytes key(int length) {
            byte[] k = new byte[length];
            new Random(ordinal() * 31L + length).nextBytes(k);
            return SecretBytes.of(k);
        }

        IkeFragmenter fragmenter() throws Exception {
            return IkeFragmenter.create(encryption, integrity, key(encryption.keyMaterialLengthBytes()),
                    key(integrity.keyLengthBytes()), CryptoProviders.defaults());
        }

        IkeSkCodec codec() throws Exception {
            return IkeSkCodec.create(encryption, integrity, key(encryption.keyMaterialLengthBytes()),
                    key(integrity.keyLengthBytes()), CryptoProviders.defaults());
        }
    }

    /** An IKE_AUTH-like chain of about {@code size} bytes: a nonce, a big vendor ID and a notify. */
    static List<IkePayload> payloads(int size) {
        byte[] blob = new byte[Math.max(0, size - 40)];
        new Random(size).nextBytes(blob);
        return List.of(new IkeNoncePayload(Bytes.of(new byte[16])), new IkeVendorPayload(Bytes.of(blob)),
                IkeNotifyPayload.status(IkeNotifyType.INITIAL_CONTACT));
    }

    static List<byte[]> datagrams(List<IkeMessage> fragments) {
        List<byte[]> out = new ArrayList<>();
        for (IkeMessage m : fragments) {
            out.add(IkeMessageEncoder.encodeToBytes(m).toByteArray());
        }
        return out;
    }

    /** Every permutation of 0..n-1. */
    static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] prefix, boolean[] used, int depth, List<int[]> out) {
        if (depth == prefix.length) {
            out.add(prefix.clone());
            return;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!used[i]) {
                used[i] = true;
                prefix[depth] = i;
                permute(prefix, used, depth + 1, out);
                used[i] = false;
            }
        }
    }
}
