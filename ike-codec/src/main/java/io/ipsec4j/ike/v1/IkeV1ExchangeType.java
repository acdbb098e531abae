package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An ISAKMP exchange type: the Exchange Type field of the header.
 *
 * <p>RFC 2408 §3.1 defines Base, Identity Protection (IKE's main mode), Authentication Only,
 * Aggressive and Informational; RFC 2409 §9 adds Quick Mode (32) and New Group Mode (33); the
 * mode-config draft Transaction (6). An open registry: unknown numbers are kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-9">RFC 2409 §9</a>
 */
public final class IkeV1ExchangeType extends IkeRegistryValue {
    static final int MAX_CODE = 255;

    /** None (RFC 2408 §3.1). */
    public static final IkeV1ExchangeType NONE = new IkeV1ExchangeType(0, "NONE");
    /** Base (RFC 2408 §4.4). */
    public static final IkeV1ExchangeType BASE = new IkeV1ExchangeType(1, "BASE");
    /** Identity Protection: IKE main mode (RFC 2408 §4.5, RFC 2409 §5). */
    public static final IkeV1ExchangeType IDENTITY_PROTECTION = new IkeV1ExchangeType(2, "IDENTITY_PROTECTION");
    /** Authentication Only (RFC 2408 §4.6). */
    public static final IkeV1ExchangeType AUTHENTICATION_ONLY = new IkeV1ExchangeType(3, "AUTHENTICATION_ONLY");
    /** Aggressive (RFC 2408 §4.7, RFC 2409 §5). */
    public static final IkeV1ExchangeType AGGRESSIVE = new IkeV1ExchangeType(4, "AGGRESSIVE");
    /** Informational (RFC 2408 §4.8, RFC 2409 §5.7). */
    public static final IkeV1ExchangeType INFORMATIONAL = new IkeV1ExchangeType(5, "INFORMATIONAL");
    /** Transaction: mode config and XAUTH (draft-dukes-ike-mode-cfg §3.1). */
    public static final IkeV1ExchangeType TRANSACTION = new IkeV1ExchangeType(6, "TRANSACTION");
    /** Quick Mode (RFC 2409 §5.5). */
    public static final IkeV1ExchangeType QUICK_MODE = new IkeV1ExchangeType(32, "QUICK_MODE");
    /** New Group Mode (RFC 2409 §5.6). */
    public static final IkeV1ExchangeType NEW_GROUP_MODE = new IkeV1ExchangeType(33, "NEW_GROUP_MODE");

    private static final List<IkeV1ExchangeType> KNOWN = List.of(NONE, BASE, IDENTITY_PROTECTION,
            AUTHENTICATION_ONLY, AGGRESSIVE, INFORMATIONAL, TRANSACTION, QUICK_MODE, NEW_GROUP_MODE);
    private static final Map<Integer, IkeV1ExchangeType> BY_CODE = byCode(KNOWN);

    private IkeV1ExchangeType(int code, String name) {
        super(code, name);
    }

    /** Returns the constant for {@code code}, or a new instance that keeps the number. */
    public static IkeV1ExchangeType valueOf(int code) {
        return find(BY_CODE, "exchange type", MAX_CODE, code, c -> new IkeV1ExchangeType(c, unknownName(c)));
    }

    /** Returns the registered values. */
    public static List<IkeV1ExchangeType> knownValues() {
        return KNOWN;
    }
}
