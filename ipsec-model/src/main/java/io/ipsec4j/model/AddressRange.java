package io.ipsec4j.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An inclusive range of addresses of one family, as IKEv2 traffic selectors carry them.
 *
 * <p>A TS payload holds a start and an end address (RFC 7296 §3.13.1), so a selector that is not
 * a CIDR block, such as {@code 192.0.2.100-192.0.3.101}, is representable; {@link #asCidr()}
 * recovers the CIDR form when there is one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.13.1">RFC 7296 §3.13.1</a>
 */
public final class AddressRange implements Comparable<AddressRange> {
    private final IpAddress start;
    private final IpAddress end;

    private AddressRange(IpAddress start, IpAddress end) {
        this.start = start;
        this.end = end;
    }

    /** The range {@code start..end}, both included; same family, start ≤ end. */
    public static AddressRange of(IpAddress start, IpAddress end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.family() != end.family()) {
            throw new IllegalArgumentException(
                    "address range " + start + "-" + end + ": mixes " + start.family() + " and " + end.family());
        }
        if (start.compareTo(end) > 0) {
            throw new IllegalArgumentException("address range " + start + "-" + end + ": start is after end");
        }
        return new AddressRange(start, end);
    }

    /** The addresses of {@code cidr}. */
    public static AddressRange of(Cidr cidr) {
        return new AddressRange(cidr.first(), cidr.last());
    }

    /** Parses {@code a.b.c.d/n}, a single address, or {@code start-end}. */
    public static AddressRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        if (dash < 0) {
            return of(Cidr.parse(trimmed));
        }
        return of(IpAddress.parse(trimmed.substring(0, dash).trim()), IpAddress.parse(trimmed.substring(dash + 1).trim()));
    }

    public IpAddress start() {
        return start;
    }

    public IpAddress end() {
        return end;
    }

    public IpFamily family() {
        return start.family();
    }

    /** The CIDR block with exactly these addresses, if there is one. */
    public Optional<Cidr> asCidr() {
        BigInteger count = end.toBigInteger().subtract(start.toBigInteger()).add(BigInteger.ONE);
        if (count.bitCount() != 1) {
            return Optional.empty();
        }
        int hostBits = count.bitLength() - 1;
        int prefix = family().bits() - hostBits;
        Cidr candidate = Cidr.containing(start, prefix);
        return candidate.first().equals(start) ? Optional.of(candidate) : Optional.empty();
    }

    /** True for the whole address space of the family. */
    public boolean isAll() {
        return asCidr().map(Cidr::isDefaultRoute).orElse(false);
    }

    public boolean contains(AddressRange other) {
        return other.family() == family() && start.compareTo(other.start) <= 0 && end.compareTo(other.end) >= 0;
    }

    public boolean overlaps(AddressRange other) {
        return other.family() == family() && start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof AddressRange
                        && start.equals(((AddressRange) other).start)
                        && end.equals(((AddressRange) other).end));
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + end.hashCode();
    }

    @Override
    public int compareTo(AddressRange other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    /** CIDR form when the range is a block, else {@code start-end}. */
    @Override
    public String toString() {
        return asCidr().map(Cidr::toString).orElseGet(() -> start + "-" + end);
    }
}
