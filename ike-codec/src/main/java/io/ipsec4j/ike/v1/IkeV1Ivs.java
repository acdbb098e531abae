package io.ipsec4j.ike.v1;

import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The initialization vectors of IKEv1 encryption (RFC 2409 Appendix B).
 *
 * <p>The phase 1 IV is hash(g^xi | g^xr) truncated to the cipher block, with the negotiated hash
 * (not the PRF); each later phase 1 message uses the last ciphertext block of the previous one.
 * Every quick mode or informational exchange starts from hash(last phase 1 ciphertext block |
 * M-ID) and chains within itself the same way.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 */
public final class IkeV1Ivs {
    private IkeV1Ivs() {}

    /** Returns the phase 1 IV: hash(g^xi | g^xr), first {@code blockSize} bytes. */
    public static byte[] phase1(PrfAlgorithm hash, byte[] gxi, byte[] gxr, int blockSize) {
        MessageDigest md = digest(hash);
        md.update(gxi);
        md.update(gxr);
        return Arrays.copyOf(md.digest(), blockSize);
    }

    /** Returns the first IV of a quick mode or informational exchange: hash(last phase 1 block | M-ID). */
    public static byte[] phase2(PrfAlgorithm hash, byte[] lastPhase1Block, long messageId, int blockSize) {
        MessageDigest md = digest(hash);
        md.update(lastPhase1Block);
        md.update(ByteBuffer.allocate(4).putInt((int) messageId).array());
        return Arrays.copyOf(md.digest(), blockSize);
    }

    /** Returns the hash function of an Oakley Hash Algorithm, named by the PRF built on it. */
    static MessageDigest digest(PrfAlgorithm prf) {
        Objects.requireNonNull(prf, "prf");
        String name = switch (IkeV1Attributes.hashValue(prf).orElse(0)) {
            case 1 -> "MD5";
            case 2 -> "SHA-1";
            case 4 -> "SHA-256";
            case 5 -> "SHA-384";
            case 6 -> "SHA-512";
            default -> throw new IllegalArgumentException("IKEv1 hash of " + prf + ": not supported");
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + name, e);
        }
    }
}
