package io.ipsec4j.ike.v2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 Security Protocol Identifier: IKE, AH or ESP.
 *
 * <p>Proposals, Notify and Delete payloads name the protocol they are about; a Notify that concerns
 * no SA carries 0. The protocol also fixes the SPI size: none or 8 bytes for IKE, 4 bytes for AH
 * and ESP. This is an open registry: {@link #valueOf(int)} returns the constant for a registered
 * number or a new instance named {@code UNKNOWN_<code>} that keeps the number, so that a value this
 * library does not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.1">RFC 7296 §3.3.1</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-18">IANA Security Protocol Identifiers</a>
 */
public final class IkeProtocolId implements Comparable<IkeProtocolId> {

    /** Protocol ids are one byte on the wire (RFC 7296 §3.3.1). */
    static final int MAX_CODE = 255;

    /** No protocol: a Notify that concerns no particular SA (RFC 7296 §3.10). */
    public static final IkeProtocolId NONE = new IkeProtocolId(0, "NONE");
    /** IKE (RFC 7296 §3.3.1). */
    public static final IkeProtocolId IKE = new IkeProtocolId(1, "IKE");
    /** Authentication Header (RFC 7296 §3.3.1). */
    public static final IkeProtocolId AH = new IkeProtocolId(2, "AH");
    /** Encapsulating Security Payload (RFC 7296 §3.3.1). */
    public static final IkeProtocolId ESP = new IkeProtocolId(3, "ESP");

    private static final List<IkeProtocolId> KNOWN = List.of(
            NONE, IKE, AH, ESP);
    private static final Map<Integer, IkeProtocolId> BY_CODE = new HashMap<>();

    static {
        for (IkeProtocolId v : KNOWN) {
            BY_CODE.put(v.code, v);
        }
    }

    private final int code;
    private final String name;

    private IkeProtocolId(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeProtocolId valueOf(int code) {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException(
                    "protocol id: " + code + " (expected: 0-" + MAX_CODE + ")");
        }
        IkeProtocolId known = BY_CODE.get(code);
        return known != null ? known : new IkeProtocolId(code, "UNKNOWN_" + code);
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeProtocolId> knownValues() {
        return KNOWN;
    }

    /** Returns the number sent on the wire. */
    public int code() {
        return code;
    }

    /** Returns the registry name, or {@code UNKNOWN_<code>}. */
    public String name() {
        return name;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code);
    }

    @Override
    public int compareTo(IkeProtocolId other) {
        return Integer.compare(code, other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IkeProtocolId && ((IkeProtocolId) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** Returns {@code NAME(code)}. */
    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
