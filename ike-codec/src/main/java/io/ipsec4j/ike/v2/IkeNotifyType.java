package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 Notify Message Type: an error type (below 16384) or a status type.
 *
 * <p>Types 0-16383 report errors; a request that carries one is rejected, a response that carries
 * one means the request failed. Types 16384-65535 carry status information. Unknown error types
 * must still be treated as errors (RFC 7296 §3.10.1), which {@link #isError()} makes possible. This
 * is an open registry: {@link #valueOf(int)} returns the constant for a registered number or a new
 * instance named {@code UNKNOWN_<code>} that keeps the number, so that a value this library does
 * not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-14">IANA IKEv2 Notify Message Types</a>
 */
public final class IkeNotifyType extends IkeRegistryValue implements Comparable<IkeNotifyType> {

    /** Notify message types are two bytes on the wire (RFC 7296 §3.10). */
    static final int MAX_CODE = 65535;

    /** Error type UNSUPPORTED_CRITICAL_PAYLOAD (RFC 7296 §3.10.1). */
    public static final IkeNotifyType UNSUPPORTED_CRITICAL_PAYLOAD = new IkeNotifyType(1, "UNSUPPORTED_CRITICAL_PAYLOAD");
    /** Error type INVALID_IKE_SPI (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_IKE_SPI = new IkeNotifyType(4, "INVALID_IKE_SPI");
    /** Error type INVALID_MAJOR_VERSION (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_MAJOR_VERSION = new IkeNotifyType(5, "INVALID_MAJOR_VERSION");
    /** Error type INVALID_SYNTAX (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_SYNTAX = new IkeNotifyType(7, "INVALID_SYNTAX");
    /** Error type INVALID_MESSAGE_ID (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_MESSAGE_ID = new IkeNotifyType(9, "INVALID_MESSAGE_ID");
    /** Error type INVALID_SPI (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_SPI = new IkeNotifyType(11, "INVALID_SPI");
    /** Error type NO_PROPOSAL_CHOSEN (RFC 7296 §3.10.1). */
    public static final IkeNotifyType NO_PROPOSAL_CHOSEN = new IkeNotifyType(14, "NO_PROPOSAL_CHOSEN");
    /** Error type INVALID_KE_PAYLOAD (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_KE_PAYLOAD = new IkeNotifyType(17, "INVALID_KE_PAYLOAD");
    /** Error type AUTHENTICATION_FAILED (RFC 7296 §3.10.1). */
    public static final IkeNotifyType AUTHENTICATION_FAILED = new IkeNotifyType(24, "AUTHENTICATION_FAILED");
    /** Error type SINGLE_PAIR_REQUIRED (RFC 7296 §3.10.1). */
    public static final IkeNotifyType SINGLE_PAIR_REQUIRED = new IkeNotifyType(34, "SINGLE_PAIR_REQUIRED");
    /** Error type NO_ADDITIONAL_SAS (RFC 7296 §3.10.1). */
    public static final IkeNotifyType NO_ADDITIONAL_SAS = new IkeNotifyType(35, "NO_ADDITIONAL_SAS");
    /** Error type INTERNAL_ADDRESS_FAILURE (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INTERNAL_ADDRESS_FAILURE = new IkeNotifyType(36, "INTERNAL_ADDRESS_FAILURE");
    /** Error type FAILED_CP_REQUIRED (RFC 7296 §3.10.1). */
    public static final IkeNotifyType FAILED_CP_REQUIRED = new IkeNotifyType(37, "FAILED_CP_REQUIRED");
    /** Error type TS_UNACCEPTABLE (RFC 7296 §3.10.1). */
    public static final IkeNotifyType TS_UNACCEPTABLE = new IkeNotifyType(38, "TS_UNACCEPTABLE");
    /** Error type INVALID_SELECTORS (RFC 7296 §3.10.1). */
    public static final IkeNotifyType INVALID_SELECTORS = new IkeNotifyType(39, "INVALID_SELECTORS");
    /** Error type UNACCEPTABLE_ADDRESSES (RFC 4555). */
    public static final IkeNotifyType UNACCEPTABLE_ADDRESSES = new IkeNotifyType(40, "UNACCEPTABLE_ADDRESSES");
    /** Error type UNEXPECTED_NAT_DETECTED (RFC 4555). */
    public static final IkeNotifyType UNEXPECTED_NAT_DETECTED = new IkeNotifyType(41, "UNEXPECTED_NAT_DETECTED");
    /** Error type USE_ASSIGNED_HOA (RFC 5026). */
    public static final IkeNotifyType USE_ASSIGNED_HOA = new IkeNotifyType(42, "USE_ASSIGNED_HOA");
    /** Error type TEMPORARY_FAILURE (RFC 7296). */
    public static final IkeNotifyType TEMPORARY_FAILURE = new IkeNotifyType(43, "TEMPORARY_FAILURE");
    /** Error type CHILD_SA_NOT_FOUND (RFC 7296). */
    public static final IkeNotifyType CHILD_SA_NOT_FOUND = new IkeNotifyType(44, "CHILD_SA_NOT_FOUND");
    /** Error type INVALID_GROUP_ID (G-IKEv2). */
    public static final IkeNotifyType INVALID_GROUP_ID = new IkeNotifyType(45, "INVALID_GROUP_ID");
    /** Error type AUTHORIZATION_FAILED (G-IKEv2). */
    public static final IkeNotifyType AUTHORIZATION_FAILED = new IkeNotifyType(46, "AUTHORIZATION_FAILED");
    /** Error type STATE_NOT_FOUND (IANA registry). */
    public static final IkeNotifyType STATE_NOT_FOUND = new IkeNotifyType(47, "STATE_NOT_FOUND");
    /** Error type TS_MAX_QUEUE (RFC 9611). */
    public static final IkeNotifyType TS_MAX_QUEUE = new IkeNotifyType(48, "TS_MAX_QUEUE");
    /** Status type INITIAL_CONTACT (RFC 7296). */
    public static final IkeNotifyType INITIAL_CONTACT = new IkeNotifyType(16384, "INITIAL_CONTACT");
    /** Status type SET_WINDOW_SIZE (RFC 7296). */
    public static final IkeNotifyType SET_WINDOW_SIZE = new IkeNotifyType(16385, "SET_WINDOW_SIZE");
    /** Status type ADDITIONAL_TS_POSSIBLE (RFC 7296). */
    public static final IkeNotifyType ADDITIONAL_TS_POSSIBLE = new IkeNotifyType(16386, "ADDITIONAL_TS_POSSIBLE");
    /** Status type IPCOMP_SUPPORTED (RFC 7296). */
    public static final IkeNotifyType IPCOMP_SUPPORTED = new IkeNotifyType(16387, "IPCOMP_SUPPORTED");
    /** Status type NAT_DETECTION_SOURCE_IP (RFC 7296). */
    public static final IkeNotifyType NAT_DETECTION_SOURCE_IP = new IkeNotifyType(16388, "NAT_DETECTION_SOURCE_IP");
    /** Status type NAT_DETECTION_DESTINATION_IP (RFC 7296). */
    public static final IkeNotifyType NAT_DETECTION_DESTINATION_IP = new IkeNotifyType(16389, "NAT_DETECTION_DESTINATION_IP");
    /** Status type COOKIE (RFC 7296). */
    public static final IkeNotifyType COOKIE = new IkeNotifyType(16390, "COOKIE");
    /** Status type USE_TRANSPORT_MODE (RFC 7296). */
    public static final IkeNotifyType USE_TRANSPORT_MODE = new IkeNotifyType(16391, "USE_TRANSPORT_MODE");
    /** Status type HTTP_CERT_LOOKUP_SUPPORTED (RFC 7296). */
    public static final IkeNotifyType HTTP_CERT_LOOKUP_SUPPORTED = new IkeNotifyType(16392, "HTTP_CERT_LOOKUP_SUPPORTED");
    /** Status type REKEY_SA (RFC 7296). */
    public static final IkeNotifyType REKEY_SA = new IkeNotifyType(16393, "REKEY_SA");
    /** Status type ESP_TFC_PADDING_NOT_SUPPORTED (RFC 7296). */
    public static final IkeNotifyType ESP_TFC_PADDING_NOT_SUPPORTED = new IkeNotifyType(16394, "ESP_TFC_PADDING_NOT_SUPPORTED");
    /** Status type NON_FIRST_FRAGMENTS_ALSO (RFC 7296). */
    public static final IkeNotifyType NON_FIRST_FRAGMENTS_ALSO = new IkeNotifyType(16395, "NON_FIRST_FRAGMENTS_ALSO");
    /** Status type MOBIKE_SUPPORTED (RFC 4555). */
    public static final IkeNotifyType MOBIKE_SUPPORTED = new IkeNotifyType(16396, "MOBIKE_SUPPORTED");
    /** Status type ADDITIONAL_IP4_ADDRESS (RFC 4555). */
    public static final IkeNotifyType ADDITIONAL_IP4_ADDRESS = new IkeNotifyType(16397, "ADDITIONAL_IP4_ADDRESS");
    /** Status type ADDITIONAL_IP6_ADDRESS (RFC 4555). */
    public static final IkeNotifyType ADDITIONAL_IP6_ADDRESS = new IkeNotifyType(16398, "ADDITIONAL_IP6_ADDRESS");
    /** Status type NO_ADDITIONAL_ADDRESSES (RFC 4555). */
    public static final IkeNotifyType NO_ADDITIONAL_ADDRESSES = new IkeNotifyType(16399, "NO_ADDITIONAL_ADDRESSES");
    /** Status type UPDATE_SA_ADDRESSES (RFC 4555). */
    public static final IkeNotifyType UPDATE_SA_ADDRESSES = new IkeNotifyType(16400, "UPDATE_SA_ADDRESSES");
    /** Status type COOKIE2 (RFC 4555). */
    public static final IkeNotifyType COOKIE2 = new IkeNotifyType(16401, "COOKIE2");
    /** Status type NO_NATS_ALLOWED (RFC 4555). */
    public static final IkeNotifyType NO_NATS_ALLOWED = new IkeNotifyType(16402, "NO_NATS_ALLOWED");
    /** Status type AUTH_LIFETIME (RFC 4478). */
    public static final IkeNotifyType AUTH_LIFETIME = new IkeNotifyType(16403, "AUTH_LIFETIME");
    /** Status type MULTIPLE_AUTH_SUPPORTED (RFC 4739). */
    public static final IkeNotifyType MULTIPLE_AUTH_SUPPORTED = new IkeNotifyType(16404, "MULTIPLE_AUTH_SUPPORTED");
    /** Status type ANOTHER_AUTH_FOLLOWS (RFC 4739). */
    public static final IkeNotifyType ANOTHER_AUTH_FOLLOWS = new IkeNotifyType(16405, "ANOTHER_AUTH_FOLLOWS");
    /** Status type REDIRECT_SUPPORTED (RFC 5685). */
    public static final IkeNotifyType REDIRECT_SUPPORTED = new IkeNotifyType(16406, "REDIRECT_SUPPORTED");
    /** Status type REDIRECT (RFC 5685). */
    public static final IkeNotifyType REDIRECT = new IkeNotifyType(16407, "REDIRECT");
    /** Status type REDIRECTED_FROM (RFC 5685). */
    public static final IkeNotifyType REDIRECTED_FROM = new IkeNotifyType(16408, "REDIRECTED_FROM");
    /** Status type TICKET_LT_OPAQUE (RFC 5723). */
    public static final IkeNotifyType TICKET_LT_OPAQUE = new IkeNotifyType(16409, "TICKET_LT_OPAQUE");
    /** Status type TICKET_REQUEST (RFC 5723). */
    public static final IkeNotifyType TICKET_REQUEST = new IkeNotifyType(16410, "TICKET_REQUEST");
    /** Status type TICKET_ACK (RFC 5723). */
    public static final IkeNotifyType TICKET_ACK = new IkeNotifyType(16411, "TICKET_ACK");
    /** Status type TICKET_NACK (RFC 5723). */
    public static final IkeNotifyType TICKET_NACK = new IkeNotifyType(16412, "TICKET_NACK");
    /** Status type TICKET_OPAQUE (RFC 5723). */
    public static final IkeNotifyType TICKET_OPAQUE = new IkeNotifyType(16413, "TICKET_OPAQUE");
    /** Status type LINK_ID (RFC 5739). */
    public static final IkeNotifyType LINK_ID = new IkeNotifyType(16414, "LINK_ID");
    /** Status type USE_WESP_MODE (RFC 5840). */
    public static final IkeNotifyType USE_WESP_MODE = new IkeNotifyType(16415, "USE_WESP_MODE");
    /** Status type ROHC_SUPPORTED (RFC 5857). */
    public static final IkeNotifyType ROHC_SUPPORTED = new IkeNotifyType(16416, "ROHC_SUPPORTED");
    /** Status type EAP_ONLY_AUTHENTICATION (RFC 5998). */
    public static final IkeNotifyType EAP_ONLY_AUTHENTICATION = new IkeNotifyType(16417, "EAP_ONLY_AUTHENTICATION");
    /** Status type CHILDLESS_IKEV2_SUPPORTED (RFC 6023). */
    public static final IkeNotifyType CHILDLESS_IKEV2_SUPPORTED = new IkeNotifyType(16418, "CHILDLESS_IKEV2_SUPPORTED");
    /** Status type QUICK_CRASH_DETECTION (RFC 6290). */
    public static final IkeNotifyType QUICK_CRASH_DETECTION = new IkeNotifyType(16419, "QUICK_CRASH_DETECTION");
    /** Status type IKEV2_MESSAGE_ID_SYNC_SUPPORTED (RFC 6311). */
    public static final IkeNotifyType IKEV2_MESSAGE_ID_SYNC_SUPPORTED = new IkeNotifyType(16420, "IKEV2_MESSAGE_ID_SYNC_SUPPORTED");
    /** Status type IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED (RFC 6311). */
    public static final IkeNotifyType IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED = new IkeNotifyType(16421, "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED");
    /** Status type IKEV2_MESSAGE_ID_SYNC (RFC 6311). */
    public static final IkeNotifyType IKEV2_MESSAGE_ID_SYNC = new IkeNotifyType(16422, "IKEV2_MESSAGE_ID_SYNC");
    /** Status type IPSEC_REPLAY_COUNTER_SYNC (RFC 6311). */
    public static final IkeNotifyType IPSEC_REPLAY_COUNTER_SYNC = new IkeNotifyType(16423, "IPSEC_REPLAY_COUNTER_SYNC");
    /** Status type SECURE_PASSWORD_METHODS (RFC 6467). */
    public static final IkeNotifyType SECURE_PASSWORD_METHODS = new IkeNotifyType(16424, "SECURE_PASSWORD_METHODS");
    /** Status type PSK_PERSIST (RFC 6631). */
    public static final IkeNotifyType PSK_PERSIST = new IkeNotifyType(16425, "PSK_PERSIST");
    /** Status type PSK_CONFIRM (RFC 6631). */
    public static final IkeNotifyType PSK_CONFIRM = new IkeNotifyType(16426, "PSK_CONFIRM");
    /** Status type ERX_SUPPORTED (RFC 6867). */
    public static final IkeNotifyType ERX_SUPPORTED = new IkeNotifyType(16427, "ERX_SUPPORTED");
    /** Status type IFOM_CAPABILITY (3GPP TS 24.303). */
    public static final IkeNotifyType IFOM_CAPABILITY = new IkeNotifyType(16428, "IFOM_CAPABILITY");
    /** Status type SENDER_REQUEST_ID (IANA registry). */
    public static final IkeNotifyType SENDER_REQUEST_ID = new IkeNotifyType(16429, "SENDER_REQUEST_ID");
    /** Status type IKEV2_FRAGMENTATION_SUPPORTED (RFC 7383). */
    public static final IkeNotifyType IKEV2_FRAGMENTATION_SUPPORTED = new IkeNotifyType(16430, "IKEV2_FRAGMENTATION_SUPPORTED");
    /** Status type SIGNATURE_HASH_ALGORITHMS (RFC 7427). */
    public static final IkeNotifyType SIGNATURE_HASH_ALGORITHMS = new IkeNotifyType(16431, "SIGNATURE_HASH_ALGORITHMS");
    /** Status type CLONE_IKE_SA_SUPPORTED (RFC 7791). */
    public static final IkeNotifyType CLONE_IKE_SA_SUPPORTED = new IkeNotifyType(16432, "CLONE_IKE_SA_SUPPORTED");
    /** Status type CLONE_IKE_SA (RFC 7791). */
    public static final IkeNotifyType CLONE_IKE_SA = new IkeNotifyType(16433, "CLONE_IKE_SA");
    /** Status type PUZZLE (RFC 8019). */
    public static final IkeNotifyType PUZZLE = new IkeNotifyType(16434, "PUZZLE");
    /** Status type USE_PPK (RFC 8784). */
    public static final IkeNotifyType USE_PPK = new IkeNotifyType(16435, "USE_PPK");
    /** Status type PPK_IDENTITY (RFC 8784). */
    public static final IkeNotifyType PPK_IDENTITY = new IkeNotifyType(16436, "PPK_IDENTITY");
    /** Status type NO_PPK_AUTH (RFC 8784). */
    public static final IkeNotifyType NO_PPK_AUTH = new IkeNotifyType(16437, "NO_PPK_AUTH");
    /** Status type INTERMEDIATE_EXCHANGE_SUPPORTED (RFC 9242). */
    public static final IkeNotifyType INTERMEDIATE_EXCHANGE_SUPPORTED = new IkeNotifyType(16438, "INTERMEDIATE_EXCHANGE_SUPPORTED");
    /** Status type IP4_ALLOWED (RFC 8983). */
    public static final IkeNotifyType IP4_ALLOWED = new IkeNotifyType(16439, "IP4_ALLOWED");
    /** Status type IP6_ALLOWED (RFC 8983). */
    public static final IkeNotifyType IP6_ALLOWED = new IkeNotifyType(16440, "IP6_ALLOWED");
    /** Status type ADDITIONAL_KEY_EXCHANGE (RFC 9370). */
    public static final IkeNotifyType ADDITIONAL_KEY_EXCHANGE = new IkeNotifyType(16441, "ADDITIONAL_KEY_EXCHANGE");
    /** Status type USE_AGGFRAG (RFC 9347). */
    public static final IkeNotifyType USE_AGGFRAG = new IkeNotifyType(16442, "USE_AGGFRAG");
    /** Status type SUPPORTED_AUTH_METHODS (RFC 9593). */
    public static final IkeNotifyType SUPPORTED_AUTH_METHODS = new IkeNotifyType(16443, "SUPPORTED_AUTH_METHODS");
    /** Status type SA_RESOURCE_INFO (RFC 9611). */
    public static final IkeNotifyType SA_RESOURCE_INFO = new IkeNotifyType(16444, "SA_RESOURCE_INFO");

    private static final List<IkeNotifyType> KNOWN = List.of(
            UNSUPPORTED_CRITICAL_PAYLOAD, INVALID_IKE_SPI, INVALID_MAJOR_VERSION, INVALID_SYNTAX, INVALID_MESSAGE_ID, INVALID_SPI,
            NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD, AUTHENTICATION_FAILED, SINGLE_PAIR_REQUIRED, NO_ADDITIONAL_SAS, INTERNAL_ADDRESS_FAILURE,
            FAILED_CP_REQUIRED, TS_UNACCEPTABLE, INVALID_SELECTORS, UNACCEPTABLE_ADDRESSES, UNEXPECTED_NAT_DETECTED, USE_ASSIGNED_HOA,
            TEMPORARY_FAILURE, CHILD_SA_NOT_FOUND, INVALID_GROUP_ID, AUTHORIZATION_FAILED, STATE_NOT_FOUND, TS_MAX_QUEUE,
            INITIAL_CONTACT, SET_WINDOW_SIZE, ADDITIONAL_TS_POSSIBLE, IPCOMP_SUPPORTED, NAT_DETECTION_SOURCE_IP, NAT_DETECTION_DESTINATION_IP,
            COOKIE, USE_TRANSPORT_MODE, HTTP_CERT_LOOKUP_SUPPORTED, REKEY_SA, ESP_TFC_PADDING_NOT_SUPPORTED, NON_FIRST_FRAGMENTS_ALSO,
            MOBIKE_SUPPORTED, ADDITIONAL_IP4_ADDRESS, ADDITIONAL_IP6_ADDRESS, NO_ADDITIONAL_ADDRESSES, UPDATE_SA_ADDRESSES, COOKIE2,
            NO_NATS_ALLOWED, AUTH_LIFETIME, MULTIPLE_AUTH_SUPPORTED, ANOTHER_AUTH_FOLLOWS, REDIRECT_SUPPORTED, REDIRECT,
            REDIRECTED_FROM, TICKET_LT_OPAQUE, TICKET_REQUEST, TICKET_ACK, TICKET_NACK, TICKET_OPAQUE,
            LINK_ID, USE_WESP_MODE, ROHC_SUPPORTED, EAP_ONLY_AUTHENTICATION, CHILDLESS_IKEV2_SUPPORTED, QUICK_CRASH_DETECTION,
            IKEV2_MESSAGE_ID_SYNC_SUPPORTED, IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED, IKEV2_MESSAGE_ID_SYNC, IPSEC_REPLAY_COUNTER_SYNC, SECURE_PASSWORD_METHODS, PSK_PERSIST,
            PSK_CONFIRM, ERX_SUPPORTED, IFOM_CAPABILITY, SENDER_REQUEST_ID, IKEV2_FRAGMENTATION_SUPPORTED, SIGNATURE_HASH_ALGORITHMS,
            CLONE_IKE_SA_SUPPORTED, CLONE_IKE_SA, PUZZLE, USE_PPK, PPK_IDENTITY, NO_PPK_AUTH,
            INTERMEDIATE_EXCHANGE_SUPPORTED, IP4_ALLOWED, IP6_ALLOWED, ADDITIONAL_KEY_EXCHANGE, USE_AGGFRAG, SUPPORTED_AUTH_METHODS,
            SA_RESOURCE_INFO);
    private static final Map<Integer, IkeNotifyType> BY_CODE = byCode(KNOWN);

    private IkeNotifyType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeNotifyType valueOf(int code) {
        return find(BY_CODE, "notify type", MAX_CODE, code, c -> new IkeNotifyType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeNotifyType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    /** Returns {@code true} for the error types, 0-16383 (RFC 7296 §3.10.1). */
    public boolean isError() {
        return code() < 16384;
    }

    @Override
    public int compareTo(IkeNotifyType other) {
        return Integer.compare(code(), other.code());
    }
}
