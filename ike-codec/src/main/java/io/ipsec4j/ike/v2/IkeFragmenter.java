package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits an outbound IKEv2 message into Encrypted and Authenticated Fragment (SKF) payloads that
 * each fit one datagram.
 *
 * <p>RFC 7383 §2.5: the inner payloads that one SK payload would carry are encoded, the bytes cut
 * into consecutive pieces, and each piece protected on its own as an SKF payload: IV ‖ encrypted
 * (piece ‖ Padding ‖ Pad Length) ‖ ICV, numbered from 1 to Total Fragments. The first fragment's
 * Next Payload names the first inner payload, the others carry 0. The ICV (or the AEAD associated
 * data) covers the IKE header of that fragment's own message, the SKF generic header, Fragment
 * Number and Total Fragments (RFC 7383 §2.5, RFC 5282 §5.1). §2.5.1: the size limit is that of the
 * whole IP datagram, "including IP and UDP headers" and the non-ESP marker on port 4500;
 * {@link #maxMessageBytes} turns such a limit into the limit for the IKE message passed to
 * {@link #fragment}. Without knowledge of the path MTU the RFC recommends 1280 bytes for IPv6 and
 * 576 for IPv4 ({@link #DEFAULT_IPV6_DATAGRAM_BYTES}, {@link #DEFAULT_IPV4_DATAGRAM_BYTES}).
 *
 * <p>IVs come from a per-instance counter with a random 64-bit start, like {@link IkeSkCodec}'s;
 * use one instance for every fragmented message sent in one direction of an IKE SA. Not
 * thread-safe and not to be shared between threads: it belongs to the thread that owns the IKE SA;
 * {@link #close()} zeroes the key copies.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.5">RFC 7383 §2.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.5.1">RFC 7383 §2.5.1</a>
 */
public final class IkeFragmenter implements AutoCloseable {
    /** The IPv4 header without options, in bytes. */
    public static final int IPV4_HEADER_BYTES = 20;
    /** The IPv6 header without extension headers, in bytes. */
    public static final int IPV6_HEADER_BYTES = 40;
    /** The UDP header, in bytes. */
    public static final int UDP_HEADER_BYTES = 8;
    /** The non-ESP marker before IKE messages on UDP port 4500 (RFC 3948 §2.2), in bytes. */
    public static final int NON_ESP_MARKER_BYTES = 4;
    /** The recommended datagram limit for IPv4 without path MTU knowledge (RFC 7383 §2.5.1). */
    public static final int DEFAULT_IPV4_DATAGRAM_BYTES = 576;
    /** The recommended datagram limit for IPv6 without path MTU knowledge (RFC 7383 §2.5.1). */
    public static final int DEFAULT_IPV6_DATAGRAM_BYTES = 1280;
    /** The SKF generic payload header plus Fragment Number and Total Fragments (RFC 7383 §2.5). */
    static final int SKF_HEADER_BYTES = IkeWire.GENERIC_HEADER_LENGTH + 4;
    /** Total Fragments is a 16-bit field. */
    static final int MAX_FRAGMENTS = 0xFFFF;

    private static final int CONTENT_OFFSET = IkeHeaders.HEADER_LENGTH + SKF_HEADER_BYTES;

    private final Protection protection;
    private long ivCounter;

    private IkeFragmenter(Protection protection) {
        this.protection = protection;
        this.ivCounter = new SecureRandom().nextLong();
    }

    /**
     * Returns the fragmenter for messages protected with {@code encryptionKey} (SK_e: key ‖ salt)
     * and {@code integrityKey} (SK_a, ignored with AEAD).
     *
     * @throws CryptoException for unsupported algorithms or wrong key sizes
     */
    public static IkeFragmenter create(Encryption encryption, IntegrityAlgorithm integrity, SecretBytes encryptionKey,
            SecretBytes integrityKey, CryptoProviders providers) throws CryptoException {
        SecretBytes integ = encryption.isAead() ? null : integrityKey;
        return new IkeFragmenter(Protection.create(encryption, integrity, encryptionKey, integ, providers));
    }

    /** Returns the fragmenter for messages sent by the original initiator when {@code fromInitiator}. */
    public static IkeFragmenter of(IkeKeySchedule keys, boolean fromInitiator, CryptoProviders providers)
            throws CryptoException {
        return create(keys.encryption(), keys.integrity(), fromInitiator ? keys.skEi() : keys.skEr(),
                fromInitiator ? keys.skAi() : keys.skAr(), providers);
    }

    /**
     * Returns the largest IKE message that fits a datagram of {@code maxDatagramBytes} after the IP
     * and UDP headers and, on port 4500, the non-ESP marker (RFC 7383 §2.5.1).
     */
    public static int maxMessageBytes(int maxDatagramBytes, boolean ipv6, boolean nonEspMarker) {
        int overhead = (ipv6 ? IPV6_HEADER_BYTES : IPV4_HEADER_BYTES) + UDP_HEADER_BYTES
                + (nonEspMarker ? NON_ESP_MARKER_BYTES : 0);
        if (maxDatagramBytes <= overhead) {
            throw new IllegalArgumentException("max datagram bytes: " + maxDatagramBytes + " (expected: > "
                    + overhead + ")");
        }
        return maxDatagramBytes - overhead;
    }

    /**
     * Returns how many bytes of encoded inner payloads one fragment carries when each fragment
     * message is at most {@code maxMessageBytes} long.
     *
     * @throws IllegalArgumentException if not even one byte fits
     */
    public int maxContentBytes(int maxMessageBytes) {
        int room = maxMessageBytes - CONTENT_OFFSET - protection.ivLengthBytes() - protection.icvLengthBytes();
        int align = protection.alignmentBytes();
        // Content ‖ Padding ‖ Pad Length must fill whole cipher blocks.
        int content = room / align * align - 1;
        if (content < 1) {
            throw new IllegalArgumentException("max message bytes: " + maxMessageBytes
                    + " (expected: room for at least one byte of content after "
                    + (CONTENT_OFFSET + protection.ivLengthBytes() + protection.icvLengthBytes()) + " bytes of overhead)");
        }
        return content;
    }

    /**
     * Returns the fragment messages, in order, that carry {@code payloads} under {@code header};
     * {@link IkeMessageEncoder#encode} writes each as one datagram of at most
     * {@code maxMessageBytes}.
     *
     * @throws IllegalArgumentException if the message needs more than 65535 fragments or
     *         {@code maxMessageBytes} leaves no room for content
     * @throws CryptoException if the cipher fails
     */
    public List<IkeMessage> fragment(IkeHeader header, List<IkePayload> payloads, int maxMessageBytes)
            throws CryptoException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payloads, "payloads");
        int chunk = maxContentBytes(maxMessageBytes);
        ByteBuf encoded = Unpooled.buffer(IkeMessageEncoder.encodedLength(payloads));
        IkeMessageEncoder.encodePayloads(payloads, encoded);
        byte[] plain = new byte[encoded.readableBytes()];
        encoded.readBytes(plain);
        encoded.setZero(0, encoded.capacity());
        try {
            int total = Math.max(1, (plain.length + chunk - 1) / chunk);
            if (total > MAX_FRAGMENTS) {
                throw new IllegalArgumentException("fragments: " + total + " (expected: <= " + MAX_FRAGMENTS + ")");
            }
            IkePayloadType first = payloads.isEmpty() ? IkePayloadType.NO_NEXT_PAYLOAD : payloads.get(0).type();
            List<IkeMessage> out = new ArrayList<>(total);
            for (int n = 1; n <= total; n++) {
                int from = (n - 1) * chunk;
                int length = Math.min(chunk, plain.length - from);
                out.add(seal(header, n == 1 ? first : IkePayloadType.NO_NEXT_PAYLOAD, n, total, plain, from, length));
            }
            return List.copyOf(out);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private IkeMessage seal(IkeHeader header, IkePayloadType next, int number, int total, byte[] plain, int from,
            int length) throws CryptoException {
        int align = protection.alignmentBytes();
        int padLength = (align - (length + 1) % align) % align;
        int ivLength = protection.ivLengthBytes();
        int textLength = length + padLength + 1;
        int bodyLength = ivLength + textLength + protection.icvLengthBytes();
        // The placeholder fixes the header and SKF header, with the final lengths, for the AAD/ICV.
        IkeMessage placeholder = new IkeMessage(header,
                List.of(new IkeSkfPayload(next, number, total, Bytes.of(new byte[bodyLength]))));
        byte[] buf = IkeMessageEncoder.encodeToBytes(placeholder).toByteArray();
        try {
            System.arraycopy(plain, from, buf, CONTENT_OFFSET + ivLength, length);
            buf[CONTENT_OFFSET + ivLength + textLength - 1] = (byte) padLength; // the padding stays zero
            protection.seal(buf, 0, CONTENT_OFFSET, buf, CONTENT_OFFSET, textLength, null, ivCounter++);
            Bytes body = Bytes.of(buf, CONTENT_OFFSET, bodyLength);
            return new IkeMessage(header, List.of(new IkeSkfPayload(next, number, total, body)));
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    @Override
    public void close() {
        protection.close();
    }

    @Override
    public String toString() {
        return "IkeFragmenter[" + protection + "]";
    }
}
