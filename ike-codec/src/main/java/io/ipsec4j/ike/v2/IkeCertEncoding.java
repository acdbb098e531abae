package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 certificate encoding: how the data of a CERT or CERTREQ payload is to be read.
 *
 * <p>X.509 certificates (4) are the common case; CERTREQ payloads with encoding 4 carry
 * concatenated SHA-1 hashes of trusted CA public keys. This is an open registry: {@link
 * #valueOf(int)} returns the constant for a registered number or a new instance named {@code
 * UNKNOWN_<code>} that keeps the number, so that a value this library does not know survives
 * decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.6">RFC 7296 §3.6</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-11">IANA IKEv2 Certificate Encodings</a>
 */
public final class IkeCertEncoding extends IkeRegistryValue implements Comparable<IkeCertEncoding> {

    /** Certificate encodings are one byte on the wire (RFC 7296 §3.6). */
    static final int MAX_CODE = 255;

    /** PKCS #7 wrapped X.509 certificate (RFC 7296 §3.6). */
    public static final IkeCertEncoding PKCS7_X509 = new IkeCertEncoding(1, "PKCS7_X509");
    /** PGP certificate (RFC 7296 §3.6). */
    public static final IkeCertEncoding PGP = new IkeCertEncoding(2, "PGP");
    /** DNS signed key (RFC 7296 §3.6). */
    public static final IkeCertEncoding DNS_SIGNED_KEY = new IkeCertEncoding(3, "DNS_SIGNED_KEY");
    /** X.509 certificate - signature (RFC 7296 §3.6). */
    public static final IkeCertEncoding X509_SIGNATURE = new IkeCertEncoding(4, "X509_SIGNATURE");
    /** Kerberos token (RFC 7296 §3.6). */
    public static final IkeCertEncoding KERBEROS_TOKEN = new IkeCertEncoding(6, "KERBEROS_TOKEN");
    /** Certificate revocation list (RFC 7296 §3.6). */
    public static final IkeCertEncoding CRL = new IkeCertEncoding(7, "CRL");
    /** Authority revocation list (RFC 7296 §3.6). */
    public static final IkeCertEncoding ARL = new IkeCertEncoding(8, "ARL");
    /** SPKI certificate (RFC 7296 §3.6). */
    public static final IkeCertEncoding SPKI = new IkeCertEncoding(9, "SPKI");
    /** X.509 certificate - attribute (RFC 7296 §3.6). */
    public static final IkeCertEncoding X509_ATTRIBUTE = new IkeCertEncoding(10, "X509_ATTRIBUTE");
    /** Raw RSA key, deprecated (RFC 7296 §3.6). */
    public static final IkeCertEncoding RAW_RSA_KEY = new IkeCertEncoding(11, "RAW_RSA_KEY");
    /** Hash and URL of X.509 certificate (RFC 7296 §3.6). */
    public static final IkeCertEncoding HASH_URL_X509_CERT = new IkeCertEncoding(12, "HASH_URL_X509_CERT");
    /** Hash and URL of X.509 bundle (RFC 7296 §3.6). */
    public static final IkeCertEncoding HASH_URL_X509_BUNDLE = new IkeCertEncoding(13, "HASH_URL_X509_BUNDLE");
    /** OCSP content (RFC 4806). */
    public static final IkeCertEncoding OCSP_CONTENT = new IkeCertEncoding(14, "OCSP_CONTENT");
    /** Raw public key (RFC 7670). */
    public static final IkeCertEncoding RAW_PUBLIC_KEY = new IkeCertEncoding(15, "RAW_PUBLIC_KEY");

    private static final List<IkeCertEncoding> KNOWN = List.of(
            PKCS7_X509, PGP, DNS_SIGNED_KEY, X509_SIGNATURE, KERBEROS_TOKEN, CRL,
            ARL, SPKI, X509_ATTRIBUTE, RAW_RSA_KEY, HASH_URL_X509_CERT, HASH_URL_X509_BUNDLE,
            OCSP_CONTENT, RAW_PUBLIC_KEY);
    private static final Map<Integer, IkeCertEncoding> BY_CODE = byCode(KNOWN);

    private IkeCertEncoding(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeCertEncoding valueOf(int code) {
        return find(BY_CODE, "certificate encoding", MAX_CODE, code, c -> new IkeCertEncoding(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeCertEncoding> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeCertEncoding other) {
        return Integer.compare(code(), other.code());
    }
}
