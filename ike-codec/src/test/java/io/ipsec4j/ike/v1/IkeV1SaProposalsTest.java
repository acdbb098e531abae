package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IkeV1AuthMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IkeV1SaProposals}: the RUB-NDS offer, and expand-then-collapse of model proposals. */
class IkeV1SaProposalsTest {

    @Test
    void readsTheCapturedMainModeOffer() throws Exception {
        IkeV1Message m = IkeV1Codec.decode(RubNdsIkeV1Messages.twoMessages().get(0));
        IkeV1Proposal p = m.payload(IkeV1SaPayload.class).orElseThrow().proposals().get(0);
        assertThat(IkeV1SaProposals.toIkeProposal(p).orElseThrow().toStrongSwan())
                .isEqualTo(IkeProposal.parse("aes128-sha1-modp1024").toStrongSwan());
        IkeV1Transform t = p.transforms().get(0);
        assertThat(IkeV1SaProposals.authMethod(t)).contains(IkeV1AuthMethod.PRE_SHARED_KEY);
        assertThat(IkeV1SaProposals.lifetime(t, true)).isEqualTo(Lifetime.ofSeconds(28800));
    }

    @Test
    void expandsEveryCombinationAndCollapsesItBack() throws Exception {
        IkeProposal ike = IkeProposal.parse("aes128-aes256-sha1-sha256-modp2048-modp1024");
        Lifetime life = Lifetime.builder().time(Duration.ofHours(8)).bytes(4L * 1024 * 1024 * 1024).build();
        IkeV1Proposal p = IkeV1SaProposals.toPhase1(ike, IkeV1AuthMethod.XAUTH_INIT_PRESHARED, life);
        assertThat(p.transforms()).hasSize(8);
        IkeV1Message m = IkeV1Message.of(IkeV1Header.of(1, 0, IkeV1ExchangeType.IDENTITY_PROTECTION, 0, 0),
                List.of(IkeV1SaPayload.of(List.of(p))));
        IkeV1Proposal back = IkeV1Codec.decode(IkeV1Codec.encode(m)).payload(IkeV1SaPayload.class).orElseThrow()
                .proposals().get(0);
        assertThat(IkeV1SaProposals.toIkeProposal(back).orElseThrow().toStrongSwan()).isEqualTo(ike.toStrongSwan());
        assertThat(IkeV1SaProposals.authMethod(back.transforms().get(7))).contains(IkeV1AuthMethod.XAUTH_INIT_PRESHARED);
        assertThat(IkeV1SaProposals.lifetime(back.transforms().get(0), true)).isEqualTo(life);
    }

    @Test
    void phase2ProposalsCarryTheSpiPfsGroupModeAndLifetime() {
        EspProposal esp = EspProposal.parse("aes256-sha256-sha1-modp2048");
        IkeV1Proposal p = IkeV1SaProposals.toPhase2(esp, 0xc6af22ee, IkeV1IpsecAttributes.MODE_TUNNEL,
                Lifetime.ofSeconds(3600));
        assertThat(p.spi()).isEqualTo(Bytes.fromHex("c6af22ee"));
        assertThat(p.transforms()).hasSize(2);
        assertThat(p.transforms().get(0).attribute(IkeV1IpsecAttributes.ENCAPSULATION_MODE).orElseThrow().longValue())
                .isEqualTo(1);
        assertThat(IkeV1SaProposals.toEspProposal(p).orElseThrow().toStrongSwan()).isEqualTo(esp.toStrongSwan());
        assertThat(IkeV1SaProposals.lifetime(p.transforms().get(1), false)).isEqualTo(Lifetime.ofSeconds(3600));
        assertThat(IkeV1SaProposals.toEspProposal(EspProposal.parse("aes128gcm16").isAead()
                ? IkeV1SaProposals.toPhase2(EspProposal.parse("aes128gcm16"), 1, 1, Lifetime.ofSeconds(60)) : p))
                .hasValueSatisfying(e -> assertThat(e.toStrongSwan()).isEqualTo("aes128gcm16"));
    }

    @Test
    void aTransformTheModelCannotExpressGivesNothing() {
        IkeV1Transform idea = new IkeV1Transform(1, 1, List.of(IkeV1DataAttribute.basic(1, 2),
                IkeV1DataAttribute.basic(2, 2), IkeV1DataAttribute.basic(4, 2)));
        assertThat(IkeV1SaProposals.toIkeProposal(new IkeV1Proposal(1, 1, Bytes.EMPTY, List.of(idea)))).isEmpty();
        IkeV1Transform aesNoLength = new IkeV1Transform(1, 1, List.of(IkeV1DataAttribute.basic(1, 7),
                IkeV1DataAttribute.basic(14, 100), IkeV1DataAttribute.basic(2, 2), IkeV1DataAttribute.basic(4, 2)));
        assertThat(IkeV1SaProposals.toIkeProposal(new IkeV1Proposal(1, 1, Bytes.EMPTY, List.of(aesNoLength)))).isEmpty();
    }
}
