package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDiscardException;
import io.ipsec4j.ike.IkeHeaders;

/**
 * The datagram is an IKEv1 (ISAKMP) message, major version 1, not a corrupt IKEv2 one.
 *
 * <p>IKEv1 and IKEv2 share the header layout and UDP ports 500/4500, so an IKEv2 decoder meets
 * IKEv1 traffic from peers configured for the older protocol. It is not an IKEv2 error: RFC 7296
 * §2.5 asks for an INVALID_MAJOR_VERSION answer only to a higher version, and an IKEv2 answer means
 * nothing to an IKEv1 peer. So this is an {@link IkeDiscardException}, which a dispatcher on
 * {@link IkeHeaders#majorVersion} can instead route to an IKEv1 codec.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.5">RFC 7296 §2.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public final class IkeV1MessageException extends IkeDiscardException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its fixed message. */
    public IkeV1MessageException() {
        super("IKEv1 (ISAKMP) message: major version: " + IkeHeaders.MAJOR_VERSION_1 + " (expected: "
                + IkeHeader.MAJOR_VERSION + ", IKEv2)", null);
    }
}
