package io.ipsec4j.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict JSON reading for every JSON format: no comments, no trailing commas, no duplicate keys,
 * bounded nesting, and syntax errors turned into {@link ConfigParseException}s with line and column
 * but without the input's text (a bad token may be a pre-shared key).
 */
public final class JsonInput {
    /** Deepest nesting accepted: the real formats nest at most 8 levels. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest number accepted, in characters: ports, ASNs, lifetimes and byte counts are far shorter. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^'\\s]{2,}'");
    /** Jackson's own words in quotes ("token 'null', 'true' or 'false'"): kept, they are not input. */
    private static final Set<String> JSON_KEYWORDS = Set.of("'null'", "'true'", "'false'", "'NaN'");
    private static final Pattern COMMENT_HINT = Pattern.compile("(?i)comment|'/'|\\('/'|\\(code 47\\)|\\(code 35\\)");
    /** Jackson's location suffix inside messages: "[Source: REDACTED (…); line: 1, column: 53]". */
    private static final Pattern SOURCE_SUFFIX = Pattern.compile("\\[Source: [^;\\]]*+; line: (\\d+), column: (\\d+)]");

    /** Never handed out: an embedder reconfiguring a shared mapper would change every parser (global state). */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(ConfigText.MAX_INPUT_BYTES)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The same rules, with decimals read exactly (for the tunnel document's durations). */
    private static final ObjectMapper EXACT_MAPPER = MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonInput() {}

    /** {@code node} as indented JSON with a final newline, the way the writers hand documents out. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // A tree built in memory has nothing a writer can refuse.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the first non-blank character opens a JSON value. Whole lines starting with
     * {@code #} or {@code //} before it are skipped, so that a commented file reaches the JSON
     * parser and gets its "comment" error rather than "unrecognised input".
     */
    public static boolean looksLikeJson(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                int eol = text.indexOf('\n', i);
                if (eol < 0) {
                    return false;
                }
                i = eol + 1;
            } else {
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
        JsonNode node = tree(mapper, text, format, 0);
        if (node == null || node.isMissingNode()) {
            throw new ConfigParseException(format, SourceLocation.unknown(), "empty input", "a JSON document");
        }
        return node;
    }

    /**
     * Reads a tree through a parser we hold, so that errors without a location of their own (the
     * nesting and number-length limits) get the parser's current position.
     */
    private static JsonNode tree(ObjectMapper mapper, String text, CloudConfigFormat format, int shiftFirstLine)
            throws ConfigParseException {
        try (JsonParser p = mapper.createParser(text)) {
            try {
                return mapper.readTree(p);
            } catch (JsonProcessingException e) {
                throw syntaxError(format, e, e.getLocation() != null ? e.getLocation() : p.currentLocation(), shiftFirstLine);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(format, e, e.getLocation(), shiftFirstLine);
        } catch (IOException e) {
            // A String source performs no I/O; only closing could get here.
            throw new ConfigParseException(format, SourceLocation.unknown(), "unreadable JSON", "a JSON document", e);
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
        return tree(MAPPER, "[" + text + "\n]", format, 1);
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
        } catch (IOException e) {
            return false;
        }
    }

    private static ConfigParseException syntaxError(CloudConfigFormat format, JsonProcessingException e, JsonLocation loc,
            int shiftFirstLine) {
        SourceLocation where = SourceLocation.unknown();
        if (loc != null && loc.getLineNr() > 0) {
            int column = Math.max(loc.getColumnNr(), 0);
            if (loc.getLineNr() == 1 && column > shiftFirstLine) {
                column -= shiftFirstLine;
            }
            where = SourceLocation.lineColumn(loc.getLineNr(), column);
        }
        String original = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        String expected = "well-formed JSON (RFC 8259): balanced braces and brackets, no trailing commas, quoted strings";
        String description;
        if (e instanceof StreamConstraintsException) {
            // Jackson names its own configuration methods here; say what the limit means instead.
            if (original.contains("nesting depth")) {
                description = "arrays and objects nested deeper than " + MAX_NESTING_DEPTH + " levels";
                expected = "at most " + MAX_NESTING_DEPTH + " levels of nesting (JsonInput.MAX_NESTING_DEPTH)";
            } else if (original.contains("Number value length")) {
                description = "a number longer than " + MAX_NUMBER_LENGTH + " characters";
                expected = "numbers of at most " + MAX_NUMBER_LENGTH + " characters";
            } else {
                description = "input beyond the reader's limits";
            }
        } else if (COMMENT_HINT.matcher(original).find()) {
            description = "a comment (#, // or /* */), which JSON does not allow";
            expected = "strict JSON without comments";
        } else {
            // Keep the first line of Jackson's description, drop any quoted input token and the
            // "[Source: REDACTED …; line: 1, column: 53]" suffix of nested locations.
            String first = SOURCE_SUFFIX.matcher(original.split("\n", 2)[0]).replaceAll("line $1, column $2");
            description = QUOTED_TOKEN.matcher(first).replaceAll(m -> JSON_KEYWORDS.contains(m.group())
                    ? Matcher.quoteReplacement(m.group()) : "'…'");
            if (e.getMessage() != null && e.getMessage().contains("Duplicate field")) {
                expected = "each key once per object";
            }
        }
        return new ConfigParseException(format, where, "invalid JSON: " + description, expected);
    }
}
