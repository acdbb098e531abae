package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.ike.v2.IkeIdType;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;

/**
 * The model's {@link Identity} as an IDi/IDr payload, and the check that a received ID is the one
 * the tunnel expects.
 *
 * <p>RFC 7296 §3.5: ID_IPV4_ADDR/ID_IPV6_ADDR, ID_FQDN, ID_RFC822_ADDR and ID_KEY_ID carry their
 * value directly; ID_DER_ASN1_DN needs a DER encoder, which this engine does not have yet.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 */
final class IkeIdentities {
    private IkeIdentities() {
    }

    /**
     * Returns the ID payload for {@code id}.
     *
     * @throws IllegalArgumentException for a distinguished name (not supported yet)
     */
    static IkeIdPayload toPayload(Identity id, boolean initiator) {
        switch (id.type()) {
            case FQDN:
                return IkeIdPayload.ofFqdn(initiator, id.value());
            case USER_FQDN:
                return IkeIdPayload.ofRfc822(initiator, id.value());
            case KEY_ID:
                return new IkeIdPayload(initiator, IkeIdType.KEY_ID, Bytes.fromHex(id.value()));
            case DER_ASN1_DN:
                throw new IllegalArgumentException("distinguished-name IDs are not supported by the engine yet: " + id);
            default:
                return IkeIdPayload.ofAddress(initiator, IpAddress.parse(id.value()));
        }
    }

    /** Returns {@code true} if {@code received} names {@code expected} (same ID Type and data). */
    static boolean matches(IkeIdPayload received, Identity expected) {
        IkeIdPayload want = toPayload(expected, received.initiator());
        return want.idType().equals(received.idType()) && want.data().equals(received.data());
    }
}
