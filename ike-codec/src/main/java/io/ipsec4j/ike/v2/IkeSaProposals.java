package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.EsnMode;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.TransformType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Conversion between wire proposals ({@link IkeSaProposal}) and the model's {@link IkeProposal} and
 * {@link EspProposal}.
 *
 * <p>Model to wire lists transforms in strongSwan's order (ENCR, INTEG, PRF, KE, ESN, ADDKE1–7) and
 * adds a Key Length attribute to variable-length ciphers. Wire to model is partial: a proposal is
 * only representable when its protocol matches, every transform type is one the proposal kind
 * allows, the only attribute is a TV Key Length on ENCR, a variable-length cipher has one, and the
 * model's cross-field rules hold. Otherwise the result is empty and the proposal is not selectable:
 * "If the responder receives a proposal containing a Transform Type it does not understand, or a
 * proposal that is missing a mandatory Transform Type, it MUST consider this proposal unacceptable"
 * (RFC 7296 §3.3.6). A Key Length on a fixed-key cipher (strongSwan sends one with ChaCha20-Poly1305)
 * is tolerated when it equals the cipher's key size.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.6">RFC 7296 §3.3.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9370#section-2.2.1">RFC 9370 §2.2.1</a>
 */
public final class IkeSaProposals {

    private IkeSaProposals() {}

    /** Returns the wire proposal {@code number} for an IKE SA, with {@code spi} (empty or 8 bytes). */
    public static IkeSaProposal fromIkeProposal(int number, IkeProposal proposal, Bytes spi) {
        Objects.requireNonNull(proposal, "proposal");
        List<IkeTransform> t = new ArrayList<>();
        proposal.encryption().forEach(e -> t.add(IkeTransform.of(e)));
        proposal.integrity().forEach(a -> t.add(IkeTransform.of(a)));
        proposal.prf().forEach(a -> t.add(IkeTransform.of(a)));
        proposal.keyExchange().forEach(a -> t.add(IkeTransform.of(a)));
        addAdditional(t, proposal.additionalKeyExchanges());
        return new IkeSaProposal(number, IkeProtocolId.IKE, spi, t);
    }

    /** Returns the wire proposal {@code number} for an ESP Child SA with the 4-byte {@code spi}. */
    public static IkeSaProposal fromEspProposal(int number, EspProposal proposal, Bytes spi) {
        Objects.requireNonNull(proposal, "proposal");
        List<IkeTransform> t = new ArrayList<>();
        proposal.encryption().forEach(e -> t.add(IkeTransform.of(e)));
        proposal.integrity().forEach(a -> t.add(IkeTransform.of(a)));
        proposal.pfsGroups().forEach(a -> t.add(IkeTransform.of(a)));
        proposal.esn().forEach(a -> t.add(IkeTransform.of(a)));
        addAdditional(t, proposal.additionalKeyExchanges());
        return new IkeSaProposal(number, IkeProtocolId.ESP, spi, t);
    }

    /** Like {@link #fromEspProposal(int, EspProposal, Bytes)} with the SPI as {@code EspSa.spi()} gives it. */
    public static IkeSaProposal fromEspProposal(int number, EspProposal proposal, int spi) {
        return fromEspProposal(number, proposal, IkeSpi.ofChild(spi));
    }

    private static void addAdditional(List<IkeTransform> t, SortedMap<Integer, List<KeyExchangeMethod>> additional) {
        for (Map.Entry<Integer, List<KeyExchangeMethod>> e : additional.entrySet()) {
            TransformType type = TransformType.additionalKeyExchange(e.getKey());
            for (KeyExchangeMethod m : e.getValue()) {
                t.add(new IkeTransform(type, m.id(), List.of()));
            }
        }
    }

    /** Returns the model IKE proposal, or empty when the model cannot express {@code wire}. */
    public static Optional<IkeProposal> toIkeProposal(IkeSaProposal wire) {
        IkeProposal.Builder b = IkeProposal.builder();
        return toProposal(wire, IkeProtocolId.IKE, b::addEncryption, b::addIntegrity, t -> {
            TransformType type = t.transformType();
            if (type.equals(TransformType.PRF)) {
                b.addPrf(PrfAlgorithm.valueOf(t.id()));
            } else if (type.equals(TransformType.KE)) {
                b.addKeyExchange(KeyExchangeMethod.valueOf(t.id()));
            } else {
                return false;
            }
            return true;
        }, additional -> b.additionalKeyExchanges(additional).build());
    }

    /** Returns the model ESP proposal, or empty when the model cannot express {@code wire}. */
    public static Optional<EspProposal> toEspProposal(IkeSaProposal wire) {
        EspProposal.Builder b = EspProposal.builder();
        return toProposal(wire, IkeProtocolId.ESP, b::addEncryption, b::addIntegrity, t -> {
            TransformType type = t.transformType();
            if (type.equals(TransformType.KE)) {
                b.addPfsGroups(KeyExchangeMethod.valueOf(t.id()));
            } else if (type.equals(TransformType.ESN)) {
                b.addEsn(EsnMode.valueOf(t.id()));
            } else {
                return false;
            }
            return true;
        }, additional -> b.additionalKeyExchanges(additional).build());
    }

    /**
     * The shared part of wire to model: checks the protocol, feeds ENCR and INTEG transforms to
     * {@code encryption} and {@code integrity}, offers any other attribute-free transform to {@code
     * other} (which returns {@code false} for a type the proposal kind does not allow), collects
     * the additional key exchanges and builds; empty when any step rejects the proposal.
     */
    private static <P> Optional<P> toProposal(IkeSaProposal wire, IkeProtocolId protocol,
            Consumer<Encryption> encryption, Consumer<IntegrityAlgorithm> integrity,
            Predicate<IkeTransform> other, Function<SortedMap<Integer, List<KeyExchangeMethod>>, P> build) {
        if (!wire.protocol().equals(protocol)) {
            return Optional.empty();
        }
        SortedMap<Integer, List<KeyExchangeMethod>> additional = new TreeMap<>();
        for (IkeTransform t : wire.transforms()) {
            TransformType type = t.transformType();
            if (type.equals(TransformType.ENCR)) {
                Optional<Encryption> e = encryption(t);
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                encryption.accept(e.get());
            } else if (!t.attributes().isEmpty()) {
                return Optional.empty();
            } else if (type.equals(TransformType.INTEG)) {
                integrity.accept(IntegrityAlgorithm.valueOf(t.id()));
            } else if (type.isAdditionalKeyExchange()) {
                additional.computeIfAbsent(type.additionalKeyExchangeIndex(), k -> new ArrayList<>())
                        .add(KeyExchangeMethod.valueOf(t.id()));
            } else if (!other.test(t)) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(build.apply(freeze(additional)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static SortedMap<Integer, List<KeyExchangeMethod>> freeze(SortedMap<Integer, List<KeyExchangeMethod>> m) {
        m.replaceAll((k, v) -> List.copyOf(v));
        return m;
    }

    /** The ENCR transform as a model value: the Key Length attribute is the only one allowed. */
    private static Optional<Encryption> encryption(IkeTransform t) {
        for (IkeTransformAttribute a : t.attributes()) {
            if (a.attributeType() != IkeTransformAttribute.KEY_LENGTH || !a.tv()) {
                return Optional.empty();
            }
        }
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.valueOf(t.id());
        OptionalInt keyLength = t.keyLength();
        try {
            if (keyLength.isPresent()) {
                return Optional.of(Encryption.of(algorithm, keyLength.getAsInt()));
            }
            if (algorithm.hasVariableKeyLength() || !algorithm.isKnown()) {
                return Optional.empty(); // RFC 7296 §3.3.5: the key length is mandatory for these
            }
            return Optional.of(Encryption.of(algorithm));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
