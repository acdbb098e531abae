package io.ipsec4j.crypto;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EsnMode;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.List;
import java.util.Objects;

/**
 * The one algorithm per transform type of a negotiated (chosen) proposal: what a responder's SA
 * payload carries, one transform of each type (RFC 7296 §2.7, §3.3.6), read without the
 * {@code integrity().isEmpty() ? NONE : get(0)} boilerplate.
 *
 * <p>Every method refuses an offer (a proposal with two transforms of the asked type) with
 * {@link IllegalArgumentException}, so a list of alternatives is never mistaken for the choice.
 * Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.7">RFC 7296 §2.7</a>
 */
public final class ChosenProposals {
    private ChosenProposals() {
    }

    /** Returns the chosen encryption transform (with its key size). */
    public static Encryption encryption(IkeProposal chosen) {
        return only(Objects.requireNonNull(chosen, "chosen").encryption(), "IKE", "encryption transforms");
    }

    /** Returns the chosen integrity transform, {@link IntegrityAlgorithm#NONE} for AEAD. */
    public static IntegrityAlgorithm integrity(IkeProposal chosen) {
        return integrityOf(Objects.requireNonNull(chosen, "chosen").integrity(), "IKE");
    }

    /** Returns the chosen PRF. */
    public static PrfAlgorithm prf(IkeProposal chosen) {
        return only(Objects.requireNonNull(chosen, "chosen").prf(), "IKE", "PRFs");
    }

    /** Returns the chosen PRF, created with {@code providers}. */
    public static Prf createPrf(IkeProposal chosen, CryptoProviders providers) throws CryptoException {
        return Prf.create(prf(chosen), providers);
    }

    /** Returns the chosen encryption transform (with its key size). */
    public static Encryption encryption(EspProposal chosen) {
        return only(Objects.requireNonNull(chosen, "chosen").encryption(), "ESP", "encryption transforms");
    }

    /** Returns the chosen integrity transform, {@link IntegrityAlgorithm#NONE} for AEAD. */
    public static IntegrityAlgorithm integrity(EspProposal chosen) {
        return integrityOf(Objects.requireNonNull(chosen, "chosen").integrity(), "ESP");
    }

    /** Returns {@code true} if the chosen ESN transform is ESN (64-bit sequence numbers). */
    public static boolean esn(EspProposal chosen) {
        EsnMode esn = only(Objects.requireNonNull(chosen, "chosen").esn(), "ESP", "ESN transforms");
        return esn.isExtended();
    }

    private static IntegrityAlgorithm integrityOf(List<IntegrityAlgorithm> integrity, String protocol) {
        return integrity.isEmpty() ? IntegrityAlgorithm.NONE : only(integrity, protocol, "integrity transforms");
    }

    private static <T> T only(List<T> transforms, String protocol, String what) {
        if (transforms.size() != 1) {
            throw new IllegalArgumentException(protocol + " proposal with " + transforms.size() + " " + what
                    + " " + transforms + " (expected: 1, the negotiated proposal)");
        }
        return transforms.get(0);
    }
}
