package io.ipsec4j.model.check;

import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.EsnMode;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proposal selection as an RFC 7296 §2.7 responder does it: it takes the first of the
 * initiator's proposals for which every transform type has a transform both ends accept.
 *
 * <p>A proposal is seen here as an ordered map from transform type name to its alternatives. A
 * type that one end lists and the other does not (integrity for AEAD against non-AEAD, PFS groups
 * against none) has no overlap.
 */
final class ProposalMatch {
    /** The transforms one proposal offers, per type, in preference order. */
    static final class Offer {
        final String text;
        final Map<String, List<Object>> transforms;

        Offer(String text, Map<String, List<Object>> transforms) {
            this.text = text;
            this.transforms = transforms;
        }
    }

    /** The outcome: a selected suite, or the types that have no common transform. */
    static final class Result {
        final Optional<String> selected;
        final List<String> typesWithoutOverlap;
        final Offer closestOurs;
        final Offer closestTheirs;

        Result(Optional<String> selected, List<String> typesWithoutOverlap, Offer closestOurs, Offer closestTheirs) {
            this.selected = selected;
            this.typesWithoutOverlap = typesWithoutOverlap;
            this.closestOurs = closestOurs;
            this.closestTheirs = closestTheirs;
        }

        boolean matches() {
            return selected.isPresent();
        }
    }

    private ProposalMatch() {}

    static Offer ike(IkeProposal p) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("encryption", List.copyOf(p.encryption()));
        m.put("integrity", List.copyOf(p.integrity()));
        m.put("PRF", List.copyOf(p.prf()));
        m.put("key exchange (DH group)", List.copyOf(p.keyExchange()));
        p.additionalKeyExchanges().forEach((n, list) -> m.put("additional key exchange " + n, List.copyOf(list)));
        return new Offer(p.toStrongSwan(), m);
    }

    /** An ESP offer; {@code withPfs} false leaves the KE groups out, as IKE_AUTH's first CHILD SA does. */
    static Offer esp(EspProposal p, boolean withPfs) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("encryption", List.copyOf(p.encryption()));
        m.put("integrity", List.copyOf(p.integrity()));
        m.put("ESN", List.copyOf(p.esn()));
        if (withPfs) {
            m.put("PFS group", List.copyOf(p.pfsGroups()));
            p.additionalKeyExchanges().forEach((n, list) -> m.put("additional key exchange " + n, List.copyOf(list)));
        }
        return new Offer(p.toStrongSwan(), m);
    }

    /**
     * What a responder with {@code responder}'s proposals selects from {@code initiator}'s.
     * The closest pair (most types in common) is kept for the explanation of a failure.
     */
    static Result select(List<Offer> initiator, List<Offer> responder) {
        Offer bestI = initiator.get(0);
        Offer bestR = responder.get(0);
        List<String> bestMissing = null;
        for (Offer i : initiator) {
            for (Offer r : responder) {
                List<String> missing = missingTypes(i, r);
                if (missing.isEmpty()) {
                    return new Result(Optional.of(describeSelection(i, r)), List.of(), i, r);
                }
                if (bestMissing == null || missing.size() < bestMissing.size()) {
                    bestMissing = missing;
                    bestI = i;
                    bestR = r;
                }
            }
        }
        return new Result(Optional.empty(), bestMissing, bestI, bestR);
    }

    private static List<String> missingTypes(Offer a, Offer b) {
        List<String> missing = new ArrayList<>();
        for (String type : unionOfTypes(a, b)) {
            List<Object> x = a.transforms.getOrDefault(type, List.of());
            List<Object> y = b.transforms.getOrDefault(type, List.of());
            boolean ok = (x.isEmpty() && y.isEmpty()) || x.stream().anyMatch(y::contains);
            if (!ok) {
                missing.add(type);
            }
        }
        return missing;
    }

    private static List<String> unionOfTypes(Offer a, Offer b) {
        List<String> types = new ArrayList<>(a.transforms.keySet());
        b.transforms.keySet().stream().filter(t -> !types.contains(t)).forEach(types::add);
        return types;
    }

    /** The transform of each type the initiator prefers among those the responder accepts. */
    private static String describeSelection(Offer i, Offer r) {
        List<String> parts = new ArrayList<>();
        for (String type : unionOfTypes(i, r)) {
            List<Object> y = r.transforms.getOrDefault(type, List.of());
            i.transforms.getOrDefault(type, List.of()).stream().filter(y::contains).findFirst()
                    .ifPresent(t -> parts.add(keyword(t)));
        }
        return String.join("-", parts);
    }

    /** {@code [a, b]} of one type for messages. */
    static String listOf(Offer o, String type) {
        List<Object> values = o.transforms.getOrDefault(type, List.of());
        return values.isEmpty() ? "none" : values.stream().map(ProposalMatch::keyword).collect(Collectors.joining(", "));
    }

    /** strongSwan's keyword for a transform ({@code aes256gcm16}, {@code prfsha384}, {@code ecp384}, {@code esn}). */
    static String keyword(Object transform) {
        Optional<String> name = Optional.empty();
        if (transform instanceof IntegrityAlgorithm) {
            name = AlgorithmNames.name(Vendor.STRONGSWAN, (IntegrityAlgorithm) transform);
        } else if (transform instanceof PrfAlgorithm) {
            name = AlgorithmNames.name(Vendor.STRONGSWAN, (PrfAlgorithm) transform);
        } else if (transform instanceof KeyExchangeMethod) {
            name = AlgorithmNames.name(Vendor.STRONGSWAN, (KeyExchangeMethod) transform);
        } else if (transform instanceof EsnMode) {
            name = Optional.of(EsnMode.ESN.equals(transform) ? "esn" : "noesn");
        }
        return name.orElseGet(transform::toString);
    }

    /** The first KE group of each IKE offer: the one the initiator sends in IKE_SA_INIT. */
    static Optional<KeyExchangeMethod> firstKe(List<IkeProposal> proposals) {
        return proposals.stream().flatMap(p -> p.keyExchange().stream()).findFirst();
    }

    static <T> List<Offer> offers(List<T> proposals, Function<T, Offer> f) {
        return proposals.stream().map(f).collect(Collectors.toList());
    }
}
