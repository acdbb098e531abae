package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ESP seal and open against a bare JCA baseline on the same bytes (issue 3 §4).
 *
 * <p>{@code seal}: {@link EspSa#seal} of a {@code size}-byte payload in place (header, padding,
 * trailer, IV, AEAD or encrypt-then-MAC). {@code jcaSeal}: the same plaintext (payload ‖ padding ‖
 * trailer) through {@code Cipher.init + updateAAD + doFinal} (plus {@code Mac} for CBC suites) in
 * place. {@code open}/{@code jcaOpen}: copy one of 64 pre-sealed packets into the work buffer (the
 * copy is in both), then verify and decrypt in place. The inbound SA runs without replay window
 * here ({@link EspReplayWindowBenchmark} measures the window). State is per thread, so running with
 * {@code -t 2} measures two threads on two SAs.
 */
@State(Scope.Thread)
public class EspSealOpenBenchmark extends EspPacketBenchmark {

    @Param({"AES128_GCM16", "AES256_GCM16", "CHACHA20_POLY1305_BC", "CHACHA20_POLY1305_JDK",
            "AES128_CBC_HMAC_SHA1_96", "AES256_CBC_HMAC_SHA2_256_128"})
    public EspBenchmarkSuite suite;

    @Param({"64", "512", "1400", "9000"})
    public int size;

    private Cipher jcaCipher;
    private Mac jcaMac;
    private SecretKeySpec jcaKey;
    private byte[] salt;
    private byte[] nonce;
    private byte[] icv;
    private boolean aead;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(42);
        byte[] encKey = new byte[suite.encryption.keyMaterialLengthBytes()];
        byte[] intKey = new byte[suite.encryption.isAead() ? 0 : suite.integrity.keyLengthBytes()];
        random.nextBytes(encKey);
        random.nextBytes(intKey);
        EspSaKeys keys = EspSaKeys.of(SecretBytes.of(encKey), SecretBytes.of(intKey));
        setUpSas(suite.encryption, suite.integrity, keys, suite.providers, size, random);
        aead = suite.encryption.isAead();
        int keyBytes = suite.encryption.keyBits() / 8;
        salt = Arrays.copyOfRange(encKey, keyBytes, encKey.length);
        nonce = new byte[salt.length + 8];
        System.arraycopy(salt, 0, nonce, 0, salt.length);
        icv = new byte[64];
        if (suite.encryption.algorithm().equals(EncryptionAlgorithm.CHACHA20_POLY1305)) {
            jcaCipher = Cipher.getInstance("ChaCha20-Poly1305");
            jcaKey = new SecretKeySpec(encKey, 0, keyBytes, "ChaCha20");
        } else if (aead) {
            jcaCipher = Cipher.getInstance("AES/GCM/NoPadding");
            jcaKey = new SecretKeySpec(encKey, 0, keyBytes, "AES");
        } else {
            jcaCipher = Cipher.getInstance("AES/CBC/NoPadding");
            jcaKey = new SecretKeySpec(encKey, 0, keyBytes, "AES");
            jcaMac = Mac.getInstance(suite.integrity.jcaMacName());
            jcaMac.init(new SecretKeySpec(intKey, suite.integrity.jcaMacName()));
        }
    }

    @Benchmark
    public byte[] jcaSeal() throws GeneralSecurityException {
        byte[] a = writeNextIv();
        int off = work.arrayOffset();
        if (aead) {
            System.arraycopy(a, off + 8, nonce, salt.length, 8);
            jcaCipher.init(Cipher.ENCRYPT_MODE, jcaKey, spec());
            jcaCipher.updateAAD(a, off, 8);
            jcaCipher.doFinal(a, off + headroom, plaintextLength, a, off + headroom);
        } else {
            jcaCipher.init(Cipher.ENCRYPT_MODE, jcaKey, new IvParameterSpec(a, off + 8, 16));
            jcaCipher.doFinal(a, off + headroom, plaintextLength, a, off + headroom);
            jcaMac.update(a, off, headroom + plaintextLength);
            jcaMac.doFinal(icv, 0);
        }
        return a;
    }

    @Benchmark
    public byte[] jcaOpen() throws GeneralSecurityException {
        nextPacket();
        byte[] a = work.array();
        int off = work.arrayOffset();
        if (aead) {
            System.arraycopy(a, off + 8, nonce, salt.length, 8);
            jcaCipher.init(Cipher.DECRYPT_MODE, jcaKey, spec());
            jcaCipher.updateAAD(a, off, 8);
            jcaCipher.doFinal(a, off + headroom, plaintextLength + 16, a, off + headroom);
        } else {
            int icvLength = outbound.icvLengthBytes();
            jcaMac.update(a, off, headroom + plaintextLength);
            jcaMac.doFinal(icv, 0);
            if (!MessageDigest.isEqual(Arrays.copyOf(icv, icvLength),
                    Arrays.copyOfRange(a, off + headroom + plaintextLength, off + headroom + plaintextLength + icvLength))) {
                throw new GeneralSecurityException("ICV");
            }
            jcaCipher.init(Cipher.DECRYPT_MODE, jcaKey, new IvParameterSpec(a, off + 8, 16));
            jcaCipher.doFinal(a, off + headroom, plaintextLength, a, off + headroom);
        }
        return a;
    }

    private java.security.spec.AlgorithmParameterSpec spec() {
        return jcaKey.getAlgorithm().equals("ChaCha20") ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce);
    }
}
