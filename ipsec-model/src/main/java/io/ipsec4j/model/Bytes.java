package io.ipsec4j.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string with value equality.
 *
 * <p>{@code byte[]} compares by reference and can be changed by whoever holds it; wire values
 * such as SPIs, nonces or KEYMAT slices are held in this type instead. Every accessor copies.
 */
public final class Bytes implements Comparable<Bytes> {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}. */
    public static Bytes of(byte... data) {
        Objects.requireNonNull(data, "data");
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Copies {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(offset, length, data.length);
        return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Parses hexadecimal digits (upper or lower case, no separators). */
    public static Bytes fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return of(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "hex: not an even number of hexadecimal digits (length " + hex.length() + ")", e);
        }
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[Objects.checkIndex(index, data.length)];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** Copies the bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    public Bytes slice(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        return new Bytes(Arrays.copyOfRange(data, from, to));
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Bytes && Arrays.equals(data, ((Bytes) other).data));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
