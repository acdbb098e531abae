package io.ipsec4j.model.algorithm;

import java.util.Objects;

/**
 * A transform of an IKEv2 or ESP proposal: a Transform ID within one {@link TransformType}.
 *
 * <p>The subclasses ({@link EncryptionAlgorithm}, {@link PrfAlgorithm}, {@link IntegrityAlgorithm},
 * {@link KeyExchangeMethod}, {@link EsnMode}) are open value classes in the style of Netty's
 * {@code DnsRecordType}: a constant per IANA registration, and {@code valueOf(id)} returning either
 * that constant or a new "unknown" instance that keeps the number, so that a peer's proposal with a
 * transform we do not implement can still be represented and re-encoded. Two algorithms are equal
 * when their transform type and id are equal. The class cannot be extended outside this package.
 *
 * <p>Each algorithm also carries its implementation requirement level from RFC 8221 (ESP) and
 * RFC 8247 (IKEv2); see {@link #espStatus()} and {@link #ikeStatus()}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters">IANA IKEv2 Parameters</a>
 */
public abstract class Algorithm {

    /** Transform IDs are two bytes on the wire (RFC 7296 §3.3.2). */
    public static final int MAX_ID = 0xFFFF;

    private final int id;
    private final String name;
    private final String ianaName;
    private final boolean known;
    private final Requirement espStatus;
    private final Requirement ikeStatus;

    /** Constructor for a registered constant. */
    Algorithm(int id, String name, String ianaName, Requirement espStatus, Requirement ikeStatus) {
        this.id = checkId(id);
        this.name = Objects.requireNonNull(name, "name");
        this.ianaName = Objects.requireNonNull(ianaName, "ianaName");
        this.known = true;
        this.espStatus = Objects.requireNonNull(espStatus, "espStatus");
        this.ikeStatus = Objects.requireNonNull(ikeStatus, "ikeStatus");
    }

    /** Constructor for an unknown id: named {@code UNKNOWN_<id>}, both statuses UNSPECIFIED. */
    Algorithm(int id) {
        this.id = checkId(id);
        this.name = "UNKNOWN_" + id;
        this.ianaName = name;
        this.known = false;
        this.espStatus = Requirement.UNSPECIFIED;
        this.ikeStatus = Requirement.UNSPECIFIED;
    }

    static int checkId(int id) {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("transform id: " + id + " (expected: 0-" + MAX_ID + ")");
        }
        return id;
    }

    /** Returns the transform type this algorithm is negotiated under. */
    public abstract TransformType transformType();

    /** Returns the IANA Transform ID. */
    public final int id() {
        return id;
    }

    /** Returns the Java constant name ({@code AES_GCM_16}) or {@code UNKNOWN_<id>}. */
    public final String name() {
        return name;
    }

    /**
     * Returns the name in the IANA registry ({@code ENCR_AES_GCM_16}, {@code AUTH_HMAC_SHA2_256_128},
     * {@code PRF_HMAC_SHA2_256}, {@code 2048-bit MODP Group}), or {@code UNKNOWN_<id>}.
     */
    public final String ianaName() {
        return ianaName;
    }

    /** Returns {@code true} for a registered constant, {@code false} for an id this registry does not know. */
    public final boolean isKnown() {
        return known;
    }

    /** Returns the requirement level for ESP from RFC 8221 §5/§6 (UNSPECIFIED when not listed). */
    public final Requirement espStatus() {
        return espStatus;
    }

    /** Returns the requirement level for IKEv2 from RFC 8247 §3 (UNSPECIFIED when not listed). */
    public final Requirement ikeStatus() {
        return ikeStatus;
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Algorithm
                && ((Algorithm) o).id == id
                && ((Algorithm) o).transformType().equals(transformType());
    }

    @Override
    public final int hashCode() {
        return transformType().code() * 65537 + id;
    }

    /** Returns {@code NAME(id)}, for example {@code AES_GCM_16(20)}. */
    @Override
    public final String toString() {
        return name + "(" + id + ")";
    }
}
