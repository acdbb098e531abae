package io.ipsec4j.ike.v1;

import java.util.Objects;

/**
 * The ISAKMP header fields a message carries besides its payloads.
 *
 * <p>The 28-byte header holds the Initiator and Responder Cookies, the Next Payload (the first
 * payload's type), the version (major 1, minor 0), the Exchange Type, the flags (Encryption 0x01,
 * Commit 0x02, Authentication Only 0x04), the Message ID (0 in phase 1) and the Length of the whole
 * message. Next Payload and Length are computed when encoding and checked when decoding. Flag bits
 * RFC 2408 leaves unassigned are kept, so a message re-encodes byte for byte.
 *
 * @param initiatorCookie the Initiator Cookie
 * @param responderCookie the Responder Cookie (0 in the first message)
 * @param exchangeType the Exchange Type
 * @param flags the flags byte
 * @param messageId the Message ID, an unsigned 32-bit number
 * @param minorVersion the minor version, 0-15
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public record IkeV1Header(long initiatorCookie, long responderCookie, IkeV1ExchangeType exchangeType,
        int flags, long messageId, int minorVersion) {
    /** The major version this package speaks. */
    public static final int MAJOR_VERSION = 1;
    /** Encryption flag: the payloads after the header are encrypted (RFC 2408 §3.1). */
    public static final int FLAG_ENCRYPTION = 0x01;
    /** Commit flag: key exchange synchronisation (RFC 2408 §3.1). */
    public static final int FLAG_COMMIT = 0x02;
    /** Authentication Only flag (RFC 2408 §3.1). */
    public static final int FLAG_AUTHENTICATION_ONLY = 0x04;

    /** Validates the ranges. */
    public IkeV1Header {
        Objects.requireNonNull(exchangeType, "exchangeType");
        IkeV1Wire.checkRange(flags, "flags", 0, 0xFF);
        IkeV1Wire.checkUnsignedInt(messageId, "message id");
        IkeV1Wire.checkRange(minorVersion, "minor version", 0, 15);
    }

    /** Returns a header with minor version 0. */
    public static IkeV1Header of(long initiatorCookie, long responderCookie, IkeV1ExchangeType exchangeType,
            int flags, long messageId) {
        return new IkeV1Header(initiatorCookie, responderCookie, exchangeType, flags, messageId, 0);
    }

    /** Returns {@code true} if the Encryption flag is set. */
    public boolean encrypted() {
        return (flags & FLAG_ENCRYPTION) != 0;
    }

    /** Returns {@code true} if the Commit flag is set. */
    public boolean commit() {
        return (flags & FLAG_COMMIT) != 0;
    }

    /** Returns {@code true} if the Authentication Only flag is set. */
    public boolean authenticationOnly() {
        return (flags & FLAG_AUTHENTICATION_ONLY) != 0;
    }

    /** Returns this header with the Encryption flag set or cleared. */
    public IkeV1Header withEncrypted(boolean encrypted) {
        int f = encrypted ? flags | FLAG_ENCRYPTION : flags & ~FLAG_ENCRYPTION;
        return new IkeV1Header(initiatorCookie, responderCookie, exchangeType, f, messageId, minorVersion);
    }
}
