/**
 * Readers and value helpers the format parsers share (strict JSON and XML input, value and
 * algorithm-name reading, placeholder detection). Not exported by the {@code io.ipsec4j.config}
 * module and not part of the API: class-path users must not depend on it either.
 */
package io.ipsec4j.config.internal;
