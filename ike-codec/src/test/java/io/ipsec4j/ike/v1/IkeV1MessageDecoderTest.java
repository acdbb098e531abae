package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IkeV1MessageDecoder} against the captured RUB-NDS messages and hand-made malformed ones. */
class IkeV1MessageDecoderTest {

    @Test
    void decodesTheMainModeSaOfferAndReencodesItByteForByte() throws Exception {
        String hex = RubNdsIkeV1Messages.twoMessages().get(0);
        IkeV1Message m = IkeV1Codec.decode(hex);
        assertThat(m.header()).isEqualTo(IkeV1Header.of(0x577c85a9cd808d54L, 0,
                IkeV1ExchangeType.IDENTITY_PROTECTION, 0, 0));
        IkeV1SaPayload sa = m.payload(IkeV1SaPayload.class).orElseThrow();
        assertThat(sa.doi()).isEqualTo(IkeV1SaPayload.DOI_IPSEC);
        assertThat(sa.situation()).isEqualTo(IkeV1SaPayload.SIT_IDENTITY_ONLY);
        IkeV1Transform t = sa.proposals().get(0).transforms().get(0);
        assertThat(t.transformId()).isEqualTo(IkeV1Phase1Attributes.TRANSFORM_KEY_IKE);
        assertThat(t.attributes()).containsExactly(
                IkeV1DataAttribute.basic(1, 7), IkeV1DataAttribute.basic(14, 128), IkeV1DataAttribute.basic(2, 2),
                IkeV1DataAttribute.basic(4, 2), IkeV1DataAttribute.basic(3, 1), IkeV1DataAttribute.basic(11, 1),
                IkeV1DataAttribute.basic(12, 28800));
        assertThat(IkeV1Codec.encode(m)).isEqualTo(hex);
    }

    @Test
    void decodesTheResponderLifetimeInformational() throws Exception {
        String hex = RubNdsIkeV1Messages.twoMessages().get(1);
        IkeV1Message m = IkeV1Codec.decode(hex);
        assertThat(m.header().exchangeType()).isEqualTo(IkeV1ExchangeType.INFORMATIONAL);
        assertThat(m.payloads()).extracting(IkeV1Payload::type)
                .containsExactly(IkeV1PayloadType.HASH, IkeV1PayloadType.NOTIFICATION);
        assertThat(m.payload(IkeV1NotificationPayload.class).orElseThrow().notifyType())
                .isEqualTo(IkeV1NotifyType.RESPONDER_LIFETIME);
        assertThat(IkeV1Codec.encode(m)).isEqualTo(hex);
    }

    @Test
    void decodesThePayloadMalformedNotification() throws Exception {
        String hex = RubNdsIkeV1Messages.malformedNotification();
        IkeV1Message m = IkeV1Codec.decode(hex);
        assertThat(m.header().responderCookie()).isEqualTo(0x3287d995d890aaedL);
        IkeV1NotificationPayload n = m.payload(IkeV1NotificationPayload.class).orElseThrow();
        assertThat(n.notifyType()).isEqualTo(IkeV1NotifyType.PAYLOAD_MALFORMED);
        assertThat(n.notifyType().isError()).isTrue();
        assertThat(IkeV1Codec.encode(m)).isEqualTo(hex);
    }

    @Test
    void keepsAnEncryptedMessageAsCiphertext() throws Exception {
        String hex = RubNdsIkeV1Messages.encryptedInformational();
        IkeV1Message m = IkeV1Codec.decode(hex);
        assertThat(m.header().encrypted()).isTrue();
        assertThat(m.header().messageId()).isEqualTo(0x5c9704a7L);
        assertThat(m.firstPayloadType()).isEqualTo(IkeV1PayloadType.HASH);
        assertThat(m.payloads()).isEmpty();
        assertThat(m.ciphertext().length()).isEqualTo(48);
        assertThat(IkeV1Codec.encode(m)).isEqualTo(hex);
    }

    @Test
    void keepsUnknownPayloadsNotifyTypesAndTlvLifeDurations() throws Exception {
        IkeV1Transform t = new IkeV1Transform(1, 12, List.of(IkeV1DataAttribute.basic(4, 1),
                IkeV1DataAttribute.number(2, 86_400_000L), IkeV1DataAttribute.variable(0x7123, Bytes.fromHex("0102"))));
        IkeV1Message m = IkeV1Message.of(IkeV1Header.of(1, 2, IkeV1ExchangeType.valueOf(200), 0xF0, 7), List.of(
                IkeV1SaPayload.of(List.of(new IkeV1Proposal(1, 3, Bytes.fromHex("c6af22ee"), List.of(t)))),
                new IkeV1UnknownPayload(IkeV1PayloadType.valueOf(99), Bytes.fromHex("abcdef")),
                new IkeV1NotificationPayload(1, 1, Bytes.EMPTY, IkeV1NotifyType.valueOf(40000), Bytes.fromHex("01"))));
        String hex = IkeV1Codec.encode(m);
        IkeV1Message back = IkeV1Codec.decode(hex);
        assertThat(back).isEqualTo(m);
        assertThat(back.header().exchangeType().name()).isEqualTo("UNKNOWN_200");
        IkeV1DataAttribute life = back.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0)
                .transforms().get(0).attribute(2).orElseThrow();
        assertThat(life.basic()).isFalse();
        assertThat(life.longValue()).isEqualTo(86_400_000L);
        assertThat(IkeV1Codec.encode(back)).isEqualTo(hex);
    }

    @Test
    void rejectsABadHeaderLength() {
        String hex = RubNdsIkeV1Messages.malformedNotification();
        byte[] b = HexFormat.of().parseHex(hex);
        b[27]++;
        assertThatThrownBy(() -> IkeV1Codec.decode(b)).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("header length: 41 (expected: 40");
    }

    @Test
    void rejectsAnIkev2HeaderAndShortDatagrams() {
        byte[] b = HexFormat.of().parseHex(RubNdsIkeV1Messages.malformedNotification());
        b[17] = 0x20;
        assertThatThrownBy(() -> IkeV1Codec.decode(b)).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("major version: 2 (expected: 1)");
        assertThatThrownBy(() -> IkeV1Codec.decode(new byte[27])).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("message length: 27 (expected: >= 28)");
    }

    @Test
    void namesTheOffsetOfAPayloadThatOverrunsTheMessage() {
        byte[] b = HexFormat.of().parseHex(RubNdsIkeV1Messages.malformedNotification());
        b[31] = 0x0d; // the notification's length: 13 > the 12 bytes left
        assertThatThrownBy(() -> IkeV1Codec.decode(b)).isInstanceOfSatisfying(IkeV1PayloadMalformedException.class,
                e -> {
                    assertThat(e.offset()).isEqualTo(28);
                    assertThat(e.errorType()).isEqualTo(IkeV1NotifyType.PAYLOAD_MALFORMED.code());
                    assertThat(e.isIntegrityProtected()).isFalse();
                }).hasMessageContaining("payload #1 at offset 28: NOTIFICATION(11) payload length: 13 (expected: <= 12)");
    }

    @Test
    void rejectsTrailingBytesAndTooManyPayloads() throws Exception {
        IkeV1Message m = IkeV1Message.of(IkeV1Header.of(1, 2, IkeV1ExchangeType.INFORMATIONAL, 0, 0),
                List.of(new IkeV1HashPayload(Bytes.EMPTY), new IkeV1HashPayload(Bytes.EMPTY)));
        byte[] b = IkeV1MessageEncoder.encodeToBytes(m).toByteArray();
        IkeV1MessageDecoder one = new IkeV1MessageDecoder(IkeDecoderLimits.DEFAULT.withMaxPayloads(1));
        assertThatThrownBy(() -> one.decode(Unpooled.wrappedBuffer(b)))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("payloads: more than 1");
        b[28] = 0; // the first payload ends the chain: 4 bytes trail
        assertThatThrownBy(() -> IkeV1Codec.decode(b)).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("4 bytes after the last payload");
    }

    @Test
    void toleratesPaddingAfterADecryptedChainOnlyWhenAsked() throws Exception {
        byte[] body = HexFormat.of().parseHex("0000000800000000" + "00000000");
        List<IkeV1Payload> chain = IkeV1Codec.DECODER.decodePayloads(IkeV1PayloadType.HASH,
                Unpooled.wrappedBuffer(body), true, true);
        assertThat(chain).containsExactly(new IkeV1HashPayload(Bytes.fromHex("00000000")));
        assertThatThrownBy(() -> IkeV1Codec.DECODER.decodePayloads(IkeV1PayloadType.HASH,
                Unpooled.wrappedBuffer(body), false, true)).isInstanceOfSatisfying(
                        IkeV1PayloadMalformedException.class, e -> assertThat(e.isIntegrityProtected()).isTrue());
    }

    @Test
    void rejectsProposalAndTransformChainsThatLie() throws Exception {
        String hex = RubNdsIkeV1Messages.twoMessages().get(0);
        byte[] b = HexFormat.of().parseHex(hex);
        b[40] = 2; // the only proposal claims another follows
        assertThatThrownBy(() -> IkeV1Codec.decode(b)).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("proposal: 0 bytes left (expected: >= 8)");
        byte[] c = HexFormat.of().parseHex(hex);
        c[48] = 3; // the only transform claims another follows
        assertThatThrownBy(() -> IkeV1Codec.decode(c)).isInstanceOf(IkeV1PayloadMalformedException.class)
                .hasMessageContaining("transform next payload: 3 (expected: 0)");
    }
}
