package io.ipsec4j.ike;

import static io.ipsec4j.ike.IkeDistinguishedNames.EMAIL;
import static io.ipsec4j.ike.IkeDistinguishedNames.HEX;
import static io.ipsec4j.ike.IkeDistinguishedNames.IA5_STRING;
import static io.ipsec4j.ike.IkeDistinguishedNames.MAX_ATTRIBUTES;
import static io.ipsec4j.ike.IkeDistinguishedNames.MAX_OID_BYTES;
import static io.ipsec4j.ike.IkeDistinguishedNames.MAX_TEXT_LENGTH;
import static io.ipsec4j.ike.IkeDistinguishedNames.NAMES;
import static io.ipsec4j.ike.IkeDistinguishedNames.OID;
import static io.ipsec4j.ike.IkeDistinguishedNames.PRINTABLE;
import static io.ipsec4j.ike.IkeDistinguishedNames.PRINTABLE_STRING;
import static io.ipsec4j.ike.IkeDistinguishedNames.SEQUENCE;
import static io.ipsec4j.ike.IkeDistinguishedNames.SET;
import static io.ipsec4j.ike.IkeDistinguishedNames.UTF8_STRING;
import static io.ipsec4j.ike.IkeDistinguishedNames.abbreviate;
import static io.ipsec4j.ike.IkeDistinguishedNames.element;

import io.ipsec4j.model.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The text-to-DER half of {@link IkeDistinguishedNames}: RFC 4514 text with strongSwan's string types. */
final class IkeDistinguishedNameEncoder {
    private static final Map<String, String> OIDS = Map.of("c", "2.5.4.6", "st", "2.5.4.8", "l", "2.5.4.7",
            "o", "2.5.4.10", "ou", "2.5.4.11", "cn", "2.5.4.3", "e", EMAIL, "email", EMAIL, "emailaddress", EMAIL,
            "serialnumber", "2.5.4.5");
    private static final Map<String, String> MORE_OIDS = Map.of("dc", "0.9.2342.19200300.100.1.25",
            "uid", "0.9.2342.19200300.100.1.1");

    private IkeDistinguishedNameEncoder() {}

    /** See {@link IkeDistinguishedNames#encode(String)}. */
    static Bytes encode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("DN text: " + text.length() + " characters (expected: <= "
                    + MAX_TEXT_LENGTH + ")");
        }
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        int attributes = 0;
        for (String rdnText : split(text, ',')) {
            ByteArrayOutputStream rdn = new ByteArrayOutputStream();
            for (String ava : split(rdnText, '+')) {
                if (++attributes > MAX_ATTRIBUTES) {
                    throw new IllegalArgumentException("DN attributes: > " + MAX_ATTRIBUTES);
                }
                int eq = ava.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("DN attribute \"" + abbreviate(ava) + "\": expected type=value");
                }
                String oid = oidOf(ava.substring(0, eq).trim());
                ByteArrayOutputStream tv = new ByteArrayOutputStream();
                tv.writeBytes(tlv(OID, encodeOid(oid)));
                tv.writeBytes(value(oid, ava.substring(eq + 1)));
                rdn.writeBytes(tlv(SEQUENCE, tv.toByteArray()));
            }
            name.writeBytes(tlv(SET, rdn.toByteArray()));
        }
        return Bytes.of(tlv(SEQUENCE, name.toByteArray()));
    }

    /**
     * Splits at unescaped {@code sep}; a {@code +} separates AVAs only when a type and {@code =} follow
     * it, so strongSwan's unescaped {@code OU=a+b} stays one value.
     */
    private static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == sep && (sep == ',' || startsAva(s, i + 1))) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static boolean startsAva(String s, int from) {
        int eq = s.indexOf('=', from);
        return eq > from && isType(s.substring(from, eq).trim());
    }

    private static boolean isType(String t) {
        String k = t.toLowerCase(Locale.ROOT);
        return OIDS.containsKey(k) || MORE_OIDS.containsKey(k) || t.matches("[0-9]{1,17}(\\.[0-9]{1,17})+");
    }

    private static String oidOf(String type) {
        String k = type.toLowerCase(Locale.ROOT);
        String oid = OIDS.containsKey(k) ? OIDS.get(k) : MORE_OIDS.get(k);
        if (oid != null) {
            return oid;
        }
        if (!isType(type)) {
            throw new IllegalArgumentException("DN attribute type \"" + abbreviate(type)
                    + "\": expected C, ST, L, O, OU, CN, E, serialNumber, DC, UID or a dotted OID");
        }
        return type;
    }

    private static byte[] encodeOid(String oid) {
        String[] arcs = oid.split("\\.");
        long top = Long.parseLong(arcs[0]);
        long second = Long.parseLong(arcs[1]);
        if (top > 2 || (top < 2 && second >= 40)) {
            throw new IllegalArgumentException("OID " + oid + ": expected 0.0-39, 1.0-39 or 2.x");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i < arcs.length; i++) {
            long arc = i == 1 ? top * 40 + second : Long.parseLong(arcs[i]);
            if (arc >= 1L << 56) {
                throw new IllegalArgumentException("OID " + oid + ": arc too large (expected: < 2^56)");
            }
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) (arc >>> 7 * g & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        byte[] content = out.toByteArray();
        if (content.length > MAX_OID_BYTES) {
            throw new IllegalArgumentException("OID " + abbreviate(oid) + ": longer than " + MAX_OID_BYTES + " bytes");
        }
        return content;
    }

    /** Returns the DER value element of {@code raw} text for the attribute {@code oid}. */
    private static byte[] value(String oid, String raw) {
        String v = raw.strip();
        if (v.startsWith("#")) {
            byte[] element;
            try {
                element = HEX.parseHex(v.substring(1));
                int[] e = element(element, 0, element.length, -1, "value");
                if (e[1] != element.length) {
                    throw new IllegalArgumentException("DN value #hex: bytes after the element");
                }
            } catch (IkeMalformedNameException e) {
                throw new IllegalArgumentException("DN value #hex: " + e.getMessage(), e);
            }
            return element;
        }
        if (!NAMES.containsKey(oid)) {
            throw new IllegalArgumentException("DN attribute " + oid + ": a dotted OID takes a #hex value (RFC 4514)");
        }
        String s = unescape(raw);
        int tag = EMAIL.equals(oid) && s.chars().allMatch(c -> c < 0x80) ? IA5_STRING
                : s.chars().allMatch(c -> PRINTABLE.indexOf(c) >= 0) ? PRINTABLE_STRING : UTF8_STRING;
        return tlv(tag, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Resolves RFC 4514 escapes and drops unescaped edge whitespace; the result must be valid UTF-8. */
    private static String unescape(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int keep = 0;
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '\\') {
                if (isHexPair(raw, i + 1)) {
                    out.write(HEX.fromHexDigits(raw, i + 1, i + 3));
                    i += 3;
                } else if (i + 1 < raw.length() && ",+\"\\<>;=# ".indexOf(raw.charAt(i + 1)) >= 0) {
                    out.write(raw.charAt(i + 1));
                    i += 2;
                } else {
                    throw new IllegalArgumentException("DN value: bad escape at " + i
                            + " (expected: \\hh or \\ and one of ,+\"\\<>;=# )");
                }
                keep = out.size();
            } else if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                throw new IllegalArgumentException("DN value: unpaired surrogate at " + i);
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                if (!Character.isWhitespace(c)) {
                    keep = out.size();
                }
                i += Character.charCount(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray(), 0, keep)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("DN value: escaped bytes are not UTF-8", e);
        }
    }

    private static boolean isHexPair(String s, int at) {
        return at + 2 <= s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }

    private static byte[] tlv(int tag, byte[] content) {
        int n = content.length;
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("DN element: " + n + " bytes (expected: <= 65535)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 4);
        out.write(tag);
        if (n >= 0x100) {
            out.write(0x82);
            out.write(n >>> 8);
        } else if (n >= 0x80) {
            out.write(0x81);
        }
        out.write(n & 0xFF);
        out.writeBytes(content);
        return out.toByteArray();
    }

}
