package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.fixtures.AlgorithmGenerators;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.TransformType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeSaProposalsTest {
    private static final Bytes ESP_SPI = Bytes.fromHex("cae7019f");

    @Test
    void modelProposalsSurviveTheWire() {
        qt().forAll(AlgorithmGenerators.ikeProposals()).checkAssert(p ->
                assertThat(IkeSaProposals.toIkeProposal(IkeSaProposals.fromIkeProposal(1, p, Bytes.EMPTY))).contains(p));
        qt().forAll(AlgorithmGenerators.espProposals()).checkAssert(p ->
                assertThat(IkeSaProposals.toEspProposal(IkeSaProposals.fromEspProposal(2, p, ESP_SPI))).contains(p));
    }

    @Test
    void writesTransformsInStrongSwanOrderWithKeyLengthsOnlyForVariableCiphers() {
        IkeSaProposal wire = IkeSaProposals.fromIkeProposal(1, IkeProposal.parse("aes256-sha256-modp2048"), Bytes.EMPTY);
        assertThat(wire.transforms()).extracting(IkeTransform::transformType)
                .containsExactly(TransformType.ENCR, TransformType.INTEG, TransformType.PRF, TransformType.KE);
        assertThat(wire.transforms().get(0).keyLength()).hasValue(256);
        IkeSaProposal chacha = IkeSaProposals.fromEspProposal(1, EspProposal.parse("chacha20poly1305-noesn"), ESP_SPI);
        assertThat(chacha.transforms().get(0).attributes()).isEmpty();
    }

    @Test
    void aProposalTheModelCannotExpressIsNotSelectable() {
        IkeTransform aes128 = new IkeTransform(TransformType.ENCR, EncryptionAlgorithm.AES_CBC.id(),
                List.of(IkeTransformAttribute.keyLength(128)));
        IkeSaProposal esp = new IkeSaProposal(1, IkeProtocolId.ESP, ESP_SPI, List.of(aes128,
                new IkeTransform(TransformType.INTEG, 2, List.of())));
        assertThat(IkeSaProposals.toEspProposal(esp)).isPresent();
        assertThat(IkeSaProposals.toIkeProposal(esp)).as("wrong protocol").isEmpty();
        IkeSaProposal unknownType = new IkeSaProposal(1, IkeProtocolId.ESP, ESP_SPI, List.of(aes128,
                new IkeTransform(TransformType.INTEG, 2, List.of()), new IkeTransform(TransformType.valueOf(99), 1, List.of())));
        assertThat(IkeSaProposals.toEspProposal(unknownType)).isEmpty();
        IkeSaProposal noKeyLength = new IkeSaProposal(1, IkeProtocolId.ESP, ESP_SPI, List.of(
                new IkeTransform(TransformType.ENCR, EncryptionAlgorithm.AES_CBC.id(), List.of()),
                new IkeTransform(TransformType.INTEG, 2, List.of())));
        assertThat(IkeSaProposals.toEspProposal(noKeyLength)).isEmpty();
        IkeSaProposal unknownAttribute = new IkeSaProposal(1, IkeProtocolId.ESP, ESP_SPI, List.of(
                new IkeTransform(TransformType.ENCR, EncryptionAlgorithm.AES_CBC.id(), List.of(
                        IkeTransformAttribute.keyLength(128), new IkeTransformAttribute(20, false, Bytes.EMPTY))),
                new IkeTransform(TransformType.INTEG, 2, List.of())));
        assertThat(IkeSaProposals.toEspProposal(unknownAttribute)).isEmpty();
    }
}
