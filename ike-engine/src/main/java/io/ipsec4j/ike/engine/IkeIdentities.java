package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.model.Identity;

/**
 * The model's {@link Identity} as an IDi/IDr payload, and the check that a received ID is the one
 * the tunnel expects: both are {@link IkeIdPayload#of(boolean, Identity)} and
 * {@link IkeIdPayload#names(Identity)} (distinguished names DER-encoded, RFC 7296 §3.5).
 */
final class IkeIdentities {
    private IkeIdentities() {
    }

    /**
     * Returns the ID payload for {@code id}.
     *
     * @throws IllegalArgumentException if a distinguished name's text has no DER form
     */
    static IkeIdPayload toPayload(Identity id, boolean initiator) {
        return IkeIdPayload.of(initiator, id);
    }

    /** Returns {@code true} if {@code received} names {@code expected} (same ID Type and identity). */
    static boolean matches(IkeIdPayload received, Identity expected) {
        return received.names(expected);
    }
}
