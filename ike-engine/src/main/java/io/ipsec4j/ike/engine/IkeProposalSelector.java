package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.model.algorithm.EsnMode;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.List;
import java.util.Optional;

/**
 * Chooses one transform of each type from the peer's proposals that our configuration allows, and
 * checks the peer's choice against what we offered.
 *
 * <p>RFC 7296 §2.7: the responder accepts a single proposal, naming one transform of each type, in
 * a proposal that carries the number of the initiator's proposal it came from; the peer's order of
 * proposals and transforms is its preference. Proposals with additional key exchanges (RFC 9370)
 * are not chosen.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.7">RFC 7296 §2.7</a>
 */
final class IkeProposalSelector {
    private IkeProposalSelector() {
    }

    /** A chosen proposal and the number of the peer's proposal it answers. */
    record Chosen<P>(int number, P proposal) {
    }

    /**
     * Returns the first acceptable choice for an IKE SA, preferring {@code preferredKe} (the method
     * of the initiator's KE payload) when some acceptable proposal allows it.
     */
    static Optional<Chosen<IkeProposal>> selectIke(List<IkeSaProposal> offered, List<IkeProposal> ours,
            KeyExchangeMethod preferredKe) {
        Optional<Chosen<IkeProposal>> withPreferred = selectIke(offered, ours, preferredKe, true);
        return withPreferred.isPresent() ? withPreferred : selectIke(offered, ours, preferredKe, false);
    }

    private static Optional<Chosen<IkeProposal>> selectIke(List<IkeSaProposal> offered, List<IkeProposal> ours,
            KeyExchangeMethod preferredKe, boolean onlyPreferred) {
        for (IkeSaProposal wire : offered) {
            Optional<IkeProposal> peer = IkeSaProposals.toIkeProposal(wire);
            if (peer.isEmpty() || !peer.get().additionalKeyExchanges().isEmpty()) {
                continue;
            }
            for (IkeProposal own : ours) {
                Optional<KeyExchangeMethod> ke = onlyPreferred
                        ? Optional.of(preferredKe).filter(m -> peer.get().keyExchange().contains(m)
                                && own.keyExchange().contains(m))
                        : first(peer.get().keyExchange(), own.keyExchange());
                var e = first(peer.get().encryption(), own.encryption());
                var p = first(peer.get().prf(), own.prf());
                if (ke.isEmpty() || e.isEmpty() || p.isEmpty()) {
                    continue;
                }
                IkeProposal.Builder b = IkeProposal.builder().addEncryption(e.get()).addPrf(p.get())
                        .addKeyExchange(ke.get());
                if (!e.get().isAead()) {
                    var i = first(peer.get().integrity(), own.integrity());
                    if (i.isEmpty()) {
                        continue;
                    }
                    b.addIntegrity(i.get());
                }
                Optional<IkeProposal> built = build(b);
                if (built.isPresent()) {
                    return Optional.of(new Chosen<>(wire.number(), built.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the first acceptable choice for an ESP CHILD SA; {@code withPfs} keeps the KE transforms. */
    static Optional<Chosen<EspProposal>> selectEsp(List<IkeSaProposal> offered, List<EspProposal> ours,
            boolean withPfs) {
        for (IkeSaProposal wire : offered) {
            Optional<EspProposal> peer = IkeSaProposals.toEspProposal(wire);
            if (peer.isEmpty() || !peer.get().additionalKeyExchanges().isEmpty() || wire.spi().length() != 4) {
                continue;
            }
            for (EspProposal own : ours) {
                var e = first(peer.get().encryption(), own.encryption());
                var esn = first(peer.get().esn(), own.esn());
                if (e.isEmpty() || esn.isEmpty()) {
                    continue;
                }
                EspProposal.Builder b = EspProposal.builder().addEncryption(e.get()).addEsn(esn.get());
                var i = first(peer.get().integrity(), own.integrity());
                if (!e.get().isAead()) {
                    if (i.isEmpty()) {
                        continue;
                    }
                    b.addIntegrity(i.get());
                }
                if (withPfs && own.hasPfs()) {
                    var ke = first(peer.get().pfsGroups(), own.pfsGroups());
                    if (ke.isEmpty()) {
                        continue;
                    }
                    b.addPfsGroups(ke.get());
                }
                Optional<EspProposal> built = build(b);
                if (built.isPresent()) {
                    return Optional.of(new Chosen<>(wire.number(), built.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Returns {@code true} if {@code chosen} names one transform of each type, all from one of {@code ours}. */
    static boolean acceptsIke(IkeProposal chosen, List<IkeProposal> ours) {
        return chosen.encryption().size() == 1 && chosen.prf().size() == 1 && chosen.keyExchange().size() == 1
                && chosen.integrity().size() <= 1 && chosen.additionalKeyExchanges().isEmpty()
                && ours.stream().anyMatch(o -> o.encryption().containsAll(chosen.encryption())
                        && o.integrity().containsAll(chosen.integrity()) && o.prf().containsAll(chosen.prf())
                        && o.keyExchange().containsAll(chosen.keyExchange()));
    }

    /** Like {@link #acceptsIke} for ESP; {@code withPfs} false requires that no KE transform was chosen. */
    static boolean acceptsEsp(EspProposal chosen, List<EspProposal> ours, boolean withPfs) {
        return chosen.encryption().size() == 1 && chosen.integrity().size() <= 1 && chosen.esn().size() == 1
                && chosen.pfsGroups().size() <= (withPfs ? 1 : 0) && chosen.additionalKeyExchanges().isEmpty()
                && ours.stream().anyMatch(o -> o.encryption().containsAll(chosen.encryption())
                        && o.integrity().containsAll(chosen.integrity()) && o.esn().containsAll(chosen.esn())
                        && o.pfsGroups().containsAll(chosen.pfsGroups()));
    }

    /** Returns whether the chosen ESN transform asks for 64-bit sequence numbers. */
    static boolean esn(EspProposal chosen) {
        return chosen.esn().contains(EsnMode.ESN);
    }

    private static <T> Optional<T> first(List<T> peer, List<T> own) {
        return peer.stream().filter(own::contains).findFirst();
    }

    private static <P> Optional<P> build(Object builder) {
        try {
            @SuppressWarnings("unchecked")
            P p = (P) (builder instanceof IkeProposal.Builder b ? b.build() : ((EspProposal.Builder) builder).build());
            return Optional.of(p);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
