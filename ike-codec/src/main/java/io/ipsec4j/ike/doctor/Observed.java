package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v1.IkeV1CaptureResult;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One IKE message of a capture as the doctor sees it: the datagram, the decoded message (IKEv2 or
 * IKEv1), the inner payloads of an IKEv2 SK payload when a key row decrypted it (an IKEv1 message is
 * replaced by its plaintext when the IKEv1 key table opened it; {@code v1Outcome} says what the IKEv1
 * decryptor did, {@code null} without an IKEv1 key for the SA), and whether the same bytes were already
 * seen in the same direction (a retransmission).
 */
record Observed(UdpDatagram datagram, int size, boolean fromInitiator, boolean response, long messageId,
        IkeMessage v2, List<IkePayload> inner, boolean decrypted, IkeV1Message v1, boolean retransmission,
        IkeV1CaptureResult.Outcome v1Outcome) {

    /** True for an IKEv1 message sent encrypted, whether or not the key table opened it. */
    boolean encryptedV1() {
        return v1 != null && (decrypted || v1.header().encrypted());
    }

    /** True for an IKEv1 message the key table's key did not open (the other end keyed differently). */
    boolean v1KeyFailed() {
        return v1Outcome == IkeV1CaptureResult.Outcome.INTEGRITY_CHECK_FAILED;
    }

    /** The payloads in the clear followed by the decrypted inner ones. */
    List<IkePayload> allPayloads() {
        List<IkePayload> all = new ArrayList<>(v2 == null ? List.of() : v2.payloads());
        all.addAll(inner);
        return all;
    }

    <T extends IkePayload> List<T> payloads(Class<T> type) {
        return allPayloads().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends IkePayload> Optional<T> payload(Class<T> type) {
        return payloads(type).stream().findFirst();
    }

    Optional<IkeNotifyPayload> notify(IkeNotifyType type) {
        return payloads(IkeNotifyPayload.class).stream().filter(n -> n.notifyType().equals(type)).findFirst();
    }

    /** The first error notify (type below 16384), clear or decrypted. */
    Optional<IkeNotifyPayload> error() {
        return payloads(IkeNotifyPayload.class).stream().filter(IkeNotifyPayload::isError).findFirst();
    }
}
