package io.ipsec4j.model;

/**
 * A BGP autonomous system number usable by a peer: 1..4294967294, not 23456.
 *
 * <p>0 and 4294967295 are reserved (RFC 7607, RFC 7300) and 23456 is AS_TRANS, the placeholder
 * 2-byte speakers see for 4-byte ASNs (RFC 6793): none of them can be configured on a session.
 *
 * @param value the number
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6996">RFC 6996</a> (private-use ranges)
 */
public record Asn(long value) implements Comparable<Asn> {
    /** AS_TRANS (RFC 6793). */
    public static final long AS_TRANS = 23456L;
    /** Largest usable ASN. */
    public static final long MAX = 4294967294L;

    /** Validates the number. */
    public Asn {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("ASN: " + value + " (expected: 1..4294967294)");
        }
        if (value == AS_TRANS) {
            throw new IllegalArgumentException("ASN: 23456 is AS_TRANS (RFC 6793) and cannot be a peer's ASN");
        }
    }

    public static Asn of(long value) {
        return new Asn(value);
    }

    /** Parses a decimal ASN, optionally prefixed with {@code AS}. */
    public static Asn parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "AS", 0, 2)) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("ASN \"" + text + "\": not a number");
        }
        return new Asn(Long.parseLong(t));
    }

    /** True for the private-use ranges of RFC 6996: 64512–65534 and 4200000000–4294967294. */
    public boolean isPrivate() {
        return (value >= 64512 && value <= 65534) || value >= 4200000000L;
    }

    /** True when the number does not fit in two bytes. */
    public boolean isFourByte() {
        return value > 65535;
    }

    @Override
    public int compareTo(Asn other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
