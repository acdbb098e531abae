package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
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
public final class IkeProtocolId extends IkeRegistryValue implements Comparable<IkeProtocolId> {

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
    private static final Map<Integer, IkeProtocolId> BY_CODE = byCode(KNOWN);

    private IkeProtocolId(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeProtocolId valueOf(int code) {
        return find(BY_CODE, "protocol id", MAX_CODE, code, c -> new IkeProtocolId(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeProtocolId> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeProtocolId other) {
        return Integer.compare(code(), other.code());
    }
}
