package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDistinguishedNames;
import io.ipsec4j.ike.IkeMalformedNameException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IdentityType;
import io.ipsec4j.model.IpAddress;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The IKEv2 Identification payload, IDi (initiator) or IDr (responder).
 *
 * <p>The body is the ID Type, three reserved bytes and the Identification Data. Address types must
 * carry exactly 4 (IPv4) or 16 (IPv6) bytes; FQDN and RFC 822 names are ASCII without a terminator;
 * the other types are kept as bytes. The body after the reserved bytes is what the AUTH payload
 * signs (RFC 7296 §2.15), so it is kept exactly.
 *
 * @param initiator {@code true} for IDi, {@code false} for IDr
 * @param idType the ID Type
 * @param data the Identification Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 */
public record IkeIdPayload(boolean initiator, IkeIdType idType, Bytes data) implements IkePayload {

    /** Validates the address lengths and the total length. */
    public IkeIdPayload {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(data, "data");
        if (idType.equals(IkeIdType.IPV4_ADDR) && data.length() != 4
                || idType.equals(IkeIdType.IPV6_ADDR) && data.length() != 16) {
            throw new IllegalArgumentException("identification data length for " + idType + ": "
                    + data.length() + " (expected: " + (idType.equals(IkeIdType.IPV4_ADDR) ? 4 : 16) + ")");
        }
        IkeWire.checkLength(data, "identification data", IkeWire.MAX_BODY_LENGTH - 4);
    }

    /** Returns an ID_IPV4_ADDR or ID_IPV6_ADDR payload for {@code address}. */
    public static IkeIdPayload ofAddress(boolean initiator, IpAddress address) {
        byte[] b = address.toByteArray();
        return new IkeIdPayload(initiator, b.length == 4 ? IkeIdType.IPV4_ADDR : IkeIdType.IPV6_ADDR, Bytes.of(b));
    }

    /** Returns an ID_FQDN payload. */
    public static IkeIdPayload ofFqdn(boolean initiator, String fqdn) {
        return new IkeIdPayload(initiator, IkeIdType.FQDN, Bytes.of(fqdn.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Returns an ID_RFC822_ADDR payload. */
    public static IkeIdPayload ofRfc822(boolean initiator, String address) {
        return new IkeIdPayload(initiator, IkeIdType.RFC822_ADDR,
                Bytes.of(address.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Returns the ID payload of a model identity: addresses as 4 or 16 bytes, FQDN and user FQDN
     * (ID_RFC822_ADDR) as ASCII, a DN DER-encoded ({@link IkeDistinguishedNames#encode(Identity)}),
     * a key ID as its octets.
     *
     * @param initiator {@code true} for IDi, {@code false} for IDr
     * @throws IllegalArgumentException if a DN's text has no DER form
     */
    public static IkeIdPayload of(boolean initiator, Identity identity) {
        Objects.requireNonNull(identity, "identity");
        switch (identity.type()) {
            case FQDN:
                return ofFqdn(initiator, identity.value());
            case USER_FQDN:
                return ofRfc822(initiator, identity.value());
            case KEY_ID:
                return new IkeIdPayload(initiator, IkeIdType.KEY_ID, Bytes.fromHex(identity.value()));
            case DER_ASN1_DN:
                return new IkeIdPayload(initiator, IkeIdType.DER_ASN1_DN, IkeDistinguishedNames.encode(identity));
            default:
                return ofAddress(initiator, IpAddress.parse(identity.value()));
        }
    }

    /**
     * Returns the model identity this payload names: empty for ID types the model does not have
     * (DER_ASN1_GN, FC_NAME, NULL, unknown) and for data that is not a valid value of its type (a
     * malformed name or DER Name; the peer's ID then matches no configured identity).
     */
    public Optional<Identity> toIdentity() {
        try {
            switch (idType.code()) {
                case 1: // ID_IPV4_ADDR
                case 5: // ID_IPV6_ADDR
                    return Optional.of(Identity.address(IpAddress.of(data.toByteArray())));
                case 2: // ID_FQDN
                    return Optional.of(Identity.fqdn(ascii()));
                case 3: // ID_RFC822_ADDR
                    return Optional.of(Identity.userFqdn(ascii()));
                case 9: // ID_DER_ASN1_DN
                    return Optional.of(IkeDistinguishedNames.toIdentity(data));
                case 11: // ID_KEY_ID
                    return data.isEmpty() ? Optional.empty() : Optional.of(Identity.keyId(data.toHex()));
                default:
                    return Optional.empty();
            }
        } catch (IkeMalformedNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns {@code true} if this payload names {@code expected}: the same ID Type and either the
     * same bytes or, decoded, the same identity (a DN may be DER-encoded with other string types
     * than ours, an FQDN may differ in case).
     */
    public boolean names(Identity expected) {
        Objects.requireNonNull(expected, "expected");
        if (!idType.equals(IkeIdType.of(expected.type()))) {
            return false;
        }
        if (expected.type() != IdentityType.DER_ASN1_DN && data.equals(of(initiator, expected).data())) {
            return true;
        }
        return toIdentity().map(expected::equals).orElse(false);
    }

    private String ascii() {
        return new String(data.toByteArray(), StandardCharsets.US_ASCII);
    }

    static IkeIdPayload decode(boolean initiator, ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "ID payload");
        IkeIdType type = IkeIdType.valueOf(body.readUnsignedByte());
        body.skipBytes(3); // RESERVED
        return new IkeIdPayload(initiator, type, IkeWire.readRemaining(body));
    }

    /** Returns the address of an ID_IPV4_ADDR or ID_IPV6_ADDR payload. */
    public Optional<IpAddress> address() {
        if (idType.equals(IkeIdType.IPV4_ADDR) || idType.equals(IkeIdType.IPV6_ADDR)) {
            return Optional.of(IpAddress.of(data.toByteArray()));
        }
        return Optional.empty();
    }

    /** Returns the name of an ID_FQDN or ID_RFC822_ADDR payload (bytes outside ASCII become U+FFFD). */
    public Optional<String> name() {
        if (idType.equals(IkeIdType.FQDN) || idType.equals(IkeIdType.RFC822_ADDR)) {
            return Optional.of(new String(data.toByteArray(), StandardCharsets.US_ASCII));
        }
        return Optional.empty();
    }

    @Override
    public IkePayloadType type() {
        return initiator ? IkePayloadType.ID_INITIATOR : IkePayloadType.ID_RESPONDER;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(idType.code());
        out.writeMedium(0);
        IkeWire.writeBytes(out, data);
    }
}
