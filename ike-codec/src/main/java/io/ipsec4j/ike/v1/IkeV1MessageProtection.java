package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.netty.buffer.Unpooled;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CBC encryption of IKEv1 messages: AES-CBC (128, 192, 256) and 3DES-CBC.
 *
 * <p>Everything after the header is encrypted with the ISAKMP SA's key and the IV of
 * {@link IkeV1Ivs}; the last ciphertext block is the next IV. The plaintext is padded to the block
 * size: on output with the fewest zero bytes (RFC 2409 Appendix B), on input any padding after the
 * payload chain is accepted, as strongSwan and Cisco send it. CBC has no integrity of its own: a
 * wrong key, a flipped bit or a cut message shows as a ciphertext of the wrong length or a
 * plaintext that is not a payload chain, and every such case is the same
 * {@link IkeV1IntegrityCheckFailedException}; the HASH payload is checked by {@link IkeV1Hashes}.
 * Thread-safe; a JCA cipher is created per call.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public final class IkeV1MessageProtection {
    private final String transformation;
    private final SecretKeySpec key;
    private final int blockSize;

    /** A decrypted message and the IV of the next message in the same exchange. */
    public record Opened(IkeV1Message message, Bytes nextIv) {}

    /** An encrypted message and the IV of the next message in the same exchange. */
    public record Sealed(IkeV1Message message, Bytes nextIv) {}

    private IkeV1MessageProtection(String transformation, SecretKeySpec key, int blockSize) {
        this.transformation = transformation;
        this.key = key;
        this.blockSize = blockSize;
    }

    /**
     * Returns the protection of an ISAKMP SA.
     *
     * @throws IllegalArgumentException for a cipher other than AES-CBC or 3DES, or a wrong key length
     */
    public static IkeV1MessageProtection create(EncryptionAlgorithm algorithm, SecretBytes key) {
        Objects.requireNonNull(algorithm, "algorithm");
        byte[] k = Objects.requireNonNull(key, "key").copyBytes();
        try {
            if (algorithm.equals(EncryptionAlgorithm.AES_CBC) && (k.length == 16 || k.length == 24 || k.length == 32)) {
                return new IkeV1MessageProtection("AES/CBC/NoPadding", new SecretKeySpec(k, "AES"), 16);
            }
            if (algorithm.equals(EncryptionAlgorithm.TRIPLE_DES) && k.length == 24) {
                return new IkeV1MessageProtection("DESede/CBC/NoPadding", new SecretKeySpec(k, "DESede"), 8);
            }
        } finally {
            Arrays.fill(k, (byte) 0);
        }
        throw new IllegalArgumentException("IKEv1 cipher: " + algorithm + " with a " + key.length()
                + "-byte key (expected: AES_CBC 16/24/32 or TRIPLE_DES 24)");
    }

    /** Returns the cipher block size in bytes: the IV length. */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Decrypts an encrypted message with {@code iv} and decodes its payloads.
     *
     * @throws IkeV1IntegrityCheckFailedException if it is not a ciphertext of whole blocks or does
     *     not decrypt to a payload chain, whatever the cause
     */
    public Opened decrypt(IkeV1Message message, Bytes iv, IkeV1MessageDecoder decoder)
            throws IkeV1IntegrityCheckFailedException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decoder, "decoder");
        checkIv(iv);
        Bytes c = message.ciphertext();
        if (!message.header().encrypted() || c.isEmpty() || c.length() % blockSize != 0) {
            throw new IkeV1IntegrityCheckFailedException();
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, iv, c.toByteArray());
        List<IkeV1Payload> payloads;
        try {
            payloads = decoder.decodePayloads(message.firstPayloadType(), Unpooled.wrappedBuffer(plain), true, true);
        } catch (IkeV1PayloadMalformedException e) {
            throw new IkeV1IntegrityCheckFailedException();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        IkeV1Message opened = new IkeV1Message(message.header().withEncrypted(false), message.firstPayloadType(),
                payloads, Bytes.EMPTY);
        return new Opened(opened, c.slice(c.length() - blockSize, c.length()));
    }

    /**
     * Encrypts the payloads of {@code message} with {@code iv}, zero-padded to the block size.
     *
     * @throws IllegalArgumentException if the message has no payloads or is already encrypted
     */
    public Sealed encrypt(IkeV1Message message, Bytes iv) {
        Objects.requireNonNull(message, "message");
        checkIv(iv);
        if (message.header().encrypted() || message.payloads().isEmpty()) {
            throw new IllegalArgumentException("encrypt: expected a plaintext message with payloads");
        }
        Bytes chain = IkeV1MessageEncoder.encodePayloadsToBytes(message.payloads());
        int padded = (chain.length() + blockSize - 1) / blockSize * blockSize;
        byte[] plain = Arrays.copyOf(chain.toByteArray(), padded);
        Bytes c = Bytes.of(run(Cipher.ENCRYPT_MODE, iv, plain));
        IkeV1Message sealed = IkeV1Message.encrypted(message.header(), message.firstPayloadType(), c);
        return new Sealed(sealed, c.slice(c.length() - blockSize, c.length()));
    }

    private void checkIv(Bytes iv) {
        if (Objects.requireNonNull(iv, "iv").length() != blockSize) {
            throw new IllegalArgumentException("iv length: " + iv.length() + " (expected: " + blockSize + ")");
        }
    }

    private byte[] run(int mode, Bytes iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, key, new IvParameterSpec(iv.toByteArray()));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Sizes are checked above; the JDK ships both ciphers.
            throw new IllegalStateException(transformation + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "IkeV1MessageProtection{" + transformation + ", key redacted}";
    }
}
