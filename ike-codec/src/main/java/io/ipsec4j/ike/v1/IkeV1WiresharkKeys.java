package io.ipsec4j.ike.v1;

import io.ipsec4j.model.SecretBytes;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Rows of Wireshark's {@code ikev1_decryption_table}, so that a capture of an IKEv1 session can be
 * decrypted: the Initiator's COOKIE and the ISAKMP SA's Encryption Key, as bare hex separated by a
 * comma (the UAT of {@code epan/dissectors/packet-isakmp.c}; strongSwan's {@code save-keys} plugin
 * writes the same rows). Wireshark derives the IVs itself from the captured KE payloads. ESP SAs of
 * quick mode use the {@code esp_sa} rows of {@link io.ipsec4j.ike.v2.IkeWiresharkKeys}.
 *
 * <p><b>The rows contain secret keys by design</b>; write them only where the operator asked.
 *
 * @see <a href="https://www.wireshark.org/docs/wsug_html_chunked/ChUserTable.html">Wireshark UAT tables</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 */
public final class IkeV1WiresharkKeys {
    private static final HexFormat HEX = HexFormat.of();

    private IkeV1WiresharkKeys() {}

    /** Returns the row {@code <initiator cookie>,<encryption key>}. */
    public static String ikev1DecryptionRowWithKeys(long initiatorCookie, SecretBytes encryptionKey) {
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        return HEX.toHexDigits(initiatorCookie) + "," + HEX.formatHex(encryptionKey.copyBytes());
    }
}
