package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ESP ChaCha20-Poly1305 with the implementation {@link CryptoProviders#defaults()} picks for the
 * running JDK, against both bare implementations on the same packet (issue 10 §4).
 *
 * <p>{@code seal}/{@code open}: {@link EspSa#seal}/{@link EspSa#open} of a {@code size}-byte payload
 * in place ({@code open} first copies one of 64 pre-sealed packets into the work buffer).
 * {@code jcaSeal}/{@code jcaOpen}: {@code Cipher.getInstance("ChaCha20-Poly1305")} with
 * {@code init + updateAAD + doFinal} on the ESP packet's plaintext (payload ‖ padding ‖ trailer) in
 * place. {@code bcSeal}/{@code bcOpen}: BouncyCastle's lightweight {@code ChaCha20Poly1305} engine
 * ({@code init + processAADBytes + processBytes + doFinal}) into a second array, its fastest use.
 * The bare variants of {@code open} copy the same packet first, as {@code open} does.
 * {@link EspSa#implementation()} of the measured SA is printed at setup.
 */
@State(Scope.Thread)
public class EspChaChaBenchmark extends EspPacketBenchmark {
    private static final int TAG = 16;

    @Param({"1400"})
    public int size;

    private Cipher jca;
    private SecretKeySpec jcaKey;
    private ChaCha20Poly1305 bc;
    private KeyParameter bcKey;
    private byte[] nonce;
    private byte[] bcOut;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(42);
        byte[] km = new byte[Encryption.CHACHA20_POLY1305.keyMaterialLengthBytes()];
        random.nextBytes(km);
        EspSaKeys keys = EspSaKeys.of(SecretBytes.of(km), SecretBytes.of(new byte[0]));
        setUpSas(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE, keys, CryptoProviders.defaults(), size,
                random);
        System.err.println("EspSa.implementation(): " + outbound.implementation() + " on JDK " + Runtime.version());
        nonce = new byte[12];
        System.arraycopy(km, 32, nonce, 0, 4);
        jca = Cipher.getInstance("ChaCha20-Poly1305");
        jcaKey = new SecretKeySpec(km, 0, 32, "ChaCha20");
        bc = new ChaCha20Poly1305();
        bcKey = new KeyParameter(km, 0, 32);
        bcOut = new byte[work.capacity()];
    }

    @Benchmark
    public byte[] jcaSeal() throws GeneralSecurityException {
        byte[] a = newIv();
        int off = work.arrayOffset();
        jca.init(Cipher.ENCRYPT_MODE, jcaKey, new IvParameterSpec(nonce));
        jca.updateAAD(a, off, 8);
        jca.doFinal(a, off + headroom, plaintextLength, a, off + headroom);
        return a;
    }

    @Benchmark
    public byte[] jcaOpen() throws GeneralSecurityException {
        nextPacket();
        byte[] a = work.array();
        int off = work.arrayOffset();
        System.arraycopy(a, off + 8, nonce, 4, 8);
        jca.init(Cipher.DECRYPT_MODE, jcaKey, new IvParameterSpec(nonce));
        jca.updateAAD(a, off, 8);
        jca.doFinal(a, off + headroom, plaintextLength + TAG, a, off + headroom);
        return a;
    }

    @Benchmark
    public byte[] bcSeal() throws InvalidCipherTextException {
        byte[] a = newIv();
        int off = work.arrayOffset();
        bc.init(true, new AEADParameters(bcKey, TAG * 8, nonce));
        bc.processAADBytes(a, off, 8);
        int n = bc.processBytes(a, off + headroom, plaintextLength, bcOut, 0);
        bc.doFinal(bcOut, n);
        return bcOut;
    }

    @Benchmark
    public byte[] bcOpen() throws InvalidCipherTextException {
        nextPacket();
        byte[] a = work.array();
        int off = work.arrayOffset();
        System.arraycopy(a, off + 8, nonce, 4, 8);
        bc.init(false, new AEADParameters(bcKey, TAG * 8, nonce));
        bc.processAADBytes(a, off, 8);
        int n = bc.processBytes(a, off + headroom, plaintextLength + TAG, bcOut, 0);
        bc.doFinal(bcOut, n);
        return bcOut;
    }

    /** Writes the next counter as the IV (after the 8-byte ESP header) and into the nonce. */
    private byte[] newIv() {
        byte[] a = writeNextIv();
        System.arraycopy(a, work.arrayOffset() + 8, nonce, 4, 8);
        return a;
    }
}
