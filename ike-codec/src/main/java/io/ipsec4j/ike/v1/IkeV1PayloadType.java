package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An ISAKMP payload type: the Next Payload field of the header and of every payload.
 *
 * <p>Types 1-13 come from RFC 2408 §3.1, 14 (Attribute, mode config) from the mode-config draft,
 * 20/21 (NAT-D, NAT-OA) from RFC 3947 and 130/131 from its drafts, 132 is the IKE fragment payload
 * of Cisco and strongSwan. An open registry: unknown numbers are kept and re-encode unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3">RFC 3947 §3</a>
 */
public final class IkeV1PayloadType extends IkeRegistryValue {
    static final int MAX_CODE = 255;

    /** None: the last payload of a chain (RFC 2408 §3.1). */
    public static final IkeV1PayloadType NONE = new IkeV1PayloadType(0, "NONE");
    /** Security Association (RFC 2408 §3.4). */
    public static final IkeV1PayloadType SA = new IkeV1PayloadType(1, "SA");
    /** Proposal, only inside an SA payload (RFC 2408 §3.5). */
    public static final IkeV1PayloadType PROPOSAL = new IkeV1PayloadType(2, "PROPOSAL");
    /** Transform, only inside a Proposal (RFC 2408 §3.6). */
    public static final IkeV1PayloadType TRANSFORM = new IkeV1PayloadType(3, "TRANSFORM");
    /** Key Exchange (RFC 2408 §3.7). */
    public static final IkeV1PayloadType KE = new IkeV1PayloadType(4, "KE");
    /** Identification (RFC 2408 §3.8). */
    public static final IkeV1PayloadType ID = new IkeV1PayloadType(5, "ID");
    /** Certificate (RFC 2408 §3.9). */
    public static final IkeV1PayloadType CERT = new IkeV1PayloadType(6, "CERT");
    /** Certificate Request (RFC 2408 §3.10). */
    public static final IkeV1PayloadType CERT_REQUEST = new IkeV1PayloadType(7, "CERT_REQUEST");
    /** Hash (RFC 2408 §3.11). */
    public static final IkeV1PayloadType HASH = new IkeV1PayloadType(8, "HASH");
    /** Signature (RFC 2408 §3.12). */
    public static final IkeV1PayloadType SIGNATURE = new IkeV1PayloadType(9, "SIGNATURE");
    /** Nonce (RFC 2408 §3.13). */
    public static final IkeV1PayloadType NONCE = new IkeV1PayloadType(10, "NONCE");
    /** Notification (RFC 2408 §3.14). */
    public static final IkeV1PayloadType NOTIFICATION = new IkeV1PayloadType(11, "NOTIFICATION");
    /** Delete (RFC 2408 §3.15). */
    public static final IkeV1PayloadType DELETE = new IkeV1PayloadType(12, "DELETE");
    /** Vendor ID (RFC 2408 §3.16). */
    public static final IkeV1PayloadType VENDOR_ID = new IkeV1PayloadType(13, "VENDOR_ID");
    /** Attribute: mode config and XAUTH (draft-dukes-ike-mode-cfg §3.2). */
    public static final IkeV1PayloadType ATTRIBUTE = new IkeV1PayloadType(14, "ATTRIBUTE");
    /** NAT Discovery (RFC 3947 §3.2). */
    public static final IkeV1PayloadType NAT_D = new IkeV1PayloadType(20, "NAT_D");
    /** NAT Original Address (RFC 3947 §5.2). */
    public static final IkeV1PayloadType NAT_OA = new IkeV1PayloadType(21, "NAT_OA");
    /** NAT Discovery of draft-ietf-ipsec-nat-t-ike-02/03. */
    public static final IkeV1PayloadType NAT_D_DRAFT = new IkeV1PayloadType(130, "NAT_D_DRAFT");
    /** NAT Original Address of draft-ietf-ipsec-nat-t-ike-02/03. */
    public static final IkeV1PayloadType NAT_OA_DRAFT = new IkeV1PayloadType(131, "NAT_OA_DRAFT");
    /** IKE fragment (Cisco, strongSwan): a piece of a larger ISAKMP message. */
    public static final IkeV1PayloadType FRAGMENT = new IkeV1PayloadType(132, "FRAGMENT");

    private static final List<IkeV1PayloadType> KNOWN = List.of(NONE, SA, PROPOSAL, TRANSFORM, KE, ID,
            CERT, CERT_REQUEST, HASH, SIGNATURE, NONCE, NOTIFICATION, DELETE, VENDOR_ID, ATTRIBUTE,
            NAT_D, NAT_OA, NAT_D_DRAFT, NAT_OA_DRAFT, FRAGMENT);
    private static final Map<Integer, IkeV1PayloadType> BY_CODE = byCode(KNOWN);

    private IkeV1PayloadType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit one byte
     */
    public static IkeV1PayloadType valueOf(int code) {
        return find(BY_CODE, "payload type", MAX_CODE, code, c -> new IkeV1PayloadType(c, unknownName(c)));
    }

    /** Returns the registered values. */
    public static List<IkeV1PayloadType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }
}
