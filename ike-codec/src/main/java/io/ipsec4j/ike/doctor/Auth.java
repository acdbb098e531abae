package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;

import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import java.util.Optional;

/**
 * AUTHENTICATION_FAILED in IKE_AUTH: a PSK mismatch or an ID mismatch look the same on the wire, so
 * the decrypted IDs are compared with the configured responder's: IDs it does not expect mean an ID
 * mismatch (it finds no connection for them); IDs that match mean the pre-shared keys differ.
 *
 * <p>Verifying the AUTH payload itself with the PSK ({@code IkePskAuth.verify}) would also need
 * SK_pi, which Wireshark's {@code ikev2_decryption_table} does not hold (SK_ei/er and SK_ai/ar only).
 */
final class Auth {
    private Auth() {}

    static void failed(IkeDoctor doctor, SaTrace sa, Observed request, List<Finding> out) {
        if (request == null || !request.decrypted()) {
            out.add(finding("AUTHENTICATION_FAILED", Severity.ERROR, Phase.PHASE_1, "phaseOne.sharedSecret", null, null,
                    "the responder refused IKE_AUTH with AUTHENTICATION_FAILED; give the key table to tell a PSK mismatch"
                            + " from an ID mismatch."));
            return;
        }
        Optional<IkeIdPayload> idI = request.payloads(IkeIdPayload.class).stream().filter(IkeIdPayload::initiator).findFirst();
        Optional<IkeIdPayload> idR = request.payloads(IkeIdPayload.class).stream().filter(i -> !i.initiator()).findFirst();
        String sentI = idI.map(Auth::text).orElse("none");
        Optional<Tunnel> responder = Configured.responderSide(doctor.tunnel, sa);
        if (responder.isEmpty()) {
            out.add(finding("AUTHENTICATION_FAILED", Severity.ERROR, Phase.PHASE_1, "phaseOne", null, "IDi " + sentI
                    + idR.map(r -> ", IDr " + text(r)).orElse(""), "the responder refused IKE_AUTH with AUTHENTICATION_FAILED;"
                            + " give the responder's tunnel to tell a PSK mismatch from an ID mismatch."));
            return;
        }
        Identity expectedI = responder.get().phaseOne().effectiveRemoteId();
        Optional<Identity> expectedR = responder.get().phaseOne().effectiveLocalId();
        if (idI.isPresent() && !Configured.sameId(sentI, expectedI)) {
            out.add(finding("ID_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.remoteId", expectedI.value(), sentI,
                    "the initiator identifies as " + sentI + " but the responder expects " + expectedI.value()
                            + ": it finds no connection for that ID and answers AUTHENTICATION_FAILED (the PSK is not the cause)."));
        } else if (idR.isPresent() && expectedR.isPresent() && !Configured.sameId(text(idR.get()), expectedR.get())) {
            out.add(finding("ID_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.localId", expectedR.get().value(),
                    text(idR.get()), "the initiator asks for the responder ID " + text(idR.get()) + " but the responder is "
                            + expectedR.get().value() + ": it finds no connection for that ID and answers AUTHENTICATION_FAILED."));
        } else {
            out.add(finding("PSK_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.sharedSecret", null, null,
                    "the responder refused IKE_AUTH with AUTHENTICATION_FAILED although the IDs (IDi " + sentI
                            + idR.map(r -> ", IDr " + text(r)).orElse("") + ") match its configuration: the pre-shared keys differ."));
        }
    }

    static String text(IkeIdPayload id) {
        return id.address().map(Object::toString).or(id::name).orElseGet(() -> id.data().toHex());
    }
}
