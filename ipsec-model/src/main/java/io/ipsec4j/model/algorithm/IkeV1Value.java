package io.ipsec4j.model.algorithm;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The shared shape of the IKEv1 open registries ({@link IkeV1AuthMethod}, {@link IkeV1LifeType},
 * {@link IkeV1EncapsulationMode}): an attribute value with a name, equal by class and value,
 * printed as {@code NAME(value)}; unknown values are kept as {@code UNKNOWN_<value>}.
 */
abstract class IkeV1Value {
    private final int value;
    private final String name;

    IkeV1Value(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The registered constant for {@code value}, or {@code unknown.apply(value)}. */
    static <T extends IkeV1Value> T find(List<T> known, int value, IntFunction<T> unknown) {
        IkeV1Attributes.checkAttributeValue(value);
        for (T t : known) {
            if (t.value() == value) {
                return t;
            }
        }
        return unknown.apply(value);
    }

    /** Returns the attribute value. */
    public int value() {
        return value;
    }

    /** Returns the constant name or {@code UNKNOWN_<value>}. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((IkeV1Value) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Returns {@code NAME(value)}, for example {@code PRE_SHARED_KEY(1)}. */
    @Override
    public String toString() {
        return name + "(" + value + ")";
    }
}
