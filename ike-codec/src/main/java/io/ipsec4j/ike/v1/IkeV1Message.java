package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ISAKMP message: the header and either its payloads or, with the Encryption flag, its
 * ciphertext.
 *
 * <p>With the Encryption flag set, everything after the header is encrypted (RFC 2408 §3.1); the
 * header's Next Payload then names the first payload of the plaintext. Such a message holds that
 * type and the ciphertext until {@link IkeV1MessageProtection} decrypts it into a plain message.
 *
 * @param header the header
 * @param firstPayloadType the header's Next Payload
 * @param payloads the payloads of a plaintext message (empty when encrypted)
 * @param ciphertext the encrypted body (empty when not encrypted)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public record IkeV1Message(IkeV1Header header, IkeV1PayloadType firstPayloadType,
        List<IkeV1Payload> payloads, Bytes ciphertext) {

    /** Validates that the payloads or the ciphertext match the Encryption flag. */
    public IkeV1Message {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(firstPayloadType, "firstPayloadType");
        payloads = List.copyOf(payloads);
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (header.encrypted()) {
            if (!payloads.isEmpty()) {
                throw new IllegalArgumentException("encrypted message with plaintext payloads");
            }
        } else {
            if (!ciphertext.isEmpty()) {
                throw new IllegalArgumentException("ciphertext without the Encryption flag");
            }
            IkeV1PayloadType expected = payloads.isEmpty() ? IkeV1PayloadType.NONE : payloads.get(0).type();
            if (!expected.equals(firstPayloadType)) {
                throw new IllegalArgumentException("first payload type: " + firstPayloadType
                        + " (expected: " + expected + ")");
            }
        }
    }

    /** Returns a plaintext message. */
    public static IkeV1Message of(IkeV1Header header, List<IkeV1Payload> payloads) {
        IkeV1PayloadType first = payloads.isEmpty() ? IkeV1PayloadType.NONE : payloads.get(0).type();
        return new IkeV1Message(header.withEncrypted(false), first, payloads, Bytes.EMPTY);
    }

    /** Returns an encrypted message. */
    public static IkeV1Message encrypted(IkeV1Header header, IkeV1PayloadType firstPayloadType, Bytes ciphertext) {
        return new IkeV1Message(header.withEncrypted(true), firstPayloadType, List.of(), ciphertext);
    }

    /** Returns the first payload of class {@code type}. */
    public <T extends IkeV1Payload> Optional<T> payload(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Returns every payload of class {@code type}, in order. */
    public <T extends IkeV1Payload> List<T> payloads(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
