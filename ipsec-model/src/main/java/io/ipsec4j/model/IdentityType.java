package io.ipsec4j.model;

/**
 * The kinds of IKE identity a tunnel end can present, with their IKEv2 ID Type numbers.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 */
public enum IdentityType {
    /** ID_IPV4_ADDR: a single four-octet IPv4 address. */
    IPV4_ADDR(1),
    /** ID_FQDN: a fully-qualified domain name such as {@code vpn.example.com}. */
    FQDN(2),
    /** ID_RFC822_ADDR: an e-mail-like "user FQDN" such as {@code gw@example.com}. */
    USER_FQDN(3),
    /** ID_IPV6_ADDR: a single sixteen-octet IPv6 address. */
    IPV6_ADDR(5),
    /** ID_DER_ASN1_DN: an X.500 distinguished name, written {@code C=US, O=Example, CN=gw}. */
    DER_ASN1_DN(9),
    /** ID_KEY_ID: opaque octets, written as hexadecimal. */
    KEY_ID(11);

    private final int code;

    IdentityType(int code) {
        this.code = code;
    }

    /** The IKEv2 ID Type value. */
    public int code() {
        return code;
    }
}
