package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeHeaders;
import java.util.Objects;

/**
 * The IKEv2 header fields a message carries besides its payload chain.
 *
 * <p>The 28-byte header holds the IKE SA Initiator's and Responder's SPIs, the Next Payload (the
 * first payload's type), the version (major 2, minor 0 for RFC 7296 implementations), the Exchange
 * Type, the flags (Initiator 0x08, Version 0x10, Response 0x20), the Message ID and the Length of the
 * whole message. Next Payload and Length are computed from the payloads when encoding and checked
 * when decoding, so they are not fields here. Reserved flag bits are ignored when received and sent
 * as zero (RFC 7296 §3.1).
 *
 * @param initiatorSpi the IKE SA Initiator's SPI
 * @param responderSpi the IKE SA Responder's SPI (0 in the first IKE_SA_INIT request)
 * @param exchangeType the Exchange Type
 * @param initiator the Initiator flag: set by the original initiator of the IKE SA
 * @param response the Response flag
 * @param messageId the Message ID, an unsigned 32-bit number
 * @param minorVersion the minor version, 0–15
 * @param versionFlag the Version flag: the sender could speak a higher major version
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 */
public record IkeHeader(long initiatorSpi, long responderSpi, IkeExchangeType exchangeType, boolean initiator,
        boolean response, long messageId, int minorVersion, boolean versionFlag) {
    /** The major version this package speaks. */
    public static final int MAJOR_VERSION = IkeHeaders.MAJOR_VERSION_2;
    /** The Initiator flag bit (RFC 7296 §3.1). */
    static final int FLAG_INITIATOR = 0x08;
    /** The Version flag bit (RFC 7296 §3.1). */
    static final int FLAG_VERSION = 0x10;
    /** The Response flag bit (RFC 7296 §3.1). */
    static final int FLAG_RESPONSE = 0x20;

    /** Validates the ranges. */
    public IkeHeader {
        Objects.requireNonNull(exchangeType, "exchangeType");
        if (messageId < 0 || messageId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("message id: " + messageId + " (expected: 0-4294967295)");
        }
        IkeWire.checkRange(minorVersion, "minor version", 0, 15);
    }

    /** Returns a header with minor version 0 and the Version flag clear. */
    public static IkeHeader of(long initiatorSpi, long responderSpi, IkeExchangeType exchangeType,
            boolean initiator, boolean response, long messageId) {
        return new IkeHeader(initiatorSpi, responderSpi, exchangeType, initiator, response, messageId, 0, false);
    }

    /** Returns the flags byte. */
    int flags() {
        return (initiator ? FLAG_INITIATOR : 0) | (versionFlag ? FLAG_VERSION : 0) | (response ? FLAG_RESPONSE : 0);
    }
}
