package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeProtocolId;
import java.util.List;
import java.util.Optional;

/**
 * Answers the peer's requests on an established IKE SA, in either role: an INFORMATIONAL is
 * answered (an empty one is a liveness check, RFC 7296 §1.4); a Delete of the IKE SA ends the
 * session; CREATE_CHILD_SA is refused with NO_ADDITIONAL_SAS (§1.3) until this engine rekeys.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.4">RFC 7296 §1.4</a>
 */
final class IkeEstablishedRequests {
    private IkeEstablishedRequests() {
    }

    static void answer(IkeSession s, IkeMessage request) throws CryptoException {
        IkeExchangeType type = request.header().exchangeType();
        if (type.equals(IkeExchangeType.INFORMATIONAL)) {
            s.sendResponse(request.header(), List.of());
            boolean deletesIkeSa = request.payloads(IkeDeletePayload.class).stream()
                    .anyMatch(d -> d.protocol().equals(IkeProtocolId.IKE));
            if (deletesIkeSa) {
                s.fail(IkeFailureReason.DELETED_BY_PEER, Optional.empty(), "the peer deleted the IKE SA");
            }
        } else if (type.equals(IkeExchangeType.CREATE_CHILD_SA)) {
            s.sendResponse(request.header(), List.of(IkeNotifyPayload.status(IkeNotifyType.NO_ADDITIONAL_SAS)));
        }
    }
}
