package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link IkeV1CaptureDecryptor} knows of one ISAKMP SA of a capture: the transform the
 * responder chose, the phase 1 KE payloads, the phase 1 IV chain and one IV chain per phase 2
 * exchange, each with the messages it has seen (to recognise retransmissions). Bounded by the
 * decryptor's limits; not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 */
final class IkeV1CaptureSa {
    /** The IV chain of one exchange: the next IV, and the IV each message seen was decrypted with. */
    static final class Chain {
        Bytes nextIv;
        /** Digest of a message's ciphertext → the IV it was decrypted with; oldest forgotten first. */
        final Map<Bytes, Bytes> seen;

        Chain(Bytes iv, int maxMessages) {
            this.nextIv = iv;
            this.seen = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Bytes, Bytes> eldest) {
                    return size() > maxMessages;
                }
            };
        }
    }

    /** The chosen phase 1 cipher, its key length in bytes, and the hash. */
    record Suite(EncryptionAlgorithm encryption, int keyBytes, PrfAlgorithm hash) {}

    private final IkeV1CaptureDecryptor.Limits limits;
    Optional<Suite> suite = Optional.empty();
    /** Set when the transform was seen but names a cipher or hash this codec does not decrypt. */
    boolean unsupported;
    byte[] gxi;
    byte[] gxr;
    /** The ISAKMP SA's cipher with the key table's key; created with {@link #phase1}. */
    IkeV1MessageProtection protection;
    /** The phase 1 chain (message ID 0); created once the suite and both KE payloads are known. */
    Chain phase1;
    /** Phase 2 chains by message ID; least recently used forgotten first. */
    final Map<Long, Chain> phase2;

    IkeV1CaptureSa(IkeV1CaptureDecryptor.Limits limits) {
        this.limits = limits;
        this.phase2 = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Chain> eldest) {
                return size() > limits.maxExchangesPerSa();
            }
        };
    }

    /**
     * Learns what a plaintext phase 1 message tells: the chosen transform from an SA payload with
     * one transform (the responder's answer, or an initiator's single offer), g^xi from the first
     * KE payload, g^xr from the first different one. Nothing changes once the phase 1 IV exists.
     */
    void learn(IkeV1Message m) {
        if (phase1 != null) {
            return;
        }
        for (IkeV1SaPayload sa : m.payloads(IkeV1SaPayload.class)) {
            List<IkeV1Proposal> proposals = sa.proposals();
            if (proposals.size() == 1 && proposals.get(0).transforms().size() == 1) {
                learnTransform(proposals.get(0).transforms().get(0));
            }
        }
        for (IkeV1KePayload ke : m.payloads(IkeV1KePayload.class)) {
            byte[] g = ke.keyExchangeData().toByteArray();
            if (gxi == null) {
                gxi = g;
            } else if (gxr == null && !Arrays.equals(gxi, g)) {
                gxr = g;
            }
        }
    }

    private void learnTransform(IkeV1Transform t) {
        Optional<EncryptionAlgorithm> enc = t.attribute(IkeV1Phase1Attributes.ENCRYPTION_ALGORITHM)
                .flatMap(a -> IkeV1Attributes.phase1Encryption((int) a.longValue()));
        Optional<PrfAlgorithm> hash = t.attribute(IkeV1Phase1Attributes.HASH_ALGORITHM)
                .flatMap(a -> IkeV1Attributes.hashToPrf((int) a.longValue()));
        if (enc.isEmpty() || hash.isEmpty()) {
            unsupported = true;
            suite = Optional.empty();
            return;
        }
        int keyBytes;
        if (enc.get().equals(EncryptionAlgorithm.TRIPLE_DES)) {
            keyBytes = 24;
        } else if (enc.get().equals(EncryptionAlgorithm.AES_CBC)) {
            keyBytes = t.attribute(IkeV1Phase1Attributes.KEY_LENGTH).map(a -> (int) (a.longValue() / 8)).orElse(0);
        } else {
            keyBytes = 0;
        }
        try {
            IkeV1Ivs.digest(hash.get());
        } catch (IllegalArgumentException e) {
            keyBytes = 0;
        }
        unsupported = keyBytes == 0;
        suite = unsupported ? Optional.empty() : Optional.of(new Suite(enc.get(), keyBytes, hash.get()));
    }

    IkeV1CaptureDecryptor.Limits limits() {
        return limits;
    }

    /** Returns the chain of {@code messageId} (0: phase 1), starting a phase 2 chain if new; phase 1 must exist. */
    Chain chain(long messageId, int blockSize) {
        if (messageId == 0) {
            return phase1;
        }
        Chain c = phase2.get(messageId);
        if (c == null) {
            c = new Chain(Bytes.of(IkeV1Ivs.phase2(suite.orElseThrow().hash(), phase1.nextIv.toByteArray(), messageId,
                    blockSize)), limits.maxMessagesPerExchange());
            phase2.put(messageId, c);
        }
        return c;
    }
}
