package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.esp.EspChildSa;
import io.ipsec4j.ike.IkeDistinguishedNames;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IdentityType;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The helpers users wrote by hand (issue 10 §2), on the AOSP IKEv2 session
 * ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}): key schedule and SK codec from the
 * chosen proposal, a decrypted message, IDi/IDr apart, SPIs as numbers, ID ↔ identity, and both
 * CHILD SA directions from the SA payloads.
 */
class IkeNegotiatedApiTest {
    private static final Map<String, String> V =
            AospVectorFile.load("/vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt");
    private static final HexFormat HEX = HexFormat.of();
    private static final CryptoProviders PROVIDERS = CryptoProviders.defaults();
    private static final IkeProposal CHOSEN = IkeProposal.parse("aes128-sha1-prfsha1-modp1024");

    private static byte[] bytes(String name) {
        return HEX.parseHex(V.get(name));
    }

    private static IkeKeySchedule keysFromTheChosenProposal() throws Exception {
        IkeMessage init = VectorCodec.message(V.get("IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING"));
        IkeMessage auth = VectorCodec.message(V.get("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING"));
        return IkeKeySchedule.create(CHOSEN, init.payload(IkeNoncePayload.class).orElseThrow().nonce(),
                Bytes.of(bytes("SaRecordTest.IKE_NONCE_RESP_HEX_STRING")), init.header().initiatorSpi(),
                auth.header().responderSpi(), SecretBytes.of(bytes("SaRecordTest.IKE_SHARED_DH_KEY_HEX_STRING")),
                PROVIDERS);
    }

    @Test
    void theKeyScheduleAndSkCodecTakeTheChosenProposal() throws Exception {
        try (IkeKeySchedule keys = keysFromTheChosenProposal();
                IkeSkCodec codec = IkeSkCodec.create(CHOSEN, keys.skEi(), keys.skAi(), PROVIDERS)) {
            assertThat(keys.skD()).isEqualTo(SecretBytes.of(bytes("SaRecordTest.IKE_SK_D_HEX_STRING")));
            assertThat(keys.prf().algorithm()).isEqualTo(PrfAlgorithm.HMAC_SHA1);
            assertThat(keys.integrity()).isEqualTo(IntegrityAlgorithm.HMAC_SHA1_96);
            byte[] datagram = bytes("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING");
            IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));

            IkeMessage message = codec.decryptMessage(datagram, decoded);

            assertThat(message.header()).isEqualTo(decoded.header());
            assertThat(message.payloads()).isEqualTo(codec.decrypt(datagram, decoded));
            // IDi and IDr are both in this request; payload(IkeIdPayload.class) would give IDi for both.
            assertThat(message.idInitiator()).contains(IkeIdPayload.ofAddress(true, IpAddress.parse("10.80.80.13")));
            assertThat(message.idResponder()).contains(IkeIdPayload.ofAddress(false, IpAddress.parse("10.80.80.80")));
            assertThat(message.tsInitiator().orElseThrow().initiator()).isTrue();
            assertThat(message.tsResponder().orElseThrow().initiator()).isFalse();
        }
        assertThatThrownBy(() -> IkeKeySchedule.create(IkeProposal.parse("aes128-sha1-sha256-modp1024"), Bytes.EMPTY,
                Bytes.EMPTY, 1, 2, SecretBytes.of(new byte[1]), PROVIDERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 1");
    }

    @Test
    void bothChildSaDirectionsFromTheSaPayloads() throws Exception {
        byte[] datagram = bytes("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING");
        try (IkeKeySchedule keys = keysFromTheChosenProposal();
                IkeSkCodec codec = IkeSkCodec.of(keys, true, PROVIDERS)) {
            IkeMessage request = codec.decryptMessage(datagram, VectorCodec.message(HEX.formatHex(datagram)));
            IkeSaPayload offered = request.payload(IkeSaPayload.class).orElseThrow();
            IkeSaProposal first = offered.proposals().get(0);
            int responderSpi = 0x2ad4c0a2;
            IkeSaPayload accepted = new IkeSaPayload(List.of(new IkeSaProposal(first.number(), IkeProtocolId.ESP,
                    IkeSpi.ofChild(responderSpi), first.transforms())));
            Bytes ni = VectorCodec.message(V.get("IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING"))
                    .payload(IkeNoncePayload.class).orElseThrow().nonce();
            Bytes nr = Bytes.of(bytes("SaRecordTest.IKE_NONCE_RESP_HEX_STRING"));
            try (EspChildSa initiator = IkeChildSas.create(keys, EspChildSa.Role.INITIATOR, offered, accepted, ni, nr,
                    null, null);
                    EspChildSa responder = IkeChildSas.create(keys, EspChildSa.Role.RESPONDER, offered, accepted, ni, nr,
                            null, null)) {
                assertThat(initiator.inbound().spi()).isEqualTo(first.childSpi());
                assertThat(initiator.outbound().spi()).isEqualTo(responderSpi);
                assertThat(responder.inbound().spi()).isEqualTo(responderSpi);
                assertThat(initiator.proposal()).isEqualTo(IkeSaProposals.toEspProposal(first).orElseThrow());
                assertThat(initiator.outbound().encryption()).isEqualTo(Encryption.AES128_CBC);
                io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer(256);
                buf.writerIndex(initiator.outbound().headroomBytes()).readerIndex(buf.writerIndex()).writeLong(42);
                initiator.outbound().seal(buf, 17);
                assertThat(responder.inbound().open(buf)).isEqualTo(17);
                assertThat(buf.readLong()).isEqualTo(42);
            }
            IkeSaPayload wrongNumber = new IkeSaPayload(List.of(new IkeSaProposal(first.number() + 7, IkeProtocolId.ESP,
                    IkeSpi.ofChild(responderSpi), first.transforms())));
            assertThatThrownBy(() -> IkeChildSas.create(keys, EspChildSa.Role.INITIATOR, offered, wrongNumber, Bytes.EMPTY,
                    Bytes.EMPTY, null, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without ESP proposal " + (first.number() + 7));
        }
    }

    @Test
    void spisAsNumbersEverywhere() {
        assertThat(IkeSpi.ofChild(0xc0ffee01)).isEqualTo(Bytes.fromHex("c0ffee01"));
        assertThat(IkeSpi.toChild(Bytes.fromHex("c0ffee01"))).isEqualTo(0xc0ffee01);
        assertThat(IkeSpi.toIke(IkeSpi.ofIke(0x8899aabbccddeeffL))).isEqualTo(0x8899aabbccddeeffL);
        assertThat(IkeSaProposals.fromEspProposal(1, EspProposal.parse("aes128gcm16"), 0x01020304).childSpi())
                .isEqualTo(0x01020304);
        assertThat(IkeDeletePayload.espSpis(7, -1).childSpis()).containsExactly(7, -1);
        assertThatThrownBy(() -> IkeSpi.toChild(Bytes.fromHex("01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ESP/AH SPI size: 1 (expected: 4)");
        assertThatThrownBy(() -> IkeDeletePayload.ikeSa().childSpis()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idPayloadsAndIdentitiesBothWays() throws Exception {
        for (String text : List.of("192.0.2.1", "2001:db8::7", "vpn.example.com", "gw@example.com", "@#00ff10",
                "C=CH, O=strongSwan, CN=moon.strongswan.org")) {
            Identity id = Identity.parse(text);
            IkeIdPayload payload = IkeIdPayload.of(false, id);
            assertThat(payload.idType()).as(text).isEqualTo(IkeIdType.of(id.type()));
            assertThat(payload.idType().identityType()).contains(id.type());
            assertThat(payload.toIdentity()).as(text).contains(id);
            assertThat(payload.names(id)).as(text).isTrue();
            IkeIdPayload decoded = (IkeIdPayload) VectorCodec.payload(IkePayloadType.ID_RESPONDER,
                    VectorCodec.encode(payload, IkePayloadType.NO_NEXT_PAYLOAD)).payload();
            assertThat(decoded).as("decode(encode(%s))", text).isEqualTo(payload);
        }
        IkeIdPayload dn = IkeIdPayload.of(true, Identity.parse("C=CH, O=strongSwan, CN=moon.strongswan.org"));
        assertThat(dn.data()).isEqualTo(IkeDistinguishedNames.encode("C=CH, O=strongSwan, CN=moon.strongswan.org"));
        assertThat(IkeIdType.RFC822_ADDR.identityType()).contains(IdentityType.USER_FQDN);
        assertThat(IkeIdType.NULL.identityType()).isEmpty();
        assertThat(new IkeIdPayload(true, IkeIdType.NULL, Bytes.EMPTY).toIdentity()).isEmpty();
        assertThat(new IkeIdPayload(true, IkeIdType.DER_ASN1_DN, Bytes.fromHex("3003")).toIdentity()).isEmpty();
        assertThat(IkeIdPayload.ofFqdn(true, "VPN.Example.com").names(Identity.parse("vpn.example.com"))).isTrue();
        assertThat(IkeIdPayload.ofFqdn(true, "other.example.com").names(Identity.parse("vpn.example.com"))).isFalse();
        assertThat(IkeIdPayload.ofFqdn(true, "gw@example.com").names(Identity.parse("gw@example.com"))).isFalse();
    }
}
