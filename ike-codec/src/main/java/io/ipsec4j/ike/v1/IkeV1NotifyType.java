package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An ISAKMP notify message type: the Notify Message Type of a Notification payload.
 *
 * <p>Types 1-16383 are errors (RFC 2408 §3.14.1), 16384 and up status; the IPsec DOI adds
 * RESPONDER-LIFETIME, REPLAY-STATUS and INITIAL-CONTACT (RFC 2407 §4.6.3), dead peer detection
 * R-U-THERE and R-U-THERE-ACK (RFC 3706 §5). An open registry: unknown numbers are kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.14.1">RFC 2408 §3.14.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.3">RFC 2407 §4.6.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3706#section-5">RFC 3706 §5</a>
 */
public final class IkeV1NotifyType extends IkeRegistryValue {
    static final int MAX_CODE = 0xFFFF;
    /** Error types are below this number (RFC 2408 §3.14.1). */
    static final int FIRST_STATUS = 16384;

    /** INVALID-PAYLOAD-TYPE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_PAYLOAD_TYPE = new IkeV1NotifyType(1, "INVALID_PAYLOAD_TYPE");
    /** DOI-NOT-SUPPORTED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType DOI_NOT_SUPPORTED = new IkeV1NotifyType(2, "DOI_NOT_SUPPORTED");
    /** SITUATION-NOT-SUPPORTED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType SITUATION_NOT_SUPPORTED = new IkeV1NotifyType(3, "SITUATION_NOT_SUPPORTED");
    /** INVALID-COOKIE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_COOKIE = new IkeV1NotifyType(4, "INVALID_COOKIE");
    /** INVALID-MAJOR-VERSION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_MAJOR_VERSION = new IkeV1NotifyType(5, "INVALID_MAJOR_VERSION");
    /** INVALID-MINOR-VERSION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_MINOR_VERSION = new IkeV1NotifyType(6, "INVALID_MINOR_VERSION");
    /** INVALID-EXCHANGE-TYPE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_EXCHANGE_TYPE = new IkeV1NotifyType(7, "INVALID_EXCHANGE_TYPE");
    /** INVALID-FLAGS (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_FLAGS = new IkeV1NotifyType(8, "INVALID_FLAGS");
    /** INVALID-MESSAGE-ID (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_MESSAGE_ID = new IkeV1NotifyType(9, "INVALID_MESSAGE_ID");
    /** INVALID-PROTOCOL-ID (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_PROTOCOL_ID = new IkeV1NotifyType(10, "INVALID_PROTOCOL_ID");
    /** INVALID-SPI (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_SPI = new IkeV1NotifyType(11, "INVALID_SPI");
    /** INVALID-TRANSFORM-ID (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_TRANSFORM_ID = new IkeV1NotifyType(12, "INVALID_TRANSFORM_ID");
    /** ATTRIBUTES-NOT-SUPPORTED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType ATTRIBUTES_NOT_SUPPORTED = new IkeV1NotifyType(13, "ATTRIBUTES_NOT_SUPPORTED");
    /** NO-PROPOSAL-CHOSEN (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType NO_PROPOSAL_CHOSEN = new IkeV1NotifyType(14, "NO_PROPOSAL_CHOSEN");
    /** BAD-PROPOSAL-SYNTAX (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType BAD_PROPOSAL_SYNTAX = new IkeV1NotifyType(15, "BAD_PROPOSAL_SYNTAX");
    /** PAYLOAD-MALFORMED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType PAYLOAD_MALFORMED = new IkeV1NotifyType(16, "PAYLOAD_MALFORMED");
    /** INVALID-KEY-INFORMATION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_KEY_INFORMATION = new IkeV1NotifyType(17, "INVALID_KEY_INFORMATION");
    /** INVALID-ID-INFORMATION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_ID_INFORMATION = new IkeV1NotifyType(18, "INVALID_ID_INFORMATION");
    /** INVALID-CERT-ENCODING (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_CERT_ENCODING = new IkeV1NotifyType(19, "INVALID_CERT_ENCODING");
    /** INVALID-CERTIFICATE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_CERTIFICATE = new IkeV1NotifyType(20, "INVALID_CERTIFICATE");
    /** CERT-TYPE-UNSUPPORTED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType CERT_TYPE_UNSUPPORTED = new IkeV1NotifyType(21, "CERT_TYPE_UNSUPPORTED");
    /** INVALID-CERT-AUTHORITY (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_CERT_AUTHORITY = new IkeV1NotifyType(22, "INVALID_CERT_AUTHORITY");
    /** INVALID-HASH-INFORMATION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_HASH_INFORMATION = new IkeV1NotifyType(23, "INVALID_HASH_INFORMATION");
    /** AUTHENTICATION-FAILED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType AUTHENTICATION_FAILED = new IkeV1NotifyType(24, "AUTHENTICATION_FAILED");
    /** INVALID-SIGNATURE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType INVALID_SIGNATURE = new IkeV1NotifyType(25, "INVALID_SIGNATURE");
    /** ADDRESS-NOTIFICATION (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType ADDRESS_NOTIFICATION = new IkeV1NotifyType(26, "ADDRESS_NOTIFICATION");
    /** NOTIFY-SA-LIFETIME (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType NOTIFY_SA_LIFETIME = new IkeV1NotifyType(27, "NOTIFY_SA_LIFETIME");
    /** CERTIFICATE-UNAVAILABLE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType CERTIFICATE_UNAVAILABLE = new IkeV1NotifyType(28, "CERTIFICATE_UNAVAILABLE");
    /** UNSUPPORTED-EXCHANGE-TYPE (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType UNSUPPORTED_EXCHANGE_TYPE = new IkeV1NotifyType(29, "UNSUPPORTED_EXCHANGE_TYPE");
    /** UNEQUAL-PAYLOAD-LENGTHS (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType UNEQUAL_PAYLOAD_LENGTHS = new IkeV1NotifyType(30, "UNEQUAL_PAYLOAD_LENGTHS");
    /** CONNECTED (RFC 2408 §3.14.1). */
    public static final IkeV1NotifyType CONNECTED = new IkeV1NotifyType(16384, "CONNECTED");
    /** RESPONDER-LIFETIME (RFC 2407 §4.6.3.1). */
    public static final IkeV1NotifyType RESPONDER_LIFETIME = new IkeV1NotifyType(24576, "RESPONDER_LIFETIME");
    /** REPLAY-STATUS (RFC 2407 §4.6.3.2). */
    public static final IkeV1NotifyType REPLAY_STATUS = new IkeV1NotifyType(24577, "REPLAY_STATUS");
    /** INITIAL-CONTACT (RFC 2407 §4.6.3.3). */
    public static final IkeV1NotifyType INITIAL_CONTACT = new IkeV1NotifyType(24578, "INITIAL_CONTACT");
    /** R-U-THERE (RFC 3706 §5). */
    public static final IkeV1NotifyType R_U_THERE = new IkeV1NotifyType(36136, "R_U_THERE");
    /** R-U-THERE-ACK (RFC 3706 §5). */
    public static final IkeV1NotifyType R_U_THERE_ACK = new IkeV1NotifyType(36137, "R_U_THERE_ACK");

    private static final List<IkeV1NotifyType> KNOWN = List.of(INVALID_PAYLOAD_TYPE, DOI_NOT_SUPPORTED, SITUATION_NOT_SUPPORTED, INVALID_COOKIE, INVALID_MAJOR_VERSION, INVALID_MINOR_VERSION, INVALID_EXCHANGE_TYPE, INVALID_FLAGS, INVALID_MESSAGE_ID, INVALID_PROTOCOL_ID, INVALID_SPI, INVALID_TRANSFORM_ID, ATTRIBUTES_NOT_SUPPORTED, NO_PROPOSAL_CHOSEN, BAD_PROPOSAL_SYNTAX, PAYLOAD_MALFORMED, INVALID_KEY_INFORMATION, INVALID_ID_INFORMATION, INVALID_CERT_ENCODING, INVALID_CERTIFICATE, CERT_TYPE_UNSUPPORTED, INVALID_CERT_AUTHORITY, INVALID_HASH_INFORMATION, AUTHENTICATION_FAILED, INVALID_SIGNATURE, ADDRESS_NOTIFICATION, NOTIFY_SA_LIFETIME, CERTIFICATE_UNAVAILABLE, UNSUPPORTED_EXCHANGE_TYPE, UNEQUAL_PAYLOAD_LENGTHS, CONNECTED, RESPONDER_LIFETIME, REPLAY_STATUS, INITIAL_CONTACT, R_U_THERE, R_U_THERE_ACK);
    private static final Map<Integer, IkeV1NotifyType> BY_CODE = byCode(KNOWN);

    private IkeV1NotifyType(int code, String name) {
        super(code, name);
    }

    /** Returns the constant for {@code code}, or a new instance that keeps the number. */
    public static IkeV1NotifyType valueOf(int code) {
        return find(BY_CODE, "notify type", MAX_CODE, code, c -> new IkeV1NotifyType(c, unknownName(c)));
    }

    /** Returns the registered values. */
    public static List<IkeV1NotifyType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for an error type (1-16383). */
    public boolean isError() {
        return code() > 0 && code() < FIRST_STATUS;
    }
}
