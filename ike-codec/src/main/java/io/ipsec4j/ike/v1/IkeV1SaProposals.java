package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IkeV1AuthMethod;
import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.IkeV1LifeType;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Conversion between IKEv1 SA proposals and the model's {@link IkeProposal} / {@link EspProposal}.
 *
 * <p>An IKEv1 transform is a complete suite, where the model keeps one list per transform type.
 * Building a proposal expands the lists into every combination (encryption × hash × group in phase
 * 1; encryption × integrity in phase 2, the PFS group an attribute of each), in the order of the
 * lists; reading one collapses the transforms back into the lists, in order of first appearance.
 * Phase 1 carries the authentication method and the lifetime (seconds, and kilobytes when the
 * model has bytes) in every transform; phase 2 the encapsulation mode and lifetime. A transform
 * with a value the model cannot express makes the result empty.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 Appendix A</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 §4.5</a>
 */
public final class IkeV1SaProposals {
    private IkeV1SaProposals() {}

    /** Returns the phase 1 proposal (protocol ISAKMP, no SPI) offering every suite of {@code proposal}. */
    public static IkeV1Proposal toPhase1(IkeProposal proposal, IkeV1AuthMethod auth, Lifetime lifetime) {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(lifetime, "lifetime");
        List<PrfAlgorithm> hashes = proposal.prf();
        List<IkeV1Transform> transforms = new ArrayList<>();
        for (Encryption e : proposal.encryption()) {
            for (PrfAlgorithm h : hashes) {
                for (KeyExchangeMethod g : proposal.keyExchange()) {
                    List<IkeV1DataAttribute> a = new ArrayList<>();
                    a.add(IkeV1DataAttribute.basic(IkeV1Phase1Attributes.ENCRYPTION_ALGORITHM, require(
                            IkeV1Attributes.phase1EncryptionValue(e.algorithm()), e)));
                    if (e.algorithm().hasVariableKeyLength()) {
                        a.add(IkeV1DataAttribute.basic(IkeV1Phase1Attributes.KEY_LENGTH, e.keyBits()));
                    }
                    a.add(IkeV1DataAttribute.basic(IkeV1Phase1Attributes.HASH_ALGORITHM, require(IkeV1Attributes.hashValue(h), h)));
                    a.add(IkeV1DataAttribute.basic(IkeV1Phase1Attributes.AUTHENTICATION_METHOD, auth.value()));
                    a.add(IkeV1DataAttribute.basic(IkeV1Phase1Attributes.GROUP_DESCRIPTION,
                            IkeV1Attributes.groupDescriptionValue(g)));
                    lifetimes(a, lifetime, IkeV1Phase1Attributes.LIFE_TYPE, IkeV1Phase1Attributes.LIFE_DURATION);
                    transforms.add(new IkeV1Transform(transforms.size() + 1, IkeV1Phase1Attributes.TRANSFORM_KEY_IKE, a));
                }
            }
        }
        return new IkeV1Proposal(1, IkeV1Phase1Attributes.PROTO_ISAKMP, Bytes.EMPTY, transforms);
    }

    /** Returns the phase 2 ESP proposal with inbound {@code spi} offering every suite of {@code proposal}. */
    public static IkeV1Proposal toPhase2(EspProposal proposal, int spi, int encapsulationMode, Lifetime lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        List<IntegrityAlgorithm> integrities = proposal.isAead() ? List.of(IntegrityAlgorithm.NONE) : proposal.integrity();
        List<IkeV1Transform> transforms = new ArrayList<>();
        for (Encryption e : proposal.encryption()) {
            for (IntegrityAlgorithm i : integrities) {
                List<IkeV1DataAttribute> a = new ArrayList<>();
                lifetimes(a, lifetime, IkeV1IpsecAttributes.SA_LIFE_TYPE, IkeV1IpsecAttributes.SA_LIFE_DURATION);
                if (!proposal.pfsGroups().isEmpty()) {
                    a.add(IkeV1DataAttribute.basic(IkeV1IpsecAttributes.GROUP_DESCRIPTION,
                            IkeV1Attributes.groupDescriptionValue(proposal.pfsGroups().get(0))));
                }
                a.add(IkeV1DataAttribute.basic(IkeV1IpsecAttributes.ENCAPSULATION_MODE, encapsulationMode));
                if (!i.equals(IntegrityAlgorithm.NONE)) {
                    a.add(IkeV1DataAttribute.basic(IkeV1IpsecAttributes.AUTHENTICATION_ALGORITHM,
                            require(IkeV1Attributes.authenticationAlgorithmValue(i), i)));
                }
                if (e.algorithm().hasVariableKeyLength()) {
                    a.add(IkeV1DataAttribute.basic(IkeV1IpsecAttributes.KEY_LENGTH, e.keyBits()));
                }
                transforms.add(new IkeV1Transform(transforms.size() + 1,
                        require(IkeV1Attributes.espTransformId(e.algorithm()), e), a));
            }
        }
        byte[] s = {(byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi};
        return new IkeV1Proposal(1, IkeV1IpsecAttributes.PROTO_IPSEC_ESP, Bytes.of(s), transforms);
    }

    /** Collapses a phase 1 proposal's transforms into an {@link IkeProposal}. */
    public static Optional<IkeProposal> toIkeProposal(IkeV1Proposal proposal) {
        try {
            return collapsePhase1(proposal);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty(); // a key length or combination the model rejects
        }
    }

    private static Optional<IkeProposal> collapsePhase1(IkeV1Proposal proposal) {
        Set<Encryption> enc = new LinkedHashSet<>();
        Set<PrfAlgorithm> prf = new LinkedHashSet<>();
        Set<IntegrityAlgorithm> integ = new LinkedHashSet<>();
        Set<KeyExchangeMethod> groups = new LinkedHashSet<>();
        for (IkeV1Transform t : proposal.transforms()) {
            OptionalInt e = value(t, IkeV1Phase1Attributes.ENCRYPTION_ALGORITHM);
            OptionalInt h = value(t, IkeV1Phase1Attributes.HASH_ALGORITHM);
            OptionalInt g = value(t, IkeV1Phase1Attributes.GROUP_DESCRIPTION);
            if (e.isEmpty() || h.isEmpty() || g.isEmpty()) {
                return Optional.empty();
            }
            Optional<EncryptionAlgorithm> ea = IkeV1Attributes.phase1Encryption(e.getAsInt());
            Optional<PrfAlgorithm> p = IkeV1Attributes.hashToPrf(h.getAsInt());
            Optional<IntegrityAlgorithm> i = IkeV1Attributes.hashToIntegrity(h.getAsInt());
            if (ea.isEmpty() || p.isEmpty() || i.isEmpty()) {
                return Optional.empty();
            }
            enc.add(encryption(ea.get(), value(t, IkeV1Phase1Attributes.KEY_LENGTH)));
            prf.add(p.get());
            integ.add(i.get());
            groups.add(IkeV1Attributes.groupDescription(g.getAsInt()));
        }
        return Optional.of(IkeProposal.builder().addAllEncryption(enc).addAllPrf(prf).addAllIntegrity(integ)
                .addAllKeyExchange(groups).build());
    }

    /** Collapses a phase 2 ESP proposal's transforms into an {@link EspProposal}. */
    public static Optional<EspProposal> toEspProposal(IkeV1Proposal proposal) {
        try {
            return collapsePhase2(proposal);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty(); // a key length or combination the model rejects
        }
    }

    private static Optional<EspProposal> collapsePhase2(IkeV1Proposal proposal) {
        if (proposal.protocolId() != IkeV1IpsecAttributes.PROTO_IPSEC_ESP) {
            return Optional.empty();
        }
        Set<Encryption> enc = new LinkedHashSet<>();
        Set<IntegrityAlgorithm> integ = new LinkedHashSet<>();
        Set<KeyExchangeMethod> groups = new LinkedHashSet<>();
        for (IkeV1Transform t : proposal.transforms()) {
            Optional<EncryptionAlgorithm> ea = IkeV1Attributes.espTransform(t.transformId());
            if (ea.isEmpty()) {
                return Optional.empty();
            }
            enc.add(encryption(ea.get(), value(t, IkeV1IpsecAttributes.KEY_LENGTH)));
            OptionalInt a = value(t, IkeV1IpsecAttributes.AUTHENTICATION_ALGORITHM);
            if (a.isPresent()) {
                Optional<IntegrityAlgorithm> i = IkeV1Attributes.authenticationAlgorithm(a.getAsInt());
                if (i.isEmpty()) {
                    return Optional.empty();
                }
                integ.add(i.get());
            }
            value(t, IkeV1IpsecAttributes.GROUP_DESCRIPTION).ifPresent(g -> groups.add(IkeV1Attributes.groupDescription(g)));
        }
        return Optional.of(EspProposal.builder().addAllEncryption(enc).addAllIntegrity(integ).addAllPfsGroups(groups)
                .build());
    }

    /** Returns the authentication method of a phase 1 transform. */
    public static Optional<IkeV1AuthMethod> authMethod(IkeV1Transform transform) {
        OptionalInt v = value(transform, IkeV1Phase1Attributes.AUTHENTICATION_METHOD);
        return v.isPresent() ? Optional.of(IkeV1AuthMethod.valueOf(v.getAsInt())) : Optional.empty();
    }

    /**
     * Returns the lifetime of a transform (phase 1 classes 11/12, phase 2 classes 1/2): seconds and,
     * if present, kilobytes as bytes; a transform without a duration in seconds gives the RFC 2407
     * §4.5 default of 28800 seconds.
     */
    public static Lifetime lifetime(IkeV1Transform transform, boolean phase1) {
        int typeClass = phase1 ? IkeV1Phase1Attributes.LIFE_TYPE : IkeV1IpsecAttributes.SA_LIFE_TYPE;
        long seconds = 28_800;
        Long kilobytes = null;
        List<IkeV1DataAttribute> a = transform.attributes();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).type() == typeClass && a.get(i).basic()) {
                long value = a.get(i + 1).longValue();
                if (a.get(i).longValue() == IkeV1LifeType.SECONDS.value()) {
                    seconds = value;
                } else if (a.get(i).longValue() == IkeV1LifeType.KILOBYTES.value()) {
                    kilobytes = value;
                }
            }
        }
        Lifetime.Builder b = Lifetime.builder().time(java.time.Duration.ofSeconds(seconds));
        if (kilobytes != null) {
            b.bytes(kilobytes * 1024);
        }
        return b.build();
    }

    private static void lifetimes(List<IkeV1DataAttribute> a, Lifetime lifetime, int typeClass, int durationClass) {
        a.add(IkeV1DataAttribute.basic(typeClass, IkeV1LifeType.SECONDS.value()));
        a.add(IkeV1DataAttribute.number(durationClass, lifetime.time().getSeconds()));
        if (lifetime.bytes().isPresent()) {
            a.add(IkeV1DataAttribute.basic(typeClass, IkeV1LifeType.KILOBYTES.value()));
            a.add(IkeV1DataAttribute.number(durationClass, Math.max(1, lifetime.bytes().getAsLong() / 1024)));
        }
    }

    private static Encryption encryption(EncryptionAlgorithm a, OptionalInt bits) {
        return bits.isPresent() ? Encryption.of(a, bits.getAsInt()) : Encryption.of(a);
    }

    private static OptionalInt value(IkeV1Transform t, int type) {
        Optional<IkeV1DataAttribute> a = t.attribute(type);
        if (a.isEmpty() || a.get().value().length() > 4) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) a.get().longValue());
    }

    private static int require(OptionalInt value, Object algorithm) {
        return value.orElseThrow(() -> new IllegalArgumentException("no IKEv1 value for " + algorithm));
    }
}
