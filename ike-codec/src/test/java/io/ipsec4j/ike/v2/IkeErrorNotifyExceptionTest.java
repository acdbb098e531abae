package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IkeErrorNotifyExceptionTest {
    /** Every RFC 7296 error notify type and its exception class. */
    private static final Map<Integer, Class<? extends IkeErrorNotifyException>> CLASSES = Map.ofEntries(
            Map.entry(1, UnsupportedCriticalPayloadException.class), Map.entry(4, InvalidIkeSpiException.class),
            Map.entry(5, InvalidMajorVersionException.class), Map.entry(7, InvalidSyntaxException.class),
            Map.entry(9, InvalidMessageIdException.class), Map.entry(11, InvalidSpiException.class),
            Map.entry(14, NoProposalChosenException.class), Map.entry(17, InvalidKePayloadException.class),
            Map.entry(24, AuthenticationFailedException.class), Map.entry(34, SinglePairRequiredException.class),
            Map.entry(35, NoAdditionalSasException.class), Map.entry(36, InternalAddressFailureException.class),
            Map.entry(37, FailedCpRequiredException.class), Map.entry(38, TsUnacceptableException.class),
            Map.entry(39, InvalidSelectorsException.class), Map.entry(43, TemporaryFailureException.class),
            Map.entry(44, ChildSaNotFoundException.class));

    @Test
    void aReceivedErrorNotifyMapsToItsExceptionAndBack() {
        CLASSES.forEach((code, type) -> {
            Bytes data = code == 17 ? Bytes.fromHex("000e") : Bytes.fromHex("01");
            IkeNotifyPayload received = IkeNotifyPayload.of(IkeNotifyType.valueOf(code), data);
            IkeErrorNotifyException e = IkeErrorNotifyException.fromNotify(received);
            assertThat(e).as("type %d", code).isExactlyInstanceOf(type);
            assertThat(e.errorType()).isEqualTo(code);
            assertThat(e.isIntegrityProtected()).isFalse();
            assertThat(e.toNotifyPayload()).isEqualTo(received);
            assertThat(java.lang.reflect.Modifier.isFinal(type.getModifiers())).isTrue();
        });
    }

    @Test
    void withIntegrityProtectedCopiesTypeDataAndMessage() {
        InvalidSyntaxException plain = new InvalidSyntaxException("bad length");
        IkeErrorNotifyException marked = plain.withIntegrityProtected();
        assertThat(marked).isInstanceOf(InvalidSyntaxException.class).hasMessage("bad length").hasCause(plain);
        assertThat(marked.isIntegrityProtected()).isTrue();
        assertThat(marked.withIntegrityProtected()).isSameAs(marked);
        CLASSES.values().forEach(type -> {
            IkeErrorNotifyException e = IkeErrorNotifyException.create(
                    IkeNotifyType.valueOf(CLASSES.entrySet().stream().filter(x -> x.getValue() == type)
                            .findFirst().orElseThrow().getKey()).code(), Bytes.EMPTY, "m", false);
            assertThat(e.withIntegrityProtected()).isExactlyInstanceOf(type);
        });
    }

    @Test
    void invalidKePayloadCarriesTheAcceptedGroup() {
        InvalidKePayloadException e = new InvalidKePayloadException(KeyExchangeMethod.MODP_2048);
        assertThat(e.toNotifyPayload()).isEqualTo(IkeNotifyPayload.invalidKePayload(KeyExchangeMethod.MODP_2048));
        assertThat(e.acceptedKeyExchange()).contains(KeyExchangeMethod.MODP_2048);
        assertThat(e.toNotifyPayload().acceptedKeyExchange()).isEqualTo(KeyExchangeMethod.MODP_2048);
    }

    @Test
    void unsupportedCriticalPayloadNamesTheFirstTypeInItsNotify() {
        var e = new UnsupportedCriticalPayloadException(List.of(IkePayloadType.valueOf(99), IkePayloadType.valueOf(98)));
        assertThat(e.toNotifyPayload().data()).isEqualTo(Bytes.of((byte) 99));
        var back = (UnsupportedCriticalPayloadException) IkeErrorNotifyException.fromNotify(e.toNotifyPayload());
        assertThat(back.payloadTypes()).containsExactly(IkePayloadType.valueOf(99));
    }

    @Test
    void otherErrorTypesBecomeUnrecognizedAndStatusTypesAreRejected() {
        IkeErrorNotifyException e = IkeErrorNotifyException.fromNotify(IkeNotifyPayload.status(IkeNotifyType.UNACCEPTABLE_ADDRESSES));
        assertThat(e).isExactlyInstanceOf(UnrecognizedErrorNotifyException.class);
        assertThat(e.notifyType()).isEqualTo(IkeNotifyType.UNACCEPTABLE_ADDRESSES);
        assertThatThrownBy(() -> IkeErrorNotifyException.fromNotify(IkeNotifyPayload.status(IkeNotifyType.INITIAL_CONTACT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notify type: INITIAL_CONTACT(16384) (expected: an error type, < 16384)");
    }
}
