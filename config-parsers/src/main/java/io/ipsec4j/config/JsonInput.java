package io.ipsec4j.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Strict JSON reading for every JSON format: no comments, no trailing commas, no duplicate keys,
 * bounded nesting, and syntax errors turned into {@link ConfigParseException}s with line and column
 * but without the input's text (a bad token may be a pre-shared key).
 */
public final class JsonInput {
    /** Deepest nesting accepted: the real formats nest at most 8 levels. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^'\\s]{2,}'");
    private static final Pattern COMMENT_HINT = Pattern.compile("(?i)comment|'/'|\\('/'|\\(code 47\\)");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(ConfigText.MAX_INPUT_BYTES)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The same rules, with decimals read exactly (for the tunnel document's durations). */
    private static final ObjectMapper EXACT_MAPPER = MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonInput() {}

    /** The shared strict mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** True when the first non-blank character opens a JSON value. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Parses one strict JSON document. */
    public static JsonNode read(String text, CloudConfigFormat format) throws ConfigParseException {
        return read(MAPPER, text, format);
    }

    /** Parses one strict JSON document, reading fractional numbers as exact decimals. */
    public static JsonNode readExact(String text, CloudConfigFormat format) throws ConfigParseException {
        return read(EXACT_MAPPER, text, format);
    }

    private static JsonNode read(ObjectMapper mapper, String text, CloudConfigFormat format) throws ConfigParseException {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ConfigParseException(format, SourceLocation.unknown(), "empty input", "a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw syntaxError(format, e, 0);
        }
    }

    /**
     * Parses strict JSON and, when the text is a sequence of comma-separated values (the Azure docs
     * variant of §2.1 without the outer array), retries it wrapped in {@code [ ]}. Errors inside the
     * retry are reported at the positions of the original text.
     */
    public static JsonNode readArrayOrSequence(String text, CloudConfigFormat format) throws ConfigParseException {
        try {
            return read(text, format);
        } catch (ConfigParseException strictError) {
            if (!isValueFollowedByComma(text)) {
                throw strictError;
            }
        }
        try {
            return MAPPER.readTree("[" + text + "\n]");
        } catch (JsonProcessingException e) {
            throw syntaxError(format, e, 1);
        }
    }

    /** True when the text starts with one complete JSON value followed by a comma. */
    private static boolean isValueFollowedByComma(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            long end = p.currentLocation().getCharOffset();
            for (long i = end; i < text.length(); i++) {
                char c = text.charAt((int) i);
                if (!Character.isWhitespace(c)) {
                    return c == ',';
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static ConfigParseException syntaxError(CloudConfigFormat format, JsonProcessingException e, int shiftFirstLine) {
        JsonLocation loc = e.getLocation();
        SourceLocation where = SourceLocation.unknown();
        if (loc != null && loc.getLineNr() > 0) {
            int column = Math.max(loc.getColumnNr(), 0);
            if (loc.getLineNr() == 1 && column > shiftFirstLine) {
                column -= shiftFirstLine;
            }
            where = SourceLocation.lineColumn(loc.getLineNr(), column);
        }
        String original = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        // Keep the first line of Jackson's description and drop any quoted input token.
        String description = QUOTED_TOKEN.matcher(original.split("\n", 2)[0]).replaceAll("'…'");
        String expected = "well-formed JSON (RFC 8259): balanced braces and brackets, no trailing commas, quoted strings";
        if (COMMENT_HINT.matcher(original).find()) {
            description = "a comment (// or /* */), which JSON does not allow";
            expected = "strict JSON without comments";
        }
        if (e.getMessage() != null && e.getMessage().contains("Duplicate field")) {
            expected = "each key once per object";
        }
        return new ConfigParseException(format, where, "invalid JSON: " + description, expected);
    }

    /** The token type at the root, for detection. */
    static JsonToken rootToken(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            return p.nextToken();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
