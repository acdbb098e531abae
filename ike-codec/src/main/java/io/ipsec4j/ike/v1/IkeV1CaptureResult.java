package io.ipsec4j.ike.v1;

import java.util.Objects;

/**
 * What {@link IkeV1CaptureDecryptor} made of one captured IKEv1 message: the message with its
 * payloads when it was sent in plaintext or could be decrypted, otherwise the message as captured
 * (encrypted body) and the reason it could not be decrypted.
 *
 * @param message the decrypted or plaintext message when {@link Outcome#hasPayloads()}, else the
 *     message as captured
 * @param outcome what was done with it
 * @param retransmission whether this encrypted message is a byte-identical copy of one seen
 *     before in the same exchange: it was decrypted with the IV of the first copy and did not
 *     advance the IV chain
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 */
public record IkeV1CaptureResult(IkeV1Message message, Outcome outcome, boolean retransmission) {

    /** What was done with a captured message. */
    public enum Outcome {
        /** Sent without the Encryption flag: the payloads are as captured. */
        PLAINTEXT,
        /** Decrypted with the key table's key and the chained IV: the payloads are the plaintext. */
        DECRYPTED,
        /** The key table has no row for the message's Initiator COOKIE. */
        NO_KEY,
        /**
         * The ISAKMP SA's chosen transform or both KE payloads (g^xi, g^xr) were not seen before
         * it in the capture (or its SA was forgotten at a limit): the phase 1 IV is unknown.
         */
        NO_KEY_EXCHANGE,
        /** The negotiated cipher or hash is not one this codec decrypts (AES-CBC, 3DES; MD5, SHA-1, SHA-2). */
        UNSUPPORTED_ALGORITHM,
        /** The key table's key does not have the length of the negotiated cipher. */
        KEY_LENGTH_MISMATCH,
        /**
         * The message did not decrypt to a payload chain: tampered, truncated, keyed wrongly or
         * with an IV chain that misses a message; the one reason whatever the cause, as
         * {@link IkeV1IntegrityCheckFailedException}.
         */
        INTEGRITY_CHECK_FAILED;

        /** Returns whether the message of this outcome carries its payloads. */
        public boolean hasPayloads() {
            return this == PLAINTEXT || this == DECRYPTED;
        }
    }

    /** Validates the fields. */
    public IkeV1CaptureResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.hasPayloads() == message.header().encrypted()) {
            throw new IllegalArgumentException("outcome " + outcome + " with a message that is "
                    + (message.header().encrypted() ? "" : "not ") + "encrypted");
        }
    }
}
