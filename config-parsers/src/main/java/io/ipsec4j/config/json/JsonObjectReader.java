package io.ipsec4j.config.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.JsonAt;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Field helpers over one JSON object of the tunnel document (Iceberg style): typed getters with
 * uniform messages ({@code missing field "name"}, {@code "replayWindow" is a string (expected: an
 * integer)}) at JSON pointers, and {@link #finish()}, which rejects every field nobody asked for.
 */
final class JsonObjectReader {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.IPSEC4J_TUNNEL_JSON;

    private final JsonNode node;
    private final String pointer;
    private final Set<String> used = new LinkedHashSet<>();

    private JsonObjectReader(JsonNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    /** {@code node}, which must be an object. */
    static JsonObjectReader of(JsonNode node, String pointer) throws ConfigParseException {
        if (!node.isObject()) {
            throw error(pointer, "found " + JsonAt.kind(node), "an object");
        }
        return new JsonObjectReader(node, pointer);
    }

    static ConfigParseException error(String pointer, String problem, String expected) {
        return new ConfigParseException(FORMAT, SourceLocation.jsonPointer(pointer), problem, expected);
    }

    String pointer() {
        return pointer;
    }

    String pointer(String key) {
        return pointer + "/" + JsonAt.escape(key);
    }

    private Optional<JsonNode> get(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private JsonNode required(String key, String kind) throws ConfigParseException {
        return get(key).orElseThrow(() -> error(pointer, "missing field \"" + key + "\"", kind + " field \"" + key + "\""));
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    String string(String key) throws ConfigParseException {
        return text(key, required(key, "a string"));
    }

    Optional<String> optionalString(String key) throws ConfigParseException {
        Optional<JsonNode> v = get(key);
        return v.isPresent() ? Optional.of(text(key, v.get())) : Optional.empty();
    }

    private String text(String key, JsonNode v) throws ConfigParseException {
        if (!v.isTextual()) {
            throw error(pointer(key), "\"" + key + "\" is " + JsonAt.kind(v), "a string");
        }
        return v.asText();
    }

    long integer(String key, long min, long max) throws ConfigParseException {
        return integer(key, required(key, "an integer"), min, max);
    }

    Optional<Long> optionalInteger(String key, long min, long max) throws ConfigParseException {
        Optional<JsonNode> v = get(key);
        return v.isPresent() ? Optional.of(integer(key, v.get(), min, max)) : Optional.empty();
    }

    private long integer(String key, JsonNode v, long min, long max) throws ConfigParseException {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(pointer(key), "\"" + key + "\" is " + JsonAt.kind(v), "an integer");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw error(pointer(key), "\"" + key + "\": " + n, min + ".." + max);
        }
        return n;
    }

    /** A duration written as seconds (a JSON number, fractional allowed). */
    Duration seconds(String key) throws ConfigParseException {
        return seconds(key, required(key, "a number of seconds"));
    }

    Optional<Duration> optionalSeconds(String key) throws ConfigParseException {
        Optional<JsonNode> v = get(key);
        return v.isPresent() ? Optional.of(seconds(key, v.get())) : Optional.empty();
    }

    private Duration seconds(String key, JsonNode v) throws ConfigParseException {
        if (!v.isNumber()) {
            throw error(pointer(key), "\"" + key + "\" is " + JsonAt.kind(v), "a number of seconds");
        }
        BigDecimal s = v.decimalValue();
        if (s.scale() > 9 && s.stripTrailingZeros().scale() > 9 || s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw error(pointer(key), "\"" + key + "\": not a representable duration", "seconds with at most 9 decimals");
        }
        BigDecimal whole = s.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = s.subtract(whole).movePointRight(9).longValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    JsonObjectReader object(String key) throws ConfigParseException {
        return of(required(key, "an object"), pointer(key));
    }

    Optional<JsonObjectReader> optionalObject(String key) throws ConfigParseException {
        Optional<JsonNode> v = get(key);
        return v.isPresent() ? Optional.of(of(v.get(), pointer(key))) : Optional.empty();
    }

    /** A raw member, for values of several shapes (the shared secret). */
    Optional<JsonNode> raw(String key) {
        return get(key);
    }

    /** The elements of an array field (absent means empty), with their pointers. */
    List<Element> array(String key) throws ConfigParseException {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return List.of();
        }
        if (!v.get().isArray()) {
            throw error(pointer(key), "\"" + key + "\" is " + JsonAt.kind(v.get()), "an array");
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < v.get().size(); i++) {
            out.add(new Element(v.get().get(i), pointer(key) + "/" + i));
        }
        return out;
    }

    /** A string field parsed by a model factory; its {@link IllegalArgumentException} becomes a parse error. */
    <T> T value(String key, Function<String, T> parse, String expected) throws ConfigParseException {
        return parsed(pointer(key), string(key), parse, expected);
    }

    <T> Optional<T> optionalValue(String key, Function<String, T> parse, String expected) throws ConfigParseException {
        Optional<String> s = optionalString(key);
        return s.isPresent() ? Optional.of(parsed(pointer(key), s.get(), parse, expected)) : Optional.empty();
    }

    static <T> T parsed(String pointer, String text, Function<String, T> parse, String expected) throws ConfigParseException {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw error(pointer, String.valueOf(e.getMessage()), expected);
        }
    }

    /** Rejects the fields no getter asked for. */
    void finish() throws ConfigParseException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!used.contains(name)) {
                throw error(pointer(name), "unknown field \"" + abbreviate(name) + "\"", "one of " + new TreeSet<>(used));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }

    /** An array element with its pointer. */
    record Element(JsonNode node, String pointer) {
        String text() throws ConfigParseException {
            if (!node.isTextual()) {
                throw error(pointer, "found " + JsonAt.kind(node), "a string");
            }
            return node.asText();
        }
    }
}
