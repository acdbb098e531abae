package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.fixtures.FixtureFiles;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every IKEv1 known answer of RUB-NDS IPsec-StateMachineExtractor ({@code vectors/rubnds-ikev1-ikev2-esp.txt}):
 * SKEYID*, the cipher key, the phase 1 IV, HASH_R, quick mode KEYMAT and the decryption of a captured
 * encrypted informational message.
 */
class RubNdsIkeV1KeysTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PSK = "AAAA".getBytes();

    /** The IKEv1 sections, each as label → hex (first token of a line, or the value after the last "= "). */
    static List<Map<String, String>> sections() {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = null;
        for (String line : FixtureFiles.vector(RubNdsIkeV1Messages.FILE).lines().toList()) {
            if (line.startsWith("## ")) {
                cur = line.contains("IKEv1HandshakeSessionSecretsTest") ? new HashMap<>() : null;
                if (cur != null) {
                    out.add(cur);
                }
                continue;
            }
            if (cur == null || line.isBlank()) {
                continue;
            }
            String t = line.trim();
            if (t.contains("= ")) {
                cur.put(t.split("\\s+")[0], t.substring(t.lastIndexOf("= ") + 2).trim());
            } else {
                String[] f = t.split("\\s+");
                for (int i = 0; i + 1 < f.length; i += 2) {
                    cur.putIfAbsent(f[i], f[i + 1]);
                }
                if (t.startsWith("SAi_b") || t.startsWith("IDir_b")) {
                    cur.put(f[0], f[f.length - 1]);
                }
            }
        }
        return out;
    }

    static Stream<Map<String, String>> phase1() {
        return sections().stream();
    }

    private static Prf sha1() throws Exception {
        return Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults());
    }

    private static byte[] h(Map<String, String> s, String key) {
        return HEX.parseHex(s.get(key));
    }

    private static long cookie(Map<String, String> s, String key) {
        return Long.parseUnsignedLong(s.get(key), 16);
    }

    @ParameterizedTest
    @MethodSource("phase1")
    void derivesSkeyidTheCipherKeyTheIvAndHashR(Map<String, String> s) throws Exception {
        IkeV1KeySchedule k = IkeV1KeySchedule.preSharedKey(sha1(), PSK, h(s, "Ni_b"), h(s, "Nr_b"), h(s, "g^xy"),
                cookie(s, "CKY-I"), cookie(s, "CKY-R"), 16);
        assertThat(HEX.formatHex(k.skeyid().copyBytes())).isEqualTo(s.get("SKEYID"));
        assertThat(HEX.formatHex(k.skeyidD().copyBytes())).isEqualTo(s.get("SKEYID_d"));
        assertThat(HEX.formatHex(k.skeyidA().copyBytes())).isEqualTo(s.get("SKEYID_a"));
        assertThat(HEX.formatHex(k.skeyidE().copyBytes())).isEqualTo(s.get("SKEYID_e"));
        assertThat(HEX.formatHex(k.encryptionKey().copyBytes())).isEqualTo(s.get("Ka"));
        assertThat(HEX.formatHex(IkeV1Ivs.phase1(PrfAlgorithm.HMAC_SHA1, h(s, "g^xi"), h(s, "g^xr"), 16)))
                .isEqualTo(s.get("phase-1"));
        assertThat(IkeV1Hashes.hashR(sha1(), k.skeyid(), h(s, "g^xi"), h(s, "g^xr"), cookie(s, "CKY-I"),
                cookie(s, "CKY-R"), h(s, "SAi_b"), h(s, "IDir_b")).toHex()).isEqualTo(s.get("HASH_R"));
        assertThat(k.toString()).doesNotContain(s.get("SKEYID").substring(0, 8));
    }

    @Test
    void derivesQuickModeKeymatPerSpiAndSplitsItForEsp() throws Exception {
        Map<String, String> s = sections().get(2);
        IkeV1KeySchedule k = IkeV1KeySchedule.preSharedKey(sha1(), PSK, h(s, "Ni_b"), h(s, "Nr_b"), h(s, "g^xy"),
                cookie(s, "CKY-I"), cookie(s, "CKY-R"), 16);
        byte[] ni = HEX.parseHex("cec1ae1e6e1d7f5b6d59a658ce2933eb");
        byte[] nr = HEX.parseHex("8ee957f9076b169465d28c0075bfadde31f9bf5a7cf6f48ca3e63d729dc36992");
        assertThat(HEX.formatHex(IkeV1Keymat.compute(sha1(), k.skeyidD(), null, 3, 0xc6af22ee, ni, nr, 36).copyBytes()))
                .isEqualTo("7a4a4c9117705ff453f50a8914bd7726665f3b5e5c90cc1d039138a0273a2b4e0f2cc3d2");
        EspSaKeys in = IkeV1Keymat.espKeys(sha1(), k.skeyidD(), null, 0xbc87cf3f, ni, nr, Encryption.AES128_CBC,
                IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(HEX.formatHex(in.encryptionKey().copyBytes())).isEqualTo("9b7ef7409cf03c5c960e8ea3a832919e");
        assertThat(HEX.formatHex(in.integrityKey().copyBytes())).isEqualTo("a877cbc00d1bdf385e94eec05b91fc40b43585f8");
    }

    @Test
    void decryptsTheCapturedEncryptedInformational() throws Exception {
        IkeV1Message m = IkeV1Codec.decode(RubNdsIkeV1Messages.encryptedInformational());
        IkeV1MessageProtection p = IkeV1MessageProtection.create(EncryptionAlgorithm.AES_CBC,
                io.ipsec4j.model.SecretBytes.of(HEX.parseHex("c9fc2bdbd56171be58c4abd940e5d58e")));
        IkeV1MessageProtection.Opened o = p.decrypt(m, Bytes.fromHex("3d374a012e6bbc7ad042f15490f403b1"),
                IkeV1Codec.DECODER);
        assertThat(o.message().payloads()).extracting(IkeV1Payload::type)
                .containsExactly(IkeV1PayloadType.HASH, IkeV1PayloadType.NOTIFICATION);
        assertThat(IkeV1MessageEncoder.encodePayloadsToBytes(o.message().payloads()).toHex()).isEqualTo(
                "0b0000186ccbbdd749962c1c0cde5e55e9bd8b73f779ba530000000c0000000101000010");
        assertThat(o.nextIv()).isEqualTo(m.ciphertext().slice(32, 48));
        // canonical re-encryption: the 36-byte chain padded with zeros to 48, as the peer sent it
        assertThat(p.encrypt(o.message(), Bytes.fromHex("3d374a012e6bbc7ad042f15490f403b1")).message())
                .isEqualTo(m);
    }
}
