package io.ipsec4j.ike;

/**
 * The bounds a decoder enforces on a received message, visible to and changeable by the caller.
 *
 * <p>Every count on the wire is also bounded by the message size (each item takes at least four
 * bytes), so these limits only tighten what a hostile peer can make the decoder allocate. A message
 * that exceeds one is rejected with INVALID_SYNTAX. The defaults are generous for real peers:
 * strongSwan's default IKE proposal has 25 transforms, AOSP's IKE_AUTH about ten payloads.
 *
 * <pre>{@code
 * IkeDecoderLimits limits = IkeDecoderLimits.DEFAULT.withMaxMessageBytes(9000).withMaxPayloads(32);
 * }</pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2">RFC 7296 §2</a>
 */
public final class IkeDecoderLimits {
    /** Default largest message: 65535 bytes, the largest UDP payload and the IKE-over-TCP length (RFC 9329). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_535;
    /** Default largest number of payloads in one message or one decrypted SK body: 128. */
    public static final int DEFAULT_MAX_PAYLOADS = 128;
    /** Default largest number of proposals in one SA payload: 64 (the wire allows 255). */
    public static final int DEFAULT_MAX_PROPOSALS = 64;
    /** Default largest number of transforms in one proposal: 128 (the wire allows 255). */
    public static final int DEFAULT_MAX_TRANSFORMS = 128;
    /** Default largest number of traffic selectors in one TS payload: 64 (the wire allows 255). */
    public static final int DEFAULT_MAX_TRAFFIC_SELECTORS = 64;
    /** Default largest number of attributes in one transform or CP payload: 64. */
    public static final int DEFAULT_MAX_ATTRIBUTES = 64;

    /** The defaults above. */
    public static final IkeDecoderLimits DEFAULT = new IkeDecoderLimits(DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_PAYLOADS, DEFAULT_MAX_PROPOSALS, DEFAULT_MAX_TRANSFORMS,
            DEFAULT_MAX_TRAFFIC_SELECTORS, DEFAULT_MAX_ATTRIBUTES);

    private final int maxMessageBytes;
    private final int maxPayloads;
    private final int maxProposals;
    private final int maxTransforms;
    private final int maxTrafficSelectors;
    private final int maxAttributes;

    private IkeDecoderLimits(int maxMessageBytes, int maxPayloads, int maxProposals,
            int maxTransforms, int maxTrafficSelectors, int maxAttributes) {
        this.maxMessageBytes = check("maxMessageBytes", maxMessageBytes, IkeHeaders.HEADER_LENGTH);
        this.maxPayloads = check("maxPayloads", maxPayloads, 1);
        this.maxProposals = check("maxProposals", maxProposals, 1);
        this.maxTransforms = check("maxTransforms", maxTransforms, 1);
        this.maxTrafficSelectors = check("maxTrafficSelectors", maxTrafficSelectors, 1);
        this.maxAttributes = check("maxAttributes", maxAttributes, 1);
    }

    private static int check(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
        return value;
    }

    /** Returns the largest accepted datagram, header included, in bytes. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Returns the largest number of payloads in one chain. */
    public int maxPayloads() {
        return maxPayloads;
    }

    /** Returns the largest number of proposals in one SA payload. */
    public int maxProposals() {
        return maxProposals;
    }

    /** Returns the largest number of transforms in one proposal. */
    public int maxTransforms() {
        return maxTransforms;
    }

    /** Returns the largest number of traffic selectors in one TS payload. */
    public int maxTrafficSelectors() {
        return maxTrafficSelectors;
    }

    /** Returns the largest number of attributes in one transform or CP payload. */
    public int maxAttributes() {
        return maxAttributes;
    }

    /** Returns a copy with {@code value} as {@link #maxMessageBytes()} (at least 28). */
    public IkeDecoderLimits withMaxMessageBytes(int value) {
        return new IkeDecoderLimits(value, maxPayloads, maxProposals, maxTransforms,
                maxTrafficSelectors, maxAttributes);
    }

    /** Returns a copy with {@code value} as {@link #maxPayloads()}. */
    public IkeDecoderLimits withMaxPayloads(int value) {
        return new IkeDecoderLimits(maxMessageBytes, value, maxProposals, maxTransforms,
                maxTrafficSelectors, maxAttributes);
    }

    /** Returns a copy with {@code value} as {@link #maxProposals()}. */
    public IkeDecoderLimits withMaxProposals(int value) {
        return new IkeDecoderLimits(maxMessageBytes, maxPayloads, value, maxTransforms,
                maxTrafficSelectors, maxAttributes);
    }

    /** Returns a copy with {@code value} as {@link #maxTransforms()}. */
    public IkeDecoderLimits withMaxTransforms(int value) {
        return new IkeDecoderLimits(maxMessageBytes, maxPayloads, maxProposals, value,
                maxTrafficSelectors, maxAttributes);
    }

    /** Returns a copy with {@code value} as {@link #maxTrafficSelectors()}. */
    public IkeDecoderLimits withMaxTrafficSelectors(int value) {
        return new IkeDecoderLimits(maxMessageBytes, maxPayloads, maxProposals, maxTransforms,
                value, maxAttributes);
    }

    /** Returns a copy with {@code value} as {@link #maxAttributes()}. */
    public IkeDecoderLimits withMaxAttributes(int value) {
        return new IkeDecoderLimits(maxMessageBytes, maxPayloads, maxProposals, maxTransforms,
                maxTrafficSelectors, value);
    }

    @Override
    public String toString() {
        return "IkeDecoderLimits{maxMessageBytes=" + maxMessageBytes + ", maxPayloads=" + maxPayloads
                + ", maxProposals=" + maxProposals + ", maxTransforms=" + maxTransforms
                + ", maxTrafficSelectors=" + maxTrafficSelectors + ", maxAttributes=" + maxAttributes + "}";
    }
}
