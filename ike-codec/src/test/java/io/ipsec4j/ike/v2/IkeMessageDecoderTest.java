package io.ipsec4j.ike.v2;

import static io.ipsec4j.ike.v2.VectorCodec.HEX;
import static io.ipsec4j.ike.v2.VectorCodec.buf;
import static io.ipsec4j.ike.v2.VectorCodec.encode;
import static io.ipsec4j.ike.v2.VectorCodec.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeDiscardException;
import io.ipsec4j.model.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeMessageDecoderTest {
    /** An empty INFORMATIONAL request, spelled out. */
    private static final String EMPTY_INFORMATIONAL = ""
            + "0102030405060708" // IKE SA Initiator's SPI
            + "1112131415161718" // IKE SA Responder's SPI
            + "00"               // Next Payload: none
            + "20"               // Version: major 2, minor 0
            + "25"               // Exchange Type: INFORMATIONAL (37)
            + "08"               // Flags: Initiator
            + "00000007"         // Message ID: 7
            + "0000001c";        // Length: 28
    private static final String NONCE_BODY = "000102030405060708090a0b0c0d0e0f";

    /** A message with the given first payload type and payload bytes; the length is filled in. */
    private static String msg(int first, String payloads) {
        int length = 28 + payloads.length() / 2;
        return "0102030405060708" + "0000000000000000" + String.format("%02x", first) + "20" + "22" + "08"
                + "00000000" + String.format("%08x", length) + payloads;
    }

    /** A payload with generic header. */
    private static String p(int next, int flags, String body) {
        return String.format("%02x%02x%04x", next, flags, 4 + body.length() / 2) + body;
    }

    @Test
    void decodesASpelledOutHeader() throws Exception {
        IkeMessage m = message(EMPTY_INFORMATIONAL);
        assertThat(m.header()).isEqualTo(IkeHeader.of(0x0102030405060708L, 0x1112131415161718L,
                IkeExchangeType.INFORMATIONAL, true, false, 7));
        assertThat(m.payloads()).isEmpty();
        assertThat(encode(m)).isEqualTo(EMPTY_INFORMATIONAL);
    }

    @Test
    void rejectsADatagramShorterThanTheHeader() {
        assertThatThrownBy(() -> message(EMPTY_INFORMATIONAL.substring(2)))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("message length: 27 (expected: >= 28)");
    }

    @Test
    void rejectsAHigherMajorVersionWithItsOwnError() {
        String v3 = EMPTY_INFORMATIONAL.substring(0, 34) + "30" + EMPTY_INFORMATIONAL.substring(36);
        assertThatThrownBy(() -> message(v3))
                .isInstanceOf(InvalidMajorVersionException.class)
                .hasMessageContaining("major version: 3 (expected: 2)");
        String v0 = EMPTY_INFORMATIONAL.substring(0, 34) + "00" + EMPTY_INFORMATIONAL.substring(36);
        assertThatThrownBy(() -> message(v0))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("major version: 0 (expected: 2)");
    }

    @Test
    void saysThatAnIkeV1DatagramIsIkeV1NotCorruptIkeV2() {
        // An ISAKMP header (RFC 2408 §3.1): Main Mode, 1.0, with an SA payload next.
        String ikeV1 = "0102030405060708" // Initiator Cookie
                + "0000000000000000"     // Responder Cookie
                + "01"                   // Next Payload: SA (1)
                + "10"                   // Version: major 1, minor 0
                + "02"                   // Exchange Type: Identity Protection (Main Mode)
                + "00"                   // Flags
                + "00000000"             // Message ID
                + "0000001c";            // Length: 28
        assertThatThrownBy(() -> message(ikeV1))
                .isInstanceOf(IkeV1MessageException.class)
                .isInstanceOf(IkeDiscardException.class)
                .hasMessageContaining("IKEv1 (ISAKMP)")
                .hasMessageContaining("major version: 1 (expected: 2, IKEv2)");
        // Whatever its size: a big IKEv1 message is still named as IKEv1.
        IkeMessageDecoder small = new IkeMessageDecoder(IkeDecoderLimits.DEFAULT.withMaxMessageBytes(28));
        assertThatThrownBy(() -> small.decode(buf(ikeV1.substring(0, 48) + "0000001d" + "00")))
                .isInstanceOf(IkeV1MessageException.class);
    }

    @Test
    void aPayloadErrorKeepsTheOriginalAsItsCause() {
        // A Nonce payload whose length runs past the message: re-stated with its position.
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> message(msg(40, "00000003")));
        assertThat(e).isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("payload #1 at offset 28");
        assertThat(e.getCause()).isInstanceOf(InvalidSyntaxException.class)
                .hasMessage("NONCE(40) payload length: 3 (expected: >= 4)");
        // A record constructor's check, re-stated as INVALID_SYNTAX: the IllegalArgumentException is the cause.
        Throwable ts = org.assertj.core.api.Assertions.catchThrowable(
                () -> message(msg(44, p(0, 0, "01000000" + "0700000d" + "0000ffff0a0000010a"))));
        assertThat(ts).isInstanceOf(InvalidSyntaxException.class);
        assertThat(ts.getCause()).isInstanceOf(InvalidSyntaxException.class);
        assertThat(ts.getCause().getCause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selector length of IPV4_ADDR_RANGE(7): 13 (expected: 16)");
    }

    @Test
    void keepsTheMinorVersionAndIgnoresReservedFlags() throws Exception {
        String odd = EMPTY_INFORMATIONAL.substring(0, 34) + "2f25" + "ff" + EMPTY_INFORMATIONAL.substring(40);
        IkeMessage m = message(odd);
        assertThat(m.header().minorVersion()).isEqualTo(15);
        assertThat(m.header().versionFlag()).isTrue();
        assertThat(m.header().response()).isTrue();
        assertThat(encode(m).substring(34, 40)).isEqualTo("2f2538");
    }

    @Test
    void rejectsAHeaderLengthOtherThanTheDatagramLength() {
        assertThatThrownBy(() -> message(EMPTY_INFORMATIONAL + "00"))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("header length: 28 (expected: 29, the datagram length)");
    }

    @Test
    void keepsUnknownExchangeTypes() throws Exception {
        String unknown = EMPTY_INFORMATIONAL.substring(0, 36) + "63" + EMPTY_INFORMATIONAL.substring(38);
        IkeMessage m = message(unknown);
        assertThat(m.header().exchangeType()).hasToString("UNKNOWN_99(99)");
        assertThat(encode(m)).isEqualTo(unknown);
    }

    @Test
    void enforcesTheMessageSizeLimit() {
        IkeMessageDecoder small = new IkeMessageDecoder(IkeDecoderLimits.DEFAULT.withMaxMessageBytes(40));
        String big = msg(40, p(0, 0, NONCE_BODY));
        assertThatThrownBy(() -> small.decode(buf(big)))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("message length: 48 (expected: <= 40)");
    }

    @Test
    void enforcesThePayloadCountLimit() {
        IkeMessageDecoder two = new IkeMessageDecoder(IkeDecoderLimits.DEFAULT.withMaxPayloads(2));
        String three = msg(43, p(43, 0, "aa") + p(43, 0, "bb") + p(0, 0, "cc"));
        assertThatThrownBy(() -> two.decode(buf(three)))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("payloads: more than 2");
    }

    @Test
    void rejectsBytesAfterTheLastPayload() {
        assertThatThrownBy(() -> message(msg(40, p(0, 0, NONCE_BODY) + "0000")))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("2 bytes after the last payload (expected: 0)");
    }

    @Test
    void rejectsPayloadLengthsOutsideTheMessage() {
        assertThatThrownBy(() -> message(msg(40, "00000003")))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("NONCE(40) payload length: 3 (expected: >= 4)");
        assertThatThrownBy(() -> message(msg(40, "00000020" + NONCE_BODY)))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("NONCE(40) payload length: 32 (expected: <= 20)");
    }

    @Test
    void rejectsRepeatedNonRepeatablePayloadsButNotNotifies() throws Exception {
        assertThatThrownBy(() -> message(msg(40, p(40, 0, NONCE_BODY) + p(0, 0, NONCE_BODY))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("repeated NONCE(40) payload");
        IkeMessage two = message(msg(41, p(41, 0, "00004000") + p(0, 0, "00004000")));
        assertThat(two.payloads(IkeNotifyPayload.class)).hasSize(2);
    }

    @Test
    void requiresTheEncryptedPayloadToBeLast() throws Exception {
        IkeMessage ok = message(msg(43, p(46, 0, "aa") + p(35, 0, "0102")));
        assertThat(ok.payloads().get(1)).isEqualTo(new IkeSkPayload(IkePayloadType.ID_INITIATOR, Bytes.fromHex("0102")));
        assertThatThrownBy(() -> message(msg(46, p(43, 0, "0102") + p(0, 0, "aa"))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("ENCRYPTED(46) payload followed by 5 bytes (expected: last payload)");
        assertThatThrownBy(() -> new IkeMessage(ok.header(), List.of(ok.payloads().get(1), ok.payloads().get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ENCRYPTED(46) payload at position 0 of 2 (expected: last)");
    }

    @Test
    void keepsUnknownNonCriticalPayloadsAndIgnoresTheCriticalBitOfKnownOnes() throws Exception {
        String wire = msg(200, p(40, 0x00, "abcd") + p(0, 0x80, NONCE_BODY));
        IkeMessage m = message(wire);
        assertThat(m.payloads().get(0)).isEqualTo(new IkeUnknownPayload(IkePayloadType.valueOf(200), false, Bytes.fromHex("abcd")));
        assertThat(m.payloads().get(1)).isInstanceOf(IkeNoncePayload.class);
        assertThat(encode(m)).isEqualTo(msg(200, p(40, 0x00, "abcd") + p(0, 0x00, NONCE_BODY)));
    }

    @Test
    void collectsUnknownCriticalPayloadsIntoOneError() {
        String wire = msg(200, p(201, 0x80, "") + p(40, 0x80, "01") + p(0, 0, NONCE_BODY));
        assertThatThrownBy(() -> message(wire))
                .isInstanceOfSatisfying(UnsupportedCriticalPayloadException.class, e -> {
                    assertThat(e.getMessage()).contains("UNKNOWN_200(200), UNKNOWN_201(201)");
                    assertThat(e.toNotifyPayload().data()).isEqualTo(Bytes.of((byte) 200));
                    assertThat(e.isIntegrityProtected()).isFalse();
                });
    }

    @Test
    void reportsFieldErrorsAsInvalidSyntax() {
        assertThatThrownBy(() -> message(msg(40, p(0, 0, "00"))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("NONCE(40) payload: nonce length: 1 (expected: 16-256)");
        assertThatThrownBy(() -> message(msg(41, p(0, 0, "00004006" + "00".repeat(65)))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("notification data length of COOKIE(16390): 65 (expected: 1-64)");
        assertThatThrownBy(() -> message(msg(44, p(0, 0, "00000000"))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("number of traffic selectors: 0 (expected: 1-64)");
        assertThatThrownBy(() -> message(msg(35, p(0, 0, "01000000c00002"))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("identification data length for IPV4_ADDR(1): 3 (expected: 4)");
    }

    @Test
    void rejectsMalformedProposals() {
        // Repeated Key Length attribute: AOSP's testDecodeTransformWithRepeatedKeyLength.
        String repeated = "0000001801010001" + "000000100100000c" + "800e0080800e0080";
        assertThatThrownBy(() -> message(msg(33, p(0, 0, repeated))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("repeated transform attribute: 14");
        String ikeSpi4 = "0000000c01010400" + "01020304";
        assertThatThrownBy(() -> message(msg(33, p(0, 0, ikeSpi4))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("SPI size of a IKE(1) proposal: 4 (expected: 0 or 8)");
        String wrongLast = "0200000801010000";
        assertThatThrownBy(() -> message(msg(33, p(0, 0, wrongLast))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("proposal last substruc: 2 (expected: 0)");
    }

    @Test
    void marksErrorsOfProtectedChainsButNotOfPlainOnes() {
        IkeMessageDecoder decoder = new IkeMessageDecoder();
        assertThatThrownBy(() -> decoder.decodePayloads(IkePayloadType.NONCE, buf("00000005ff"), true))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> {
                    assertThat(e.isIntegrityProtected()).isTrue();
                    assertThat(e.getCause()).isInstanceOf(InvalidSyntaxException.class);
                });
        assertThatThrownBy(() -> decoder.decodePayloads(IkePayloadType.NONCE, buf("00000005ff"), false))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.isIntegrityProtected()).isFalse());
    }

    @Test
    void consumesTheDatagram() throws Exception {
        var in = buf(EMPTY_INFORMATIONAL);
        new IkeMessageDecoder().decode(in);
        assertThat(in.isReadable()).isFalse();
        assertThat(HEX.formatHex(new byte[0])).isEmpty();
    }

    @Test
    void namesThePayloadAndItsOffsetInTheMessage() {
        assertThatThrownBy(() -> message(msg(43, p(40, 0, "aa") + p(0, 0, "00"))))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessage("payload #2 at offset 33: NONCE(40) payload: nonce length: 1 (expected: 16-256)");
    }

    @Test
    void messagesCannotBeBuiltWithRepeatedNonRepeatablePayloads() throws Exception {
        IkeMessage m = message(msg(40, p(0, 0, NONCE_BODY)));
        assertThatThrownBy(() -> new IkeMessage(m.header(), List.of(m.payloads().get(0), m.payloads().get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeated NONCE(40) payload (expected: at most one)");
    }
}
