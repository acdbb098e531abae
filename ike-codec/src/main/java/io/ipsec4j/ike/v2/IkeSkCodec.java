package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.ChosenProposals;
import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encrypts payloads into, and authenticates and decrypts, the SK payload (and SKF fragments) of
 * IKEv2 messages sent in one direction of an IKE SA (SK_ei/SK_ai or SK_er/SK_ar).
 *
 * <p>RFC 7296 §3.14: the SK body is IV ‖ encrypted(inner payloads ‖ Padding ‖ Pad Length) ‖
 * Integrity Checksum Data; the checksum covers the message from the first byte of the IKE header to
 * the end of the ciphertext, and the padding "MAY contain any value" — it is written as zeros and
 * ignored on receipt. With an AEAD transform the checksum is the AEAD tag and the associated data is
 * the IKE header through the SK generic payload header (RFC 5282 §5.1), the nonce salt ‖ IV. An SKF
 * fragment adds its Fragment Number and Total Fragments to the associated data (RFC 7383 §2.5). Since
 * both need the bytes as received, {@link #decrypt} takes the datagram together with the message
 * {@link IkeMessageDecoder} decoded from it.
 *
 * <p>IVs: each instance numbers its messages from a random 64-bit start and lets
 * {@link Protection#seal} turn the number into the IV (unique for counter modes, unpredictable for
 * CBC), so one instance must encrypt everything sent under one key. Every authentication or padding
 * failure is one {@link IkeIntegrityCheckFailedException}. {@link #close()} zeroes the key copies.
 *
 * <p>Thread safety: not thread-safe and not to be shared between threads (it owns a JCA cipher and
 * the IV counter): one instance per direction of an IKE SA, used by the thread that handles that
 * SA, as {@code ike-engine} does. {@link #decryptMessage} and {@link IkeReassembler#accept} both
 * return an {@link IkeMessage}; {@link #decrypt} returns only the inner payloads.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.14">RFC 7296 §3.14</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5282#section-5.1">RFC 5282 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.5">RFC 7383 §2.5</a>
 */
public final class IkeSkCodec implements AutoCloseable {
    /** Fragment Number and Total Fragments follow the SKF generic header (RFC 7383 §2.5). */
    private static final int SKF_FIELDS_LENGTH = 4;
    private static final int SK_DATA_OFFSET = IkeHeaders.HEADER_LENGTH + IkeWire.GENERIC_HEADER_LENGTH;

    private final Protection protection;
    private final IkeMessageDecoder decoder;
    private long ivCounter;

    private IkeSkCodec(Protection protection, IkeMessageDecoder decoder) {
        this.protection = protection;
        this.decoder = decoder;
        this.ivCounter = new SecureRandom().nextLong();
    }

    /**
     * Returns the codec for messages protected with {@code encryptionKey} (SK_e: key ‖ salt) and
     * {@code integrityKey} (SK_a, {@code null} with AEAD).
     *
     * @throws CryptoException for unsupported algorithms or wrong key sizes
     */
    public static IkeSkCodec create(Encryption encryption, IntegrityAlgorithm integrity, SecretBytes encryptionKey,
            SecretBytes integrityKey, CryptoProviders providers) throws CryptoException {
        return create(encryption, integrity, encryptionKey, integrityKey, providers, new IkeMessageDecoder());
    }

    /** Like the other {@code create}, decoding the inner payloads with {@code decoder}'s limits. */
    public static IkeSkCodec create(Encryption encryption, IntegrityAlgorithm integrity, SecretBytes encryptionKey,
            SecretBytes integrityKey, CryptoProviders providers, IkeMessageDecoder decoder) throws CryptoException {
        Objects.requireNonNull(decoder, "decoder");
        SecretBytes integ = encryption.isAead() ? null : integrityKey;
        return new IkeSkCodec(Protection.create(encryption, integrity, encryptionKey, integ, providers), decoder);
    }

    /**
     * Returns the codec for the negotiated IKE proposal's encryption and integrity
     * ({@link ChosenProposals}): SK_e (key ‖ salt) and SK_a ({@code null} or empty with AEAD).
     *
     * @throws IllegalArgumentException if {@code chosen} has more than one transform of a type
     */
    public static IkeSkCodec create(IkeProposal chosen, SecretBytes encryptionKey, SecretBytes integrityKey,
            CryptoProviders providers) throws CryptoException {
        return create(ChosenProposals.encryption(chosen), ChosenProposals.integrity(chosen), encryptionKey,
                integrityKey, providers);
    }

    /**
     * Returns the codec for the messages sent by the original initiator (SK_ei, SK_ai) when
     * {@code fromInitiator}, else by the original responder (SK_er, SK_ar).
     */
    public static IkeSkCodec of(IkeKeySchedule keys, boolean fromInitiator, CryptoProviders providers)
            throws CryptoException {
        return create(keys.encryption(), keys.integrity(), fromInitiator ? keys.skEi() : keys.skEr(),
                fromInitiator ? keys.skAi() : keys.skAr(), providers);
    }

    /**
     * Authenticates and decrypts the SK payload of {@code decoded}, the message decoded from
     * {@code datagram}, and decodes the inner payloads.
     *
     * @throws IkeIntegrityCheckFailedException if the ICV, length or padding is wrong (drop silently)
     * @throws IkeErrorNotifyException if the authenticated content is malformed (marked protected)
     * @throws IllegalArgumentException if {@code decoded} has no SK payload or does not match {@code datagram}
     */
    public List<IkePayload> decrypt(byte[] datagram, IkeMessage decoded) throws IkeProtocolException {
        IkeSkPayload sk = last(decoded, IkeSkPayload.class);
        byte[] buf = datagram.clone();
        try {
            int skOffset = locate(buf, sk.encrypted().length(), IkeWire.GENERIC_HEADER_LENGTH);
            int[] region = open(buf, skOffset + IkeWire.GENERIC_HEADER_LENGTH, sk.encrypted().length());
            ByteBuf inner = Unpooled.wrappedBuffer(buf, region[0], region[1]);
            return decoder.decodePayloads(sk.firstPayloadType(), inner, true);
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    /**
     * Like {@link #decrypt}, returning the whole message: {@code decoded}'s header with the
     * decrypted inner payloads in place of the SK payload, the shape {@link IkeReassembler#accept}
     * returns for a fragmented message.
     *
     * @throws IkeIntegrityCheckFailedException if the ICV, length or padding is wrong (drop silently)
     * @throws IkeErrorNotifyException if the authenticated content is malformed (marked protected)
     * @throws IllegalArgumentException if {@code decoded} has no SK payload or does not match {@code datagram}
     */
    public IkeMessage decryptMessage(byte[] datagram, IkeMessage decoded) throws IkeProtocolException {
        List<IkePayload> inner = decrypt(datagram, decoded);
        List<IkePayload> before = decoded.payloads().subList(0, decoded.payloads().size() - 1);
        if (before.isEmpty()) {
            return new IkeMessage(decoded.header(), inner);
        }
        List<IkePayload> all = new java.util.ArrayList<>(before);
        all.addAll(inner);
        try {
            return new IkeMessage(decoded.header(), all);
        } catch (IllegalArgumentException e) {
            // An inner payload repeats an unprotected one: authenticated but malformed (RFC 7296 §3.14).
            throw new InvalidSyntaxException("decrypted payloads: " + e.getMessage(), Bytes.EMPTY, true, e);
        }
    }

    /**
     * Authenticates and decrypts the SKF fragment of {@code decoded}, returning its content without
     * padding, to be reassembled with the other fragments (RFC 7383 §2.6).
     *
     * @throws IkeIntegrityCheckFailedException if the ICV, length or padding is wrong (drop silently)
     * @throws IllegalArgumentException if {@code decoded} has no SKF payload or does not match {@code datagram}
     */
    public Bytes decryptFragment(byte[] datagram, IkeMessage decoded) throws IkeIntegrityCheckFailedException {
        IkeSkfPayload skf = last(decoded, IkeSkfPayload.class);
        byte[] buf = datagram.clone();
        try {
            int headerLength = IkeWire.GENERIC_HEADER_LENGTH + SKF_FIELDS_LENGTH;
            int skfOffset = locate(buf, skf.encrypted().length(), headerLength);
            int[] region = open(buf, skfOffset + headerLength, skf.encrypted().length());
            return Bytes.of(buf, region[0], region[1]);
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    /**
     * Returns the protected message with {@code header} and a single SK payload carrying
     * {@code payloads}; {@link IkeMessageEncoder#encode} writes it as the datagram to send.
     *
     * @throws IllegalArgumentException if the payloads do not fit one SK payload
     */
    public IkeMessage encrypt(IkeHeader header, List<IkePayload> payloads) throws CryptoException {
        return seal(header, payloads, null);
    }

    /** Like {@link #encrypt} with a caller-chosen IV; for known-answer tests only. */
    IkeMessage encryptWithIvInsecure(IkeHeader header, List<IkePayload> payloads, byte[] iv)
            throws CryptoException {
        return seal(header, payloads, Objects.requireNonNull(iv, "iv"));
    }

    private IkeMessage seal(IkeHeader header, List<IkePayload> payloads, byte[] iv) throws CryptoException {
        Objects.requireNonNull(header, "header");
        IkePayloadType first = payloads.isEmpty() ? IkePayloadType.NO_NEXT_PAYLOAD : payloads.get(0).type();
        int plainLength = IkeMessageEncoder.encodedLength(payloads);
        int align = protection.alignmentBytes();
        int padLength = (align - (plainLength + 1) % align) % align;
        int ivLength = protection.ivLengthBytes();
        int textLength = plainLength + padLength + 1;
        long bodyLength = (long) ivLength + textLength + protection.icvLengthBytes();
        if (bodyLength > IkeWire.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("SK payload body: " + bodyLength + " bytes (expected: <= "
                    + IkeWire.MAX_BODY_LENGTH + ")");
        }
        // Encoding a placeholder SK payload writes the header and the SK generic header, with the
        // final lengths, which the ICV or AEAD tag must cover.
        IkeMessage placeholder = new IkeMessage(header,
                List.of(new IkeSkPayload(first, Bytes.of(new byte[(int) bodyLength]))));
        byte[] buf = IkeMessageEncoder.encodeToBytes(placeholder).toByteArray();
        ByteBuf plain = Unpooled.wrappedBuffer(buf);
        plain.writerIndex(SK_DATA_OFFSET + ivLength);
        IkeMessageEncoder.encodePayloads(payloads, plain);
        buf[SK_DATA_OFFSET + ivLength + textLength - 1] = (byte) padLength; // the padding stays zero
        try {
            if (iv == null) {
                protection.seal(buf, 0, SK_DATA_OFFSET, buf, SK_DATA_OFFSET, textLength, null, ivCounter++);
            } else {
                if (iv.length != ivLength) {
                    throw new IllegalArgumentException("IV length: " + iv.length + " (expected: " + ivLength + ")");
                }
                System.arraycopy(iv, 0, buf, SK_DATA_OFFSET, ivLength);
                protection.sealWithIvInsecure(buf, 0, SK_DATA_OFFSET, buf, SK_DATA_OFFSET, textLength, null);
            }
            Bytes body = Bytes.of(buf, SK_DATA_OFFSET, (int) bodyLength);
            return new IkeMessage(header, List.of(new IkeSkPayload(first, body)));
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static <T extends IkePayload> T last(IkeMessage decoded, Class<T> type) {
        List<IkePayload> payloads = decoded.payloads();
        if (payloads.isEmpty() || !type.isInstance(payloads.get(payloads.size() - 1))) {
            throw new IllegalArgumentException(
                    "message without " + type.getSimpleName() + " (expected: last payload)");
        }
        return type.cast(payloads.get(payloads.size() - 1));
    }

    /** Returns the offset of the encrypted payload's generic header, checking it matches the decoded one. */
    private static int locate(byte[] datagram, int encryptedLength, int headerLength) {
        int offset = datagram.length - encryptedLength - headerLength;
        if (offset < IkeHeaders.HEADER_LENGTH
                || ((datagram[offset + 2] & 0xFF) << 8 | datagram[offset + 3] & 0xFF) != encryptedLength + headerLength) {
            throw new IllegalArgumentException("datagram of " + datagram.length
                    + " bytes does not hold the decoded message (expected: the bytes it was decoded from)");
        }
        return offset;
    }

    /** Verifies and decrypts in place; returns {offset, length} of the content without padding. */
    private int[] open(byte[] buf, int ivOffset, int bodyLength) throws IkeIntegrityCheckFailedException {
        int textLength = bodyLength - protection.ivLengthBytes() - protection.icvLengthBytes();
        if (textLength < 1) {
            throw new IkeIntegrityCheckFailedException();
        }
        int plainLength;
        try {
            plainLength = protection.open(buf, 0, ivOffset, buf, ivOffset, textLength, null);
        } catch (CryptoException e) {
            // ICV mismatch or a length the cipher cannot take: indistinguishable on purpose.
            throw new IkeIntegrityCheckFailedException();
        }
        int start = ivOffset + protection.ivLengthBytes();
        int padLength = buf[start + plainLength - 1] & 0xFF;
        if (padLength + 1 > plainLength) {
            throw new IkeIntegrityCheckFailedException();
        }
        return new int[] {start, plainLength - padLength - 1};
    }

    /** Returns the protection in use (algorithms and implementation). */
    public Protection protection() {
        return protection;
    }

    @Override
    public void close() {
        protection.close();
    }

    @Override
    public String toString() {
        return "IkeSkCodec[" + protection + "]";
    }
}
