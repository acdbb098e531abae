package io.ipsec4j.ike.v1;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The shared shape of the IKEv1 open registries ({@link IkeV1PayloadType}, {@link IkeV1ExchangeType},
 * {@link IkeV1NotifyType}, {@link IkeV1IdType}): a wire number with a name, equal by class and
 * number, printed as {@code NAME(code)}; unknown numbers are kept as {@code UNKNOWN_<code>}.
 */
abstract class IkeV1RegistryValue {
    private final int code;
    private final String name;

    IkeV1RegistryValue(int code, String name) {
        this.code = code;
        this.name = name;
    }

    static <T extends IkeV1RegistryValue> Map<Integer, T> byCode(List<T> known) {
        Map<Integer, T> byCode = new HashMap<>();
        for (T v : known) {
            byCode.put(v.code(), v);
        }
        return byCode;
    }

    /**
     * Returns the registered value for {@code code}, or {@code unknown.apply(code)}.
     *
     * @throws IllegalArgumentException if {@code code} is not in {@code 0..maxCode}
     */
    static <T extends IkeV1RegistryValue> T find(Map<Integer, T> byCode, String what, int maxCode,
            int code, IntFunction<T> unknown) {
        if (code < 0 || code > maxCode) {
            throw new IllegalArgumentException(what + ": " + code + " (expected: 0-" + maxCode + ")");
        }
        T known = byCode.get(code);
        return known != null ? known : unknown.apply(code);
    }

    static String unknownName(int code) {
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
        return o != null && o.getClass() == getClass() && ((IkeV1RegistryValue) o).code == code;
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
