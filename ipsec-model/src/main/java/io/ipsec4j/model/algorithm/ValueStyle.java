package io.ipsec4j.model.algorithm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Immutables style for the algorithm registry, a copy of {@code io.ipsec4j.model.ValueStyle} (which is
 * package-private there): generated {@code ImmutableX} classes stay package-private and never appear
 * in the public API; users see {@code X.builder()} and {@code X}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        redactedMask = "****",
        get = {"get*", "is*", "*"},
        defaults = @Value.Immutable(copy = true))
@interface ValueStyle {}
