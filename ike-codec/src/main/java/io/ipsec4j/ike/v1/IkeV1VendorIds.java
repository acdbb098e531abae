package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Vendor IDs IKEv1 peers really send, by name.
 *
 * <p>Most are the MD5 hash of a string: RFC 3947 NAT-T ("RFC 3947") and its drafts, fragmentation
 * ("FRAGMENTATION", optionally followed by flags), strongSwan; DPD (RFC 3706) and Cisco Unity are
 * fixed values; XAUTH is the first 8 bytes of the MD5 of the draft's file name; Microsoft's is the
 * MD5 of "MS NT5 ISAKMPOAKLEY" followed by a 4-byte version. A value not listed here is still kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3.1">RFC 3947 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3706#section-5">RFC 3706 §5</a>
 */
public final class IkeV1VendorIds {
    /** NAT traversal, RFC 3947. */
    public static final Bytes NAT_T_RFC3947 = Bytes.fromHex("4a131c81070358455c5728f20e95452f");
    /** NAT traversal, draft-ietf-ipsec-nat-t-ike-02 with a trailing newline. */
    public static final Bytes NAT_T_DRAFT_02_N = Bytes.fromHex("90cb80913ebb696e086381b5ec427b1f");
    /** NAT traversal, draft-ietf-ipsec-nat-t-ike-02. */
    public static final Bytes NAT_T_DRAFT_02 = Bytes.fromHex("cd60464335df21f87cfdb2fc68b6a448");
    /** NAT traversal, draft-ietf-ipsec-nat-t-ike-03. */
    public static final Bytes NAT_T_DRAFT_03 = Bytes.fromHex("7d9419a65310ca6f2c179d9215529d56");
    /** Dead peer detection, RFC 3706 §5. */
    public static final Bytes DPD = Bytes.fromHex("afcad71368a1f1c96b8696fc77570100");
    /** XAUTH (draft-ietf-ipsra-isakmp-xauth-06). */
    public static final Bytes XAUTH = Bytes.fromHex("09002689dfd6b712");
    /** Cisco Unity, version 1.0. */
    public static final Bytes CISCO_UNITY = Bytes.fromHex("12f5f28c457168a9702d9fe274cc0100");
    /** IKE fragmentation (Cisco, strongSwan); peers may append four flag bytes. */
    public static final Bytes FRAGMENTATION = Bytes.fromHex("4048b7d56ebce88525e7de7f00d6c2d3");
    /** strongSwan. */
    public static final Bytes STRONGSWAN = Bytes.fromHex("882fe56d6fd20dbc2251613b2ebe5beb");
    /** Microsoft Windows ("MS NT5 ISAKMPOAKLEY"), followed by a 4-byte version. */
    public static final Bytes MICROSOFT = Bytes.fromHex("1e2b516905991c7d7c96fcbfb587e461");

    private record Known(String name, Bytes value, boolean prefix) {}

    private static final List<Known> KNOWN = List.of(
            new Known("RFC 3947 NAT-T", NAT_T_RFC3947, false),
            new Known("draft-ietf-ipsec-nat-t-ike-02\\n", NAT_T_DRAFT_02_N, false),
            new Known("draft-ietf-ipsec-nat-t-ike-02", NAT_T_DRAFT_02, false),
            new Known("draft-ietf-ipsec-nat-t-ike-03", NAT_T_DRAFT_03, false),
            new Known("Dead Peer Detection", DPD, false),
            new Known("XAUTH", XAUTH, false),
            new Known("Cisco Unity", CISCO_UNITY, false),
            new Known("FRAGMENTATION", FRAGMENTATION, true),
            new Known("strongSwan", STRONGSWAN, true),
            new Known("Microsoft", MICROSOFT, true));

    private IkeV1VendorIds() {}

    /** Returns the name of a known Vendor ID (exact, or by prefix for the versioned ones). */
    public static Optional<String> name(Bytes vendorId) {
        Objects.requireNonNull(vendorId, "vendorId");
        for (Known k : KNOWN) {
            if (vendorId.equals(k.value) || k.prefix && vendorId.length() > k.value.length()
                    && vendorId.slice(0, k.value.length()).equals(k.value)) {
                return Optional.of(k.name);
            }
        }
        return Optional.empty();
    }

    /** Returns the name of the Vendor ID payload's value, if known. */
    public static Optional<String> name(IkeV1VendorIdPayload payload) {
        return name(payload.vendorId());
    }
}
