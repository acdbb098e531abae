package io.ipsec4j.ike;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The shared shape of the open registries of both IKE versions (IKEv2's payload, notify, exchange
 * and other types in {@code io.ipsec4j.ike.v2}; ISAKMP's in {@code io.ipsec4j.ike.v1}): a wire
 * number with a name, equal by class and number, printed as {@code NAME(code)}.
 *
 * <p>Registries are open: a number nobody registered is kept as {@code UNKNOWN_<code>} and
 * re-encoded unchanged, never rejected or lost.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3">RFC 7296 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3">RFC 2408 §3</a>
 */
public abstract class IkeRegistryValue {
    private final int code;
    private final String name;

    /** Creates the value {@code name(code)}. */
    protected IkeRegistryValue(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** Returns the registered values keyed by their number. */
    protected static <T extends IkeRegistryValue> Map<Integer, T> byCode(List<T> known) {
        Map<Integer, T> byCode = new HashMap<>();
        for (T v : known) {
            byCode.put(v.code(), v);
        }
        return byCode;
    }

    /**
     * Returns the registered value for {@code code}, or {@code unknown.apply(code)}.
     *
     * @param what the registry name used in the exception message
     * @param maxCode the largest number the wire field holds
     * @throws IllegalArgumentException if {@code code} is not in {@code 0..maxCode}
     */
    protected static <T extends IkeRegistryValue> T find(Map<Integer, T> byCode, String what, int maxCode,
            int code, IntFunction<T> unknown) {
        if (code < 0 || code > maxCode) {
            throw new IllegalArgumentException(what + ": " + code + " (expected: 0-" + maxCode + ")");
        }
        T known = byCode.get(code);
        return known != null ? known : unknown.apply(code);
    }

    /** Returns the name of an unregistered number, {@code UNKNOWN_<code>}. */
    protected static String unknownName(int code) {
        return "UNKNOWN_" + code;
    }

    /** Returns the number sent on the wire. */
    public int code() {
        return code;
    }

    /** Returns the registry name, or {@code UNKNOWN_<code>}. */
    public String name() {
        return name;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((IkeRegistryValue) o).code == code;
    }

    @Override
    public final int hashCode() {
        return code;
    }

    /** Returns {@code NAME(code)}. */
    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
