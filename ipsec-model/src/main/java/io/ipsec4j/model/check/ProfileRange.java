package io.ipsec4j.model.check;

import java.util.List;
import java.util.StringJoiner;

/**
 * An inclusive range of whole numbers that a vendor accepts, such as {@code 900..28800} seconds or
 * the ASN block {@code 64512..65534}; a single value when {@code min == max}.
 *
 * @param min the smallest accepted value
 * @param max the largest accepted value ({@link Long#MAX_VALUE} for "no upper bound")
 */
record ProfileRange(long min, long max) {
    ProfileRange {
        if (min > max) {
            throw new IllegalArgumentException("range: " + min + ".." + max + " (expected: min <= max)");
        }
    }

    static ProfileRange of(long min, long max) {
        return new ProfileRange(min, max);
    }

    static ProfileRange atLeast(long min) {
        return new ProfileRange(min, Long.MAX_VALUE);
    }

    static ProfileRange single(long value) {
        return new ProfileRange(value, value);
    }

    boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** True when any range of {@code ranges} contains {@code value}. */
    static boolean anyContains(List<ProfileRange> ranges, long value) {
        return ranges.stream().anyMatch(r -> r.contains(value));
    }

    /** The ranges joined by {@code ", "}: {@code 1..23455, 23457..64495}. */
    static String format(List<ProfileRange> ranges) {
        StringJoiner j = new StringJoiner(", ");
        ranges.forEach(r -> j.add(r.toString()));
        return j.toString();
    }

    /** Words for a message: {@code between 900 and 3600 s}, {@code of at least 30 s}, {@code of exactly 5 s}. */
    String describe(String unit) {
        if (min == max) {
            return "of exactly " + min + " " + unit;
        }
        return max == Long.MAX_VALUE ? "of at least " + min + " " + unit
                : "between " + min + " and " + max + " " + unit;
    }

    /** {@code 900..3600}, {@code >= 30} or {@code 65515}. */
    @Override
    public String toString() {
        if (min == max) {
            return Long.toString(min);
        }
        return max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
    }
}
