package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IkeV1PrinterTest {
    /** RUB-NDS's captured main mode SA offer (vectors/rubnds-ikev1-ikev2-esp.txt), 84 bytes. */
    private static final String MAIN_MODE_SA = "577c85a9cd808d5400000000000000000110020000000000000000540000003800000001"
            + "000000010000002c00010001000000240001000080010007800e0080800200028004000280030001800b0001800c7080";
    /** RUB-NDS's captured encrypted informational, 76 bytes. */
    private static final String INFORMATIONAL = "05041c1d00fd6eff2e9ac75cd77f5cc6081005015c9704a70000004c03ea6c1d88aa6ca97a"
            + "94ff3f2c641c1542c69e66d5b8e9965fea0a19eae77985d22f9acb0164b32223c9b3b384b67516";

    @Test
    void aCapturedIkeV1MainModeOfferPrintsItsHeaderAndProposal() throws IOException {
        String out = decode(HexFormat.of().parseHex(MAIN_MODE_SA));

        assertThat(out).contains("IKEv1 ").contains("(2), cookies 577c85a9cd808d54/0000000000000000, message ID 00000000")
                .contains("SA: proposal 0 (protocol 1), 1 transform(s)")
                .contains("1 IKE message(s), 0 ESP packet(s)")
                .doesNotContain("not a valid IKEv2 message");
    }

    @Test
    void anEncryptedIkeV1MessageShowsItsBodyAsEncrypted() throws IOException {
        String out = decode(HexFormat.of().parseHex(INFORMATIONAL));

        assertThat(out).contains("(5), cookies 05041c1d00fd6eff/2e9ac75cd77f5cc6, message ID 5c9704a7")
                .contains("encrypted body: 48 bytes, first payload HASH(8) (no IKEv1 keys given: not decrypted)");
    }

    @Test
    void aBrokenIkeV1MessageIsNamedAsIkeV1() throws IOException {
        byte[] broken = HexFormat.of().parseHex(MAIN_MODE_SA);
        broken[27] = (byte) 0xFF; // the header's length no longer matches the datagram

        assertThat(decode(broken)).contains("not a valid IKEv1 message: ");
    }

    private static String decode(byte[] ikeMessage) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecodeIkeCapture.run(pcap(ikeMessage), null, 10, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A classic pcap (Ethernet) with one IPv4/UDP 500 -> 500 datagram carrying {@code payload}. */
    private static byte[] pcap(byte[] payload) {
        int udpLength = 8 + payload.length;
        int ipLength = 20 + udpLength;
        int frameLength = 14 + ipLength;
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + frameLength);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1_700_000_000).putInt(0).putInt(frameLength).putInt(frameLength);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 198, 51, 100, 1});
        b.putShort((short) 500).putShort((short) 500).putShort((short) udpLength).putShort((short) 0);
        b.put(payload);
        return b.array();
    }
}
