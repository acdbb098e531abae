package io.ipsec4j.ike.probe;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IkeV1Attributes;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.StrongSwanProposals;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The transforms an {@link IkeProbe} asks about, per transform type, in the order it offers them.
 *
 * <p>Each candidate costs about one datagram, so the lists are what bounds a probe's length
 * besides {@link IkeProbeLimits}. The defaults are what IKE gateways are configured with in
 * practice, strong and weak (so that a remote accepting DES or MODP-768 is told), written in
 * strongSwan's proposal keywords. For IKEv1 only the transforms with an IKEv1 phase 1 value are
 * offered: CBC ciphers, the hash algorithms (integrity and PRF at once) and the groups.
 *
 * @param encryption the encryption transforms (AEAD and not)
 * @param integrity the integrity transforms
 * @param prf the PRFs
 * @param keyExchange the key exchange methods (Diffie-Hellman groups)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 */
public record IkeProbeCandidates(List<Encryption> encryption, List<IntegrityAlgorithm> integrity,
        List<PrfAlgorithm> prf, List<KeyExchangeMethod> keyExchange) {

    private static final IkeProposal DEFAULT_CBC = StrongSwanProposals.parseIke(
            "aes256-aes192-aes128-aes256ctr-aes128ctr-camellia256-camellia128-3des-des"
                    + "-sha512-sha384-sha256-sha1-md5-aesxcbc-aescmac"
                    + "-prfsha512-prfsha384-prfsha256-prfsha1-prfmd5-prfaesxcbc-prfaescmac"
                    + "-ecp256-modp2048-curve25519-ecp384-ecp521-modp3072-modp4096-modp6144-modp8192-modp1536"
                    + "-modp1024-modp768-curve448-ecp224-ecp192-ecp256bp-ecp384bp-ecp512bp-ecp224bp"
                    + "-modp2048s256-modp2048s224-modp1024s160");
    private static final IkeProposal DEFAULT_AEAD = StrongSwanProposals.parseIke(
            "aes256gcm16-aes192gcm16-aes128gcm16-aes256gcm12-aes128gcm12-aes256gcm8-aes128gcm8"
                    + "-aes256ccm16-aes128ccm16-chacha20poly1305-prfsha256-ecp256");

    /** Copies the lists and checks that none is empty. */
    public IkeProbeCandidates {
        encryption = nonEmpty(encryption, "encryption");
        integrity = List.copyOf(Objects.requireNonNull(integrity, "integrity"));
        prf = nonEmpty(prf, "prf");
        keyExchange = nonEmpty(keyExchange, "keyExchange");
        if (keyExchange.contains(KeyExchangeMethod.NONE)) {
            throw new IllegalArgumentException("key exchange candidates " + keyExchange
                    + " (expected: real groups, IKE_SA_INIT always exchanges keys)");
        }
        if (integrity.isEmpty() && encryption.stream().anyMatch(e -> !e.isAead())) {
            throw new IllegalArgumentException("no integrity candidates for the non-AEAD encryption candidates");
        }
        offers(encryption, integrity, prf, keyExchange); // every candidate must be valid in an IKE proposal
    }

    /**
     * Returns the IKEv2 proposals offering these transforms: one without AEAD (with the integrity
     * transforms) and one with AEAD, as far as there are such ciphers (RFC 5282 §8 keeps them apart).
     */
    static List<IkeProposal> offers(List<Encryption> enc, List<IntegrityAlgorithm> integ, List<PrfAlgorithm> prf,
            List<KeyExchangeMethod> ke) {
        List<IkeProposal> out = new ArrayList<>();
        List<Encryption> plain = enc.stream().filter(e -> !e.isAead()).toList();
        List<Encryption> aead = enc.stream().filter(Encryption::isAead).toList();
        if (!plain.isEmpty() && !integ.isEmpty()) {
            out.add(IkeProposal.builder().encryption(plain).integrity(integ).prf(prf).keyExchange(ke).build());
        }
        if (!aead.isEmpty()) {
            out.add(IkeProposal.builder().encryption(aead).prf(prf).keyExchange(ke).build());
        }
        return out;
    }

    private static <T> List<T> nonEmpty(List<T> list, String what) {
        List<T> copy = List.copyOf(Objects.requireNonNull(list, what));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " candidates: none (expected: at least one)");
        }
        return copy;
    }

    /** The default candidates: 20 encryption, 7 integrity, 7 PRF and 22 key exchange transforms. */
    public static IkeProbeCandidates defaults() {
        List<Encryption> enc = new ArrayList<>(DEFAULT_AEAD.encryption());
        enc.addAll(DEFAULT_CBC.encryption());
        return new IkeProbeCandidates(enc, DEFAULT_CBC.integrity(), DEFAULT_CBC.prf(), DEFAULT_CBC.keyExchange());
    }

    /**
     * Returns the candidates of a strongSwan-style list of proposals (as {@code Probe --offer} takes
     * them): every transform of every proposal, first occurrence kept.
     */
    public static IkeProbeCandidates of(List<IkeProposal> proposals) {
        List<Encryption> enc = new ArrayList<>();
        List<IntegrityAlgorithm> integ = new ArrayList<>();
        List<PrfAlgorithm> prf = new ArrayList<>();
        List<KeyExchangeMethod> ke = new ArrayList<>();
        for (IkeProposal p : proposals) {
            p.encryption().stream().filter(e -> !enc.contains(e)).forEach(enc::add);
            p.integrity().stream().filter(i -> !integ.contains(i)).forEach(integ::add);
            p.prf().stream().filter(x -> !prf.contains(x)).forEach(prf::add);
            p.keyExchange().stream().filter(k -> !ke.contains(k)).forEach(ke::add);
        }
        return new IkeProbeCandidates(enc, integ, prf, ke);
    }

    /**
     * Returns the subset IKEv1 phase 1 can express: encryption with an Oakley value and without
     * AEAD, and the hash algorithms that are both a PRF and an integrity algorithm (IKEv1's hash is
     * both); integrity follows from the hashes.
     *
     * @throws IllegalArgumentException if nothing of a type is left
     */
    public IkeProbeCandidates forIkeV1() {
        List<Encryption> enc = encryption.stream().filter(e -> !e.isAead()
                && IkeV1Attributes.phase1EncryptionValue(e.algorithm()).isPresent()).toList();
        List<PrfAlgorithm> hashes = prf.stream().filter(p -> IkeV1Attributes.hashValue(p).isPresent()
                && hashIntegrity(p) != null).toList();
        List<IntegrityAlgorithm> integ = hashes.stream().map(IkeProbeCandidates::hashIntegrity).toList();
        return new IkeProbeCandidates(enc, integ, hashes, keyExchange);
    }

    /** Returns the integrity algorithm IKEv1 pairs with the hash {@code prf}, or null. */
    static IntegrityAlgorithm hashIntegrity(PrfAlgorithm prf) {
        var value = IkeV1Attributes.hashValue(prf);
        return value.isPresent() ? IkeV1Attributes.hashToIntegrity(value.getAsInt()).orElse(null) : null;
    }

    /** Returns the number of transforms: an estimate of the datagrams a full probe costs. */
    public int size() {
        return encryption.size() + integrity.size() + prf.size() + keyExchange.size();
    }
}
