package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link IkeDistinguishedNames} over names built here with strongSwan's string types:
 * DER to text to DER is byte for byte and the model keeps the text; mutated DER only ever raises
 * the typed exception, and whatever decodes re-encodes to DER with the same text.
 */
class IkeDistinguishedNamesPropertyTest {
    /** Keyword OIDs (content bytes) and unknown ones. */
    private static final String[] OIDS = {"550406", "550408", "550407", "55040a", "55040b", "550403",
        "2a864886f70d010901", "550405", "0992268993f22c640119", "0992268993f22c640101", "2a0304", "8837",
        "2b0601040182371402"};
    private static final String PRINTABLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";
    private static final int[] ALPHABET = {'a', 'Z', '0', ' ', ',', '=', '+', '"', '\\', '<', '>', ';', '#', '\t',
        '\n', 0x7F, 0xE9, 0x2003, 0x1F600, '/', '\'', '@', '_'};

    private static Gen<byte[]> names() {
        return in -> {
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            int rdns = Generate.range(1, 4).generate(in);
            for (int r = 0; r < rdns; r++) {
                ByteArrayOutputStream rdn = new ByteArrayOutputStream();
                int avas = Generate.range(1, 3).generate(in);
                for (int a = 0; a < avas; a++) {
                    String oid = OIDS[Generate.range(0, OIDS.length - 1).generate(in)];
                    StringBuilder v = new StringBuilder();
                    int n = Generate.range(0, 8).generate(in);
                    for (int i = 0; i < n; i++) {
                        v.appendCodePoint(ALPHABET[Generate.range(0, ALPHABET.length - 1).generate(in)]);
                    }
                    rdn.writeBytes(tlv(0x30, concat(tlv(0x06, Bytes.fromHex(oid).toByteArray()), value(oid, v.toString()))));
                }
                name.writeBytes(tlv(0x31, rdn.toByteArray()));
            }
            return tlv(0x30, name.toByteArray());
        };
    }

    /** strongSwan's choice (PrintableString, IA5String for E, else UTF8String); an OCTET STRING for unknown OIDs. */
    private static byte[] value(String oid, String v) {
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        if (oid.length() <= 6 && !oid.startsWith("55")) {
            return tlv(0x04, utf8);
        }
        if (oid.equals("2a864886f70d010901") && v.chars().allMatch(c -> c < 0x80)) {
            return tlv(0x16, utf8);
        }
        return tlv(v.chars().allMatch(c -> PRINTABLE.indexOf(c) >= 0) ? 0x13 : 0x0C, utf8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length >= 0x100) {
            out.write(0x82);
            out.write(content.length >>> 8);
            out.write(content.length & 0xFF);
        } else if (content.length >= 0x80) {
            out.write(0x81);
            out.write(content.length);
        } else {
            out.write(content.length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    @Test
    void derToTextToDerIsByteForByteAndTheModelKeepsTheText() {
        qt().withExamples(2000).forAll(names()).checkAssert(der -> {
            try {
                String text = IkeDistinguishedNames.decode(Bytes.of(der));
                assertThat(IkeDistinguishedNames.encode(text).toByteArray()).as(text).isEqualTo(der);
                assertThat(Identity.distinguishedName(text).value()).isEqualTo(text);
                assertThat(IkeDistinguishedNames.encode(Identity.parse(text)).toByteArray()).isEqualTo(der);
            } catch (IkeMalformedNameException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void mutatedNamesRaiseOnlyTheTypedExceptionAndWhatDecodesIsStable() {
        qt().withExamples(3000).forAll(names(), Generate.range(0, 400), Generate.range(1, 255))
                .checkAssert((der, at, xor) -> {
                    byte[] m = der.clone();
                    m[at % m.length] ^= (byte) (int) xor;
                    assertStable(m);
                    assertStable(java.util.Arrays.copyOf(der, at % der.length));
                });
    }

    static void assertStable(byte[] der) {
        String text;
        try {
            text = IkeDistinguishedNames.decode(Bytes.of(der));
        } catch (IkeMalformedNameException expected) {
            return;
        }
        try {
            assertThat(IkeDistinguishedNames.decode(IkeDistinguishedNames.encode(text))).isEqualTo(text);
        } catch (IkeMalformedNameException e) {
            throw new AssertionError(text, e);
        }
    }
}
