package io.ipsec4j.ike;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * DER-encoded X.501 distinguished names (the data of an ID_DER_ASN1_DN identity, IKEv1 type 9 and
 * IKEv2 type 9) both ways with the text form strongSwan writes: {@code C=CH, O=strongSwan, CN=moon}.
 *
 * <p>RDNs are written in DER order (strongSwan's, not RFC 4514's reversed order), separated by
 * {@code ", "}; the AVAs of a multi-valued RDN are joined with {@code +}. C, ST, L, O, OU, CN, E
 * (emailAddress; {@code Email} and {@code emailAddress} are read too), serialNumber, DC and UID have
 * keywords; any other attribute is its dotted OID with the value as {@code #} and the hexadecimal DER
 * element ({@code 1.2.3.4=#0c0141}, RFC 4514 §2.4), as is a value that is not a PrintableString,
 * IA5String or UTF8String text. Special characters are escaped as RFC 4514 allows; {@code ,},
 * {@code =} and edge spaces as hex pairs ({@code \2C}, {@code \3D}, {@code \20}) so that the model's
 * {@link Identity#distinguishedName} spacing normalisation leaves the text unchanged.
 *
 * <p>Text is encoded with strongSwan's string types: PrintableString where the value allows,
 * IA5String for E, UTF8String otherwise. Decoding then encoding is byte for byte for such names (all
 * that strongSwan's {@code pki} makes); a name with other string types (OpenSSL's UTF8String
 * everywhere) gives the same text and re-encodes with those types, the same name to strongSwan,
 * which compares the values of RDNs, not their string types. Text to DER to text is the identity.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4">RFC 5280 §4.1.2.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4514#section-2">RFC 4514 §2</a>
 */
public final class IkeDistinguishedNames {
    /** Largest accepted DER name: 2048 bytes (an ID payload DN is typically under 300). */
    public static final int MAX_DER_BYTES = 2048;
    /** Largest number of attributes (AVAs) in one name: 64. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Longest accepted name text: 8192 characters (hex values double the DER size). */
    public static final int MAX_TEXT_LENGTH = 8192;
    /** Longest OID content: 64 bytes. */
    static final int MAX_OID_BYTES = 64;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;
    static final int PRINTABLE_STRING = 0x13;
    static final int IA5_STRING = 0x16;
    static final String EMAIL = "1.2.840.113549.1.9.1";
    static final String PRINTABLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";
    static final HexFormat HEX = HexFormat.of();
    static final Map<String, String> NAMES = Map.of("2.5.4.6", "C", "2.5.4.8", "ST", "2.5.4.7", "L",
            "2.5.4.10", "O", "2.5.4.11", "OU", "2.5.4.3", "CN", EMAIL, "E", "2.5.4.5", "serialNumber",
            "0.9.2342.19200300.100.1.25", "DC", "0.9.2342.19200300.100.1.1", "UID");
    private IkeDistinguishedNames() {}

    /** Returns the text of a DER Name; throws the typed exception for anything else. */
    public static String decode(Bytes der) throws IkeMalformedNameException {
        Objects.requireNonNull(der, "der");
        if (der.length() > MAX_DER_BYTES) {
            throw new IkeMalformedNameException("DN length: " + der.length() + " (expected: <= " + MAX_DER_BYTES + ")");
        }
        byte[] d = der.toByteArray();
        int[] name = element(d, 0, d.length, SEQUENCE, "Name");
        if (name[1] != d.length) {
            throw new IkeMalformedNameException("DN: " + (d.length - name[1]) + " bytes after the Name");
        }
        StringBuilder text = new StringBuilder();
        int attributes = 0;
        for (int at = name[0]; at < name[1];) {
            int[] rdn = element(d, at, name[1], SET, "RDN");
            if (rdn[0] == rdn[1]) {
                throw new IkeMalformedNameException("RDN at " + at + ": empty (expected: >= 1 attribute)");
            }
            text.append(text.length() == 0 ? "" : ", ");
            for (int a = rdn[0]; a < rdn[1];) {
                if (++attributes > MAX_ATTRIBUTES) {
                    throw new IkeMalformedNameException("DN attributes: > " + MAX_ATTRIBUTES);
                }
                int[] ava = element(d, a, rdn[1], SEQUENCE, "AttributeTypeAndValue");
                int[] oid = element(d, ava[0], ava[1], OID, "attribute type");
                int[] value = element(d, oid[1], ava[1], -1, "attribute value");
                if (value[1] != ava[1]) {
                    throw new IkeMalformedNameException("AttributeTypeAndValue at " + a + ": bytes after the value");
                }
                text.append(a == rdn[0] ? "" : "+");
                appendAva(text, oidText(d, oid[0], oid[1]), d, value);
                a = ava[1];
            }
            at = rdn[1];
        }
        if (attributes == 0) {
            throw new IkeMalformedNameException("DN: no attributes (expected: >= 1)");
        }
        return text.toString();
    }

    /** Returns the model identity of a DER Name. */
    public static Identity toIdentity(Bytes der) throws IkeMalformedNameException {
        String text = decode(der);
        if (text.length() > Identity.MAX_LENGTH) {
            throw new IkeMalformedNameException("DN text: " + text.length() + " characters (expected: <= "
                    + Identity.MAX_LENGTH + ")");
        }
        return Identity.distinguishedName(text);
    }

    /** Returns the DER Name of {@code text}; throws {@link IllegalArgumentException} for bad text. */
    public static Bytes encode(String text) {
        return IkeDistinguishedNameEncoder.encode(text);
    }

    /** Returns the DER Name of a DN identity. */
    public static Bytes encode(Identity identity) {
        Objects.requireNonNull(identity, "identity");
        return encode(identity.value());
    }

    // ---- decoding ----

    /** Returns {content start, content end, element start} of the element at {@code at}, checking tag, length, bounds. */
    static int[] element(byte[] d, int at, int limit, int tag, String what) throws IkeMalformedNameException {
        if (limit - at < 2) {
            throw new IkeMalformedNameException(what + " at " + at + ": truncated (expected: tag and length)");
        }
        int t = d[at] & 0xFF;
        if (tag >= 0 ? t != tag : (t & 0x1F) == 0x1F) {
            throw new IkeMalformedNameException(what + " at " + at + ": tag 0x" + Integer.toHexString(t)
                    + (tag >= 0 ? " (expected: 0x" + Integer.toHexString(tag) + ")" : " (expected: a low tag number)"));
        }
        int first = d[at + 1] & 0xFF;
        int len;
        int start;
        if (first < 0x80) {
            len = first;
            start = at + 2;
        } else if (first == 0x81 || first == 0x82) {
            int n = first & 0x7F;
            if (limit - at < 2 + n) {
                throw new IkeMalformedNameException(what + " at " + at + ": truncated length");
            }
            len = n == 1 ? d[at + 2] & 0xFF : (d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF;
            if (len < (n == 1 ? 0x80 : 0x100)) {
                throw new IkeMalformedNameException(what + " at " + at + ": length " + len + " not minimally encoded (DER)");
            }
            start = at + 2 + n;
        } else {
            throw new IkeMalformedNameException(what + " at " + at + ": length form 0x" + Integer.toHexString(first)
                    + " (expected: definite, < 65536)");
        }
        if (len > limit - start) {
            throw new IkeMalformedNameException(what + " at " + at + ": length " + len + " (expected: <= "
                    + (limit - start) + ")");
        }
        return new int[] {start, start + len, at};
    }

    private static String oidText(byte[] d, int start, int end) throws IkeMalformedNameException {
        if (end == start || end - start > MAX_OID_BYTES || (d[end - 1] & 0x80) != 0) {
            throw new IkeMalformedNameException("OID: " + (end - start) + " bytes (expected: 1.." + MAX_OID_BYTES
                    + ", last octet < 0x80)");
        }
        StringBuilder s = new StringBuilder();
        long arc = 0;
        for (int i = start; i < end; i++) {
            if (arc == 0 && (d[i] & 0xFF) == 0x80) {
                throw new IkeMalformedNameException("OID arc: not minimally encoded");
            }
            if (arc >= 1L << 49) {
                throw new IkeMalformedNameException("OID arc: too large (expected: < 2^56)");
            }
            arc = arc << 7 | d[i] & 0x7F;
            if ((d[i] & 0x80) == 0) {
                if (s.length() == 0) {
                    int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                    s.append(top).append('.').append(arc - 40L * top);
                } else {
                    s.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return s.toString();
    }

    private static void appendAva(StringBuilder text, String oid, byte[] d, int[] value) {
        String name = NAMES.get(oid);
        String string = name == null ? null : string(d, value);
        text.append(name == null ? oid : name).append('=');
        if (string == null) {
            text.append('#').append(HEX.formatHex(d, value[2], value[1]));
        } else {
            escape(text, string);
        }
    }

    /** Returns the text of a PrintableString, IA5String or UTF8String value, or null for another value. */
    private static String string(byte[] d, int[] value) {
        int tag = d[value[2]] & 0xFF;
        if (tag == PRINTABLE_STRING || tag == IA5_STRING) {
            for (int i = value[0]; i < value[1]; i++) {
                if (d[i] < 0) {
                    return null;
                }
            }
            return new String(d, value[0], value[1] - value[0], StandardCharsets.US_ASCII);
        }
        if (tag != UTF8_STRING) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d, value[0], value[1] - value[0])).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            int n = Character.charCount(c);
            boolean edge = i == 0 || i + n == value.length();
            if (c == ',' || c == '=' || c < 0x20 || c == 0x7F || (edge && Character.isWhitespace(c))) {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('\\').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
                }
            } else if ("+\"\\<>;".indexOf(c) >= 0 || (c == '#' && i == 0)) {
                out.append('\\').appendCodePoint(c);
            } else {
                out.appendCodePoint(c);
            }
            i += n;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
