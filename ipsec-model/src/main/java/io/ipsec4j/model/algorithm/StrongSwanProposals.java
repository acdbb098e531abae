package io.ipsec4j.model.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes strongSwan proposal strings ({@code ike=} / {@code esp=} in ipsec.conf,
 * {@code proposals} in swanctl.conf), the lingua franca of IPsec configuration.
 *
 * <p>A proposal is a {@code -}-separated list of keywords in any order, case-insensitive:
 * encryption ({@code aes256gcm16}), integrity ({@code sha256}), PRF ({@code prfsha384}), key exchange
 * ({@code modp2048}, {@code x25519}, {@code mlkem768}), ESN ({@code esn}, {@code noesn}; ESP only) and
 * RFC 9370 additional key exchanges ({@code ke1_mlkem768}). Aliases are read ({@code aes} = aes128,
 * {@code aes128gcm64} = aes128gcm8, {@code aes128gcm} = aes128gcm16, {@code sha} = sha1,
 * {@code sha2_256} = sha256, {@code x25519} = curve25519). As in strongSwan, an IKE proposal without
 * a PRF keyword gets the PRFs matching its integrity algorithms
 * ({@link IntegrityAlgorithm#matchingPrf()}). {@code none} is the key exchange method NONE (optional
 * PFS, {@code ke1_none} for an optional additional exchange).
 *
 * <p>Writing is canonical: keywords in the order encryption, integrity, PRF, key exchange, additional
 * key exchanges, ESN, each list in its order; the PRF keywords are left out when they equal the
 * derived ones, and {@code noesn} when it is the only ESN mode. So {@code format(parse(s))} is stable
 * and {@code parse(format(p)).equals(p)}. Transforms without a strongSwan keyword are written in an
 * ipsec4j extension that strongSwan does not accept: {@code encr<id>_<bits>}, {@code integ<id>},
 * {@code prf<id>}, {@code ke<id>}, {@code esn<id>}.
 *
 * @see <a href="https://docs.strongswan.org/docs/latest/config/proposals.html">strongSwan proposals</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 */
public final class StrongSwanProposals {

    private StrongSwanProposals() {}

    /**
     * Reads an IKE proposal such as {@code aes256gcm16-prfsha384-ecp384-modp2048}.
     *
     * @throws UnknownAlgorithmNameException for a keyword strongSwan does not know
     * @throws IllegalArgumentException for an empty keyword, a keyword not allowed in IKE (ESN) or an
     *     invalid proposal
     */
    public static IkeProposal parseIke(String proposal) {
        Parsed p = parse(proposal, "IKE");
        List<PrfAlgorithm> prf = p.prf.isEmpty() ? derivedPrf(p.integrity) : p.prf;
        return IkeProposal.builder().encryption(p.encryption).integrity(p.integrity).prf(prf)
                .keyExchange(p.keyExchange).additionalKeyExchanges(p.additional).build();
    }

    /**
     * Reads an ESP proposal such as {@code aes128-sha256-modp2048-esn}.
     *
     * @throws UnknownAlgorithmNameException for a keyword strongSwan does not know
     * @throws IllegalArgumentException for an empty keyword, a keyword not allowed in ESP (PRF) or an
     *     invalid proposal
     */
    public static EspProposal parseEsp(String proposal) {
        Parsed p = parse(proposal, "ESP");
        return EspProposal.builder().encryption(p.encryption).integrity(p.integrity)
                .pfsGroups(p.keyExchange).esn(p.esn).additionalKeyExchanges(p.additional).build();
    }

    /** Writes {@code proposal} canonically, for example {@code aes128-sha256-modp2048}. */
    public static String format(IkeProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        List<String> out = new ArrayList<>();
        proposal.encryption().forEach(e -> out.add(StrongSwanKeywords.keyword(e)));
        proposal.integrity().forEach(i -> out.add(StrongSwanKeywords.keyword(i)));
        if (!proposal.prf().equals(derivedPrf(proposal.integrity()))) {
            proposal.prf().forEach(p -> out.add(StrongSwanKeywords.keyword(p)));
        }
        proposal.keyExchange().forEach(k -> out.add(StrongSwanKeywords.keyword(k)));
        addAdditional(out, proposal.additionalKeyExchanges());
        return String.join("-", out);
    }

    /** Writes {@code proposal} canonically, for example {@code aes256-sha256-modp2048-esn}. */
    public static String format(EspProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        List<String> out = new ArrayList<>();
        proposal.encryption().forEach(e -> out.add(StrongSwanKeywords.keyword(e)));
        proposal.integrity().forEach(i -> out.add(StrongSwanKeywords.keyword(i)));
        proposal.pfsGroups().forEach(k -> out.add(StrongSwanKeywords.keyword(k)));
        addAdditional(out, proposal.additionalKeyExchanges());
        if (!proposal.esn().equals(List.of(EsnMode.NO_ESN))) {
            proposal.esn().forEach(m -> out.add(StrongSwanKeywords.keyword(m)));
        }
        return String.join("-", out);
    }

    /**
     * The PRFs strongSwan adds to an IKE proposal without one: those matching the integrity
     * algorithms ({@link IntegrityAlgorithm#matchingPrf()}), in order, without repeats.
     */
    public static List<PrfAlgorithm> derivedPrf(List<IntegrityAlgorithm> integrity) {
        Set<PrfAlgorithm> prf = new LinkedHashSet<>();
        for (IntegrityAlgorithm i : integrity) {
            if (i.matchingPrf() != null) {
                prf.add(i.matchingPrf());
            }
        }
        return List.copyOf(prf);
    }

    private static void addAdditional(List<String> out, SortedMap<Integer, List<KeyExchangeMethod>> add) {
        for (Map.Entry<Integer, List<KeyExchangeMethod>> e : add.entrySet()) {
            for (KeyExchangeMethod m : e.getValue()) {
                out.add("ke" + e.getKey() + "_" + StrongSwanKeywords.keyword(m));
            }
        }
    }

    /** The keywords of one proposal string, sorted by transform type, in order. */
    private static final class Parsed {
        final List<Encryption> encryption = new ArrayList<>();
        final List<IntegrityAlgorithm> integrity = new ArrayList<>();
        final List<PrfAlgorithm> prf = new ArrayList<>();
        final List<KeyExchangeMethod> keyExchange = new ArrayList<>();
        final List<EsnMode> esn = new ArrayList<>();
        final SortedMap<Integer, List<KeyExchangeMethod>> additional = new TreeMap<>();
    }

    private static Parsed parse(String proposal, String protocol) {
        Objects.requireNonNull(proposal, "proposal");
        if (proposal.isBlank()) {
            throw new IllegalArgumentException(protocol + " proposal: empty (expected: keywords such as "
                    + (protocol.equals("IKE") ? "aes128-sha256-modp2048" : "aes128-sha256") + ")");
        }
        Parsed p = new Parsed();
        int start = 0;
        while (start <= proposal.length()) {
            int end = proposal.indexOf('-', start);
            if (end < 0) {
                end = proposal.length();
            }
            String token = proposal.substring(start, end);
            int offset = start + (token.length() - token.stripLeading().length());
            add(p, token.strip(), offset, proposal, protocol);
            start = end + 1;
        }
        return p;
    }

    private static void add(Parsed p, String token, int offset, String proposal, String protocol) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(protocol + " proposal " + UnknownAlgorithmNameException.quote(
                    proposal) + ": empty keyword at offset " + offset + " (expected: keywords separated by '-')");
        }
        Object value;
        try {
            value = StrongSwanKeywords.resolve(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyword " + UnknownAlgorithmNameException.quote(token)
                    + " at offset " + offset + " of " + UnknownAlgorithmNameException.quote(proposal)
                    + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new UnknownAlgorithmNameException(Vendor.STRONGSWAN, "keyword", token,
                    StrongSwanKeywords.ALL.suggestions(token), offset, proposal);
        }
        if (value instanceof Encryption) {
            p.encryption.add((Encryption) value);
        } else if (value instanceof IntegrityAlgorithm) {
            p.integrity.add((IntegrityAlgorithm) value);
        } else if (value instanceof KeyExchangeMethod) {
            p.keyExchange.add((KeyExchangeMethod) value);
        } else if (value instanceof StrongSwanKeywords.AdditionalKe) {
            StrongSwanKeywords.AdditionalKe a = (StrongSwanKeywords.AdditionalKe) value;
            p.additional.computeIfAbsent(a.index(), i -> new ArrayList<>()).add(a.method());
        } else if (value instanceof PrfAlgorithm) {
            if (protocol.equals("ESP")) {
                throw notAllowed(token, offset, proposal, "PRFs are negotiated for IKE SAs only");
            }
            p.prf.add((PrfAlgorithm) value);
        } else {
            if (protocol.equals("IKE")) {
                throw notAllowed(token, offset, proposal, "ESN is negotiated for ESP and AH SAs only");
            }
            p.esn.add((EsnMode) value);
        }
    }

    private static IllegalArgumentException notAllowed(String token, int offset, String proposal,
            String why) {
        return new IllegalArgumentException("keyword " + UnknownAlgorithmNameException.quote(token)
                + " at offset " + offset + " of " + UnknownAlgorithmNameException.quote(proposal)
                + " is not allowed here (" + why + ", RFC 7296 §3.3.2)");
    }
}
