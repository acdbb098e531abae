package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 payload type: the Next Payload field of the header and of every payload.
 *
 * <p>Each payload names the type of the one that follows it; 0 ends the chain. Types 33-48 come
 * from RFC 7296, 49-52 from G-IKEv2, 53 from RFC 7383 and 54 from RFC 8019. This is an open
 * registry: {@link #valueOf(int)} returns the constant for a registered number or a new instance
 * named {@code UNKNOWN_<code>} that keeps the number, so that a value this library does not know
 * survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.2">RFC 7296 §3.2</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-2">IANA IKEv2 Payload Types</a>
 */
public final class IkePayloadType extends IkeRegistryValue implements Comparable<IkePayloadType> {

    /** Payload types are one byte on the wire (RFC 7296 §3.2). */
    static final int MAX_CODE = 255;

    /** No Next Payload: the last payload of a chain (RFC 7296 §3.2). */
    public static final IkePayloadType NO_NEXT_PAYLOAD = new IkePayloadType(0, "NO_NEXT_PAYLOAD");
    /** Security Association (RFC 7296 §3.2). */
    public static final IkePayloadType SA = new IkePayloadType(33, "SA");
    /** Key Exchange (RFC 7296 §3.2). */
    public static final IkePayloadType KE = new IkePayloadType(34, "KE");
    /** Identification - Initiator (IDi) (RFC 7296 §3.2). */
    public static final IkePayloadType ID_INITIATOR = new IkePayloadType(35, "ID_INITIATOR");
    /** Identification - Responder (IDr) (RFC 7296 §3.2). */
    public static final IkePayloadType ID_RESPONDER = new IkePayloadType(36, "ID_RESPONDER");
    /** Certificate (RFC 7296 §3.2). */
    public static final IkePayloadType CERT = new IkePayloadType(37, "CERT");
    /** Certificate Request (RFC 7296 §3.2). */
    public static final IkePayloadType CERTREQ = new IkePayloadType(38, "CERTREQ");
    /** Authentication (RFC 7296 §3.2). */
    public static final IkePayloadType AUTH = new IkePayloadType(39, "AUTH");
    /** Nonce (Ni, Nr) (RFC 7296 §3.2). */
    public static final IkePayloadType NONCE = new IkePayloadType(40, "NONCE");
    /** Notify (RFC 7296 §3.2). */
    public static final IkePayloadType NOTIFY = new IkePayloadType(41, "NOTIFY");
    /** Delete (RFC 7296 §3.2). */
    public static final IkePayloadType DELETE = new IkePayloadType(42, "DELETE");
    /** Vendor ID (RFC 7296 §3.2). */
    public static final IkePayloadType VENDOR_ID = new IkePayloadType(43, "VENDOR_ID");
    /** Traffic Selector - Initiator (TSi) (RFC 7296 §3.2). */
    public static final IkePayloadType TS_INITIATOR = new IkePayloadType(44, "TS_INITIATOR");
    /** Traffic Selector - Responder (TSr) (RFC 7296 §3.2). */
    public static final IkePayloadType TS_RESPONDER = new IkePayloadType(45, "TS_RESPONDER");
    /** Encrypted and Authenticated (SK) (RFC 7296 §3.2). */
    public static final IkePayloadType ENCRYPTED = new IkePayloadType(46, "ENCRYPTED");
    /** Configuration (CP) (RFC 7296 §3.2). */
    public static final IkePayloadType CONFIGURATION = new IkePayloadType(47, "CONFIGURATION");
    /** Extensible Authentication (RFC 7296 §3.2). */
    public static final IkePayloadType EAP = new IkePayloadType(48, "EAP");
    /** Generic Secure Password Methods, RFC 6467 (RFC 7296 §3.2). */
    public static final IkePayloadType GSPM = new IkePayloadType(49, "GSPM");
    /** Group Identification, G-IKEv2 (RFC 7296 §3.2). */
    public static final IkePayloadType ID_GROUP = new IkePayloadType(50, "ID_GROUP");
    /** Group Security Association, G-IKEv2 (RFC 7296 §3.2). */
    public static final IkePayloadType GSA = new IkePayloadType(51, "GSA");
    /** Key Download, G-IKEv2 (RFC 7296 §3.2). */
    public static final IkePayloadType KD = new IkePayloadType(52, "KD");
    /** Encrypted and Authenticated Fragment (SKF), RFC 7383 (RFC 7296 §3.2). */
    public static final IkePayloadType ENCRYPTED_FRAGMENT = new IkePayloadType(53, "ENCRYPTED_FRAGMENT");
    /** Puzzle Solution, RFC 8019 (RFC 7296 §3.2). */
    public static final IkePayloadType PUZZLE_SOLUTION = new IkePayloadType(54, "PUZZLE_SOLUTION");

    private static final List<IkePayloadType> KNOWN = List.of(
            NO_NEXT_PAYLOAD, SA, KE, ID_INITIATOR, ID_RESPONDER, CERT,
            CERTREQ, AUTH, NONCE, NOTIFY, DELETE, VENDOR_ID,
            TS_INITIATOR, TS_RESPONDER, ENCRYPTED, CONFIGURATION, EAP, GSPM,
            ID_GROUP, GSA, KD, ENCRYPTED_FRAGMENT, PUZZLE_SOLUTION);
    private static final Map<Integer, IkePayloadType> BY_CODE = byCode(KNOWN);

    private IkePayloadType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkePayloadType valueOf(int code) {
        return find(BY_CODE, "payload type", MAX_CODE, code, c -> new IkePayloadType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkePayloadType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    /**
     * Returns {@code true} for the types RFC 7296 allows more than once in a message: CERT, CERTREQ,
     * NOTIFY, DELETE and VENDOR_ID (AOSP's {@code REPEATABLE_PAYLOAD_TYPES}).
     */
    public boolean isRepeatable() {
        return code() == 37 || code() == 38 || code() == 41 || code() == 42 || code() == 43;
    }

    @Override
    public int compareTo(IkePayloadType other) {
        return Integer.compare(code(), other.code());
    }
}
