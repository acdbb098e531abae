package io.ipsec4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The text of an input, decoded and normalised once for every parser (CONFIG-FORMATS.md §0, §6.1).
 *
 * <p>A UTF-8 byte order mark is stripped; UTF-16 is decoded from its BOM (or, without one, from the
 * zero bytes of ASCII text); anything else is UTF-8, decoded leniently. A declared XML encoding that
 * contradicts the bytes is ignored (Azure's ASA template declares UTF-16 in a UTF-8 file). CRLF and
 * lone CR become LF. Inputs larger than {@link #MAX_INPUT_BYTES} and binary content are refused.
 */
public final class ConfigText {
    /**
     * The largest input accepted, in bytes: 4 MiB. Real files are 1–15 KiB; a describe-vpn-connections
     * answer for a large account stays far below this, and the bound keeps a hostile upload from
     * costing more than a few megabytes of memory.
     */
    public static final int MAX_INPUT_BYTES = 4 * 1024 * 1024;

    /**
     * The longest line the line-oriented parsers (AWS Generic text, Azure device script) accept, in
     * characters: 4096. Real lines are at most about 200 characters; the bound keeps a crafted line
     * from costing more than linear work and gives a clear error instead.
     */
    public static final int MAX_LINE_CHARS = 4096;

    /** Control characters allowed in text: TAB, LF, CR, FF. */
    private static final String ALLOWED_CONTROLS = "\t\n\r\f";

    private final String text;
    private final String encoding;
    private List<String> lines;

    private ConfigText(String text, String encoding) {
        this.text = text;
        this.encoding = encoding;
    }

    /** Decodes raw bytes (the usual entry point). */
    public static ConfigText decode(byte[] bytes) throws ConfigParseException {
        Objects.requireNonNull(bytes, "bytes");
        checkSize(bytes.length);
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return of(lenient(StandardCharsets.UTF_8, bytes, 3), "UTF-8 with BOM");
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return of(lenient(StandardCharsets.UTF_16LE, bytes, 2), "UTF-16LE with BOM");
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return of(lenient(StandardCharsets.UTF_16BE, bytes, 2), "UTF-16BE with BOM");
        }
        // UTF-16 without a BOM: ASCII text has a zero in every other byte.
        if (n >= 4 && n % 2 == 0) {
            if (bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0) {
                return of(lenient(StandardCharsets.UTF_16LE, bytes, 0), "UTF-16LE");
            }
            if (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0) {
                return of(lenient(StandardCharsets.UTF_16BE, bytes, 0), "UTF-16BE");
            }
        }
        return of(lenient(StandardCharsets.UTF_8, bytes, 0), "UTF-8");
    }

    /** Reads and decodes a file, refusing it before reading when it is larger than the limit. */
    public static ConfigText read(Path path) throws IOException, ConfigParseException {
        Objects.requireNonNull(path, "path");
        checkSize(Files.size(path));
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    /** Reads and decodes a stream, reading at most {@link #MAX_INPUT_BYTES} + 1 bytes. */
    public static ConfigText read(InputStream in) throws IOException, ConfigParseException {
        Objects.requireNonNull(in, "in");
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        checkSize(bytes.length);
        return decode(bytes);
    }

    /** Wraps text that is already decoded (a leading U+FEFF is dropped, line endings normalised). */
    public static ConfigText of(String text) throws ConfigParseException {
        Objects.requireNonNull(text, "text");
        // A char is at most 3 UTF-8 bytes; count exactly only when the rough bound is exceeded.
        if ((long) text.length() * 3 > MAX_INPUT_BYTES) {
            checkSize(text.getBytes(StandardCharsets.UTF_8).length);
        }
        return of(text, "text");
    }

    private static ConfigText of(String decoded, String encoding) throws ConfigParseException {
        String s = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        int line = 1;
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if ((c < 0x20 && ALLOWED_CONTROLS.indexOf(c) < 0) || c == 0x7f) {
                throw new ConfigParseException(CloudConfigFormat.UNKNOWN, SourceLocation.lineColumn(line, column),
                        String.format("binary content: control character U+%04X", (int) c),
                        "a text, XML or JSON configuration file");
            }
        }
        return new ConfigText(s, encoding);
    }

    private static void checkSize(long size) throws ConfigParseException {
        if (size > MAX_INPUT_BYTES) {
            throw new ConfigParseException(CloudConfigFormat.UNKNOWN, SourceLocation.unknown(),
                    "input too large: " + (size > MAX_INPUT_BYTES + 1L ? size + " bytes" : "more than " + MAX_INPUT_BYTES + " bytes"),
                    "at most " + MAX_INPUT_BYTES + " bytes (ConfigText.MAX_INPUT_BYTES)");
        }
    }

    private static String lenient(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("unreachable: REPLACE never throws", e);
        }
    }

    /** The normalised text (LF line endings, no BOM). */
    public String text() {
        return text;
    }

    /** How the bytes were decoded, e.g. {@code UTF-16LE with BOM}. */
    public String encoding() {
        return encoding;
    }

    /** The lines, without their LF; line {@code n} (1-based) is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        if (lines == null) {
            lines = List.copyOf(Arrays.asList(text.split("\n", -1)));
        }
        return lines;
    }

    /**
     * The lines, refused with a {@link ConfigParseException} for {@code format} at the first line
     * longer than {@link #MAX_LINE_CHARS}; for the line-oriented formats (JSON and XML may be one
     * long line).
     */
    public List<String> lines(CloudConfigFormat format) throws ConfigParseException {
        Objects.requireNonNull(format, "format");
        List<String> all = lines();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).length() > MAX_LINE_CHARS) {
                throw new ConfigParseException(format, SourceLocation.line(i + 1),
                        "line of " + all.get(i).length() + " characters",
                        "lines of at most " + MAX_LINE_CHARS + " characters (ConfigText.MAX_LINE_CHARS)");
            }
        }
        return all;
    }

    /** Describes the input without its content. */
    @Override
    public String toString() {
        return "ConfigText[" + text.length() + " chars, " + encoding + "]";
    }
}
