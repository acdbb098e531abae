package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order captured under load in the strongSwan interop test: after an IKE SA rekey, A deletes
 * the CHILD_SA with message ID 0 while B sends a MOBIKE address update (NO_ADDITIONAL_ADDRESSES)
 * with ID 0 of its own space, and A's empty response to it is captured before B's Delete response.
 */
class IkeExchangePairingTest {
    private static final long SPI_I = 0x1111L;
    private static final long SPI_R = 0x2222L;

    private static IkeMessage informational(boolean fromInitiator, boolean response, List<IkePayload> payloads) {
        return new IkeMessage(IkeHeader.of(SPI_I, SPI_R, IkeExchangeType.INFORMATIONAL, fromInitiator, response, 0),
                payloads);
    }

    private final IkeMessage childDelete = informational(true, false,
            List.of(IkeDeletePayload.esp(List.of(Bytes.fromHex("c0000001")))));
    private final IkeMessage addressUpdate = informational(false, false,
            List.of(IkeNotifyPayload.status(IkeNotifyType.NO_ADDITIONAL_ADDRESSES)));
    private final IkeMessage addressUpdateResponse = informational(true, true, List.of());
    private final IkeMessage childDeleteResponse = informational(false, true,
            List.of(IkeDeletePayload.esp(List.of(Bytes.fromHex("c0000002")))));
    private final List<IkeMessage> captured = List.of(childDelete, addressUpdate, addressUpdateResponse,
            childDeleteResponse);

    @Test
    void pairsByMessageIdAndDirection() {
        assertThat(IkeExchangePairing.responseTo(childDelete, captured)).isSameAs(childDeleteResponse);
        assertThat(IkeExchangePairing.responseTo(addressUpdate, captured)).isSameAs(addressUpdateResponse);
    }

    @Test
    void theMessageIdAlonePicksTheOtherDirectionsEmptyResponse() {
        // What the removed CHILD_SA delete step did: the first response with the same message ID.
        IkeMessage byIdAlone = captured.stream().filter(m -> m.header().response()
                && m.header().messageId() == childDelete.header().messageId()).findFirst().orElseThrow();
        assertThat(byIdAlone).isSameAs(addressUpdateResponse);
        assertThat(byIdAlone.payload(IkeDeletePayload.class)).isEmpty();
    }

    @Test
    void aMissingResponseIsReported() {
        assertThatThrownBy(() -> IkeExchangePairing.responseTo(childDelete, List.of(childDelete, addressUpdate)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no response to");
    }
}
