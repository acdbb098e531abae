package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import io.ipsec4j.model.IdentityType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IKEv2 identification type: how the data of an IDi/IDr payload is to be read.
 *
 * <p>IP addresses are sent as 4 or 16 raw bytes, FQDN and RFC 822 names as ASCII without
 * terminator, distinguished and general names as DER, key ids as opaque bytes. This is an open
 * registry: {@link #valueOf(int)} returns the constant for a registered number or a new instance
 * named {@code UNKNOWN_<code>} that keeps the number, so that a value this library does not know
 * survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-10">IANA IKEv2 Identification Payload ID Types</a>
 */
public final class IkeIdType extends IkeRegistryValue implements Comparable<IkeIdType> {

    /** ID types are one byte on the wire (RFC 7296 §3.5). */
    static final int MAX_CODE = 255;

    /** A four-byte IPv4 address (RFC 7296 §3.5). */
    public static final IkeIdType IPV4_ADDR = new IkeIdType(1, "IPV4_ADDR");
    /** A fully qualified domain name (RFC 7296 §3.5). */
    public static final IkeIdType FQDN = new IkeIdType(2, "FQDN");
    /** An RFC 822 e-mail address (RFC 7296 §3.5). */
    public static final IkeIdType RFC822_ADDR = new IkeIdType(3, "RFC822_ADDR");
    /** A sixteen-byte IPv6 address (RFC 7296 §3.5). */
    public static final IkeIdType IPV6_ADDR = new IkeIdType(5, "IPV6_ADDR");
    /** A DER-encoded X.500 Distinguished Name (RFC 7296 §3.5). */
    public static final IkeIdType DER_ASN1_DN = new IkeIdType(9, "DER_ASN1_DN");
    /** A DER-encoded X.509 GeneralName (RFC 7296 §3.5). */
    public static final IkeIdType DER_ASN1_GN = new IkeIdType(10, "DER_ASN1_GN");
    /** An opaque key identifier (RFC 7296 §3.5). */
    public static final IkeIdType KEY_ID = new IkeIdType(11, "KEY_ID");
    /** A Fibre Channel name (RFC 4595). */
    public static final IkeIdType FC_NAME = new IkeIdType(12, "FC_NAME");
    /** No identity, for NULL authentication (RFC 7619). */
    public static final IkeIdType NULL = new IkeIdType(13, "NULL");

    private static final List<IkeIdType> KNOWN = List.of(
            IPV4_ADDR, FQDN, RFC822_ADDR, IPV6_ADDR, DER_ASN1_DN, DER_ASN1_GN,
            KEY_ID, FC_NAME, NULL);
    private static final Map<Integer, IkeIdType> BY_CODE = byCode(KNOWN);

    private IkeIdType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeIdType valueOf(int code) {
        return find(BY_CODE, "ID type", MAX_CODE, code, c -> new IkeIdType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeIdType> knownValues() {
        return KNOWN;
    }

    /**
     * Returns the IKEv2 ID type of the model's identity type (the numbers are the same registry,
     * RFC 7296 §3.5: USER_FQDN is ID_RFC822_ADDR).
     */
    public static IkeIdType of(IdentityType type) {
        return valueOf(Objects.requireNonNull(type, "type").code());
    }

    /** Returns the model's identity type with this number, if the model has one. */
    public Optional<IdentityType> identityType() {
        for (IdentityType t : IdentityType.values()) {
            if (t.code() == code()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeIdType other) {
        return Integer.compare(code(), other.code());
    }
}
