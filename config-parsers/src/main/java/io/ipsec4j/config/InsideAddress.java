package io.ipsec4j.config;

import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IpAddress;
import java.util.Objects;

/**
 * An inside (tunnel interface) address with its prefix length, such as {@code 169.254.97.158/30}:
 * unlike a {@link Cidr} its host bits are set.
 *
 * @param address the interface address
 * @param prefixLength the inside network's prefix length
 */
public record InsideAddress(IpAddress address, int prefixLength) {
    /** Validates the prefix length against the family. */
    public InsideAddress {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > address.family().bits()) {
            throw new IllegalArgumentException("prefix length: " + prefixLength + " (expected: 0.." + address.family().bits() + ")");
        }
    }

    /** Parses {@code address/prefix}; throws {@link IllegalArgumentException} otherwise. */
    public static InsideAddress parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("inside address: expected address/prefix");
        }
        String prefix = t.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("inside address: prefix length is not a number");
        }
        return new InsideAddress(IpAddress.parse(t.substring(0, slash)), Integer.parseInt(prefix));
    }

    /** The inside network, e.g. {@code 169.254.97.156/30}. */
    public Cidr network() {
        return Cidr.containing(address, prefixLength);
    }

    /** {@code 169.254.97.158/30}. */
    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
