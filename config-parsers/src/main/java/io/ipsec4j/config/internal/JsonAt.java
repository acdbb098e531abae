package io.ipsec4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON node with its JSON pointer: field helpers that look keys up case-insensitively (Azure
 * files mix PascalCase and camelCase, §2.1) and fail with uniform, value-free messages such as
 * {@code JSON pointer /vpnSiteConnections/0: missing object "gatewayConfiguration"}.
 *
 * @param node the node
 * @param pointer its RFC 6901 pointer ({@code ""} for the root)
 * @param format the format being read, for errors
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6901">RFC 6901</a>
 */
public record JsonAt(JsonNode node, String pointer, CloudConfigFormat format) {
    /** Validates the components. */
    public JsonAt {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(format, "format");
    }

    /** The document root. */
    public static JsonAt root(JsonNode node, CloudConfigFormat format) {
        return new JsonAt(node, "", format);
    }

    /** Escapes one reference token (RFC 6901 §3). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** This node's location. */
    public SourceLocation location() {
        return SourceLocation.jsonPointer(pointer);
    }

    /** An error at this node. */
    public ConfigParseException error(String problem, String expected) {
        return new ConfigParseException(format, location(), problem, expected);
    }

    /** The member named {@code key}: the exact spelling first, then ignoring case. */
    public Optional<JsonAt> get(String key) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = node.get(key);
        if (exact != null) {
            return Optional.of(new JsonAt(exact, pointer + "/" + escape(key), format));
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(new JsonAt(node.get(name), pointer + "/" + escape(name), format));
            }
        }
        return Optional.empty();
    }

    /** True when the member exists (in any case) and is not {@code null}. */
    public boolean has(String key) {
        return get(key).filter(j -> !j.node.isNull()).isPresent();
    }

    /** The member {@code key}, which must be an object. */
    public JsonAt object(String key) throws ConfigParseException {
        return optionalObject(key).orElseThrow(() -> error("missing object \"" + key + "\"", "an object member \"" + key + "\""));
    }

    /** The member {@code key} if present and not null; it must then be an object. */
    public Optional<JsonAt> optionalObject(String key) throws ConfigParseException {
        Optional<JsonAt> member = get(key).filter(j -> !j.node.isNull());
        if (member.isPresent() && !member.get().node.isObject()) {
            throw member.get().error("\"" + key + "\" is " + kind(member.get().node), "an object");
        }
        return member;
    }

    /** The elements of the member {@code key} (empty when absent); it must be an array. */
    public List<JsonAt> array(String key) throws ConfigParseException {
        Optional<JsonAt> member = get(key).filter(j -> !j.node.isNull());
        if (member.isEmpty()) {
            return List.of();
        }
        return member.get().elements();
    }

    /** The elements of this node, which must be an array. */
    public List<JsonAt> elements() throws ConfigParseException {
        if (!node.isArray()) {
            throw error("found " + kind(node), "an array");
        }
        List<JsonAt> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonAt(node.get(i), pointer + "/" + i, format));
        }
        return out;
    }

    /** The string member {@code key}; numbers and booleans are accepted as their text. */
    public String text(String key) throws ConfigParseException {
        return optionalText(key).orElseThrow(() -> error("missing string \"" + key + "\"", "a string member \"" + key + "\""));
    }

    /** The string member {@code key} if present and not null. */
    public Optional<String> optionalText(String key) throws ConfigParseException {
        Optional<JsonAt> member = get(key).filter(j -> !j.node.isNull());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = member.get().node;
        if (!v.isValueNode()) {
            throw member.get().error("\"" + key + "\" is " + kind(v), "a string");
        }
        return Optional.of(v.asText());
    }

    /** This node as text (a string, number or boolean). */
    public String asText() throws ConfigParseException {
        if (!node.isValueNode() || node.isNull()) {
            throw error("found " + kind(node), "a string");
        }
        return node.asText();
    }

    /** The integer member {@code key} (a JSON integer or a decimal string) if present. */
    public OptionalLong optionalLong(String key) throws ConfigParseException {
        Optional<JsonAt> member = get(key).filter(j -> !j.node.isNull());
        if (member.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(member.get().asLong());
    }

    /** This node as an integer (a JSON integer or a decimal string of up to 18 digits). */
    public long asLong() throws ConfigParseException {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.asText().trim().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(node.asText().trim());
        }
        throw error("found " + kind(node), "an integer");
    }

    /** The boolean member {@code key} (JSON boolean or "true"/"false" in any case) if present. */
    public Optional<Boolean> optionalBoolean(String key) throws ConfigParseException {
        Optional<JsonAt> member = get(key).filter(j -> !j.node.isNull());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = member.get().node;
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(v.asText().toLowerCase(Locale.ROOT)));
        }
        throw member.get().error("\"" + key + "\" is " + kind(v), "true or false");
    }

    /** "an object", "a string", … for messages (never the value itself). */
    public static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        } else if (n.isArray()) {
            return "an array";
        } else if (n.isTextual()) {
            return "a string";
        } else if (n.isNumber()) {
            return "a number";
        } else if (n.isBoolean()) {
            return "a boolean";
        } else if (n.isNull()) {
            return "null";
        }
        return "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
