package io.ipsec4j.model.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The validation and normalisation rules that IKE and ESP proposals share. */
final class ProposalRules {

    private ProposalRules() {}

    /** Returns the list without repeated elements, first occurrence kept, immutable. */
    static <T> List<T> distinct(List<T> list) {
        return List.copyOf(new LinkedHashSet<>(list));
    }

    /** Returns {@code true} if {@code list} is a JDK immutable list ({@code List.copyOf} returns it as is). */
    static boolean isImmutable(List<?> list) {
        return List.copyOf(list) == list;
    }

    /** Immutables copies the additional-key-exchange map but not its list values: are they ours? */
    static boolean listsImmutable(Map<Integer, List<KeyExchangeMethod>> additional) {
        for (List<KeyExchangeMethod> list : additional.values()) {
            if (!isImmutable(list)) {
                return false;
            }
        }
        return true;
    }

    static String keywords(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(keyword(v));
        }
        return out.toString();
    }

    private static String keyword(Object v) {
        if (v instanceof IntegrityAlgorithm) {
            return StrongSwanKeywords.keyword((IntegrityAlgorithm) v);
        }
        if (v instanceof KeyExchangeMethod) {
            return StrongSwanKeywords.keyword((KeyExchangeMethod) v);
        }
        return v.toString();
    }

    /**
     * Checks the encryption list: not empty, AEAD and non-AEAD not mixed (RFC 5282 §8 asks for
     * separate proposals). Returns whether the proposal is AEAD.
     */
    static boolean checkEncryption(String what, List<Encryption> encryption) {
        if (encryption.isEmpty()) {
            throw new IllegalArgumentException(
                    what + ": no encryption algorithm (expected: at least one)");
        }
        boolean aead = encryption.get(0).isAead();
        for (Encryption e : encryption) {
            if (e.isAead() != aead) {
                throw new IllegalArgumentException(what + " mixes AEAD and non-AEAD encryption: "
                        + encryption + " (expected: only AEAD or only non-AEAD in one proposal,"
                        + " RFC 5282 §8)");
            }
        }
        return aead;
    }

    /**
     * Checks the integrity list against the kind of encryption and returns it normalised: with AEAD,
     * a sole NONE is dropped and anything else rejected; without AEAD at least one real MAC is needed.
     */
    static List<IntegrityAlgorithm> checkIntegrity(String what, boolean aead, List<Encryption> encryption,
            List<IntegrityAlgorithm> integrity) {
        List<IntegrityAlgorithm> distinct = distinct(integrity);
        if (aead) {
            if (distinct.isEmpty() || distinct.equals(List.of(IntegrityAlgorithm.NONE))) {
                return List.of();
            }
            throw new IllegalArgumentException(what + " with AEAD encryption " + encryption
                    + " has integrity algorithms " + keywords(distinct)
                    + " (expected: none, the AEAD cipher protects integrity, RFC 5282 §8)");
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException(what + " with non-AEAD encryption " + encryption
                    + ": no integrity algorithm (expected: at least one)");
        }
        if (distinct.contains(IntegrityAlgorithm.NONE)) {
            throw new IllegalArgumentException(what + " with non-AEAD encryption " + encryption
                    + " has integrity NONE (expected: a MAC such as sha256, RFC 7296 §3.3)");
        }
        return distinct;
    }

    /** Checks the RFC 9370 additional key exchanges (indexes 1–7, non-empty lists) and normalises them. */
    static SortedMap<Integer, List<KeyExchangeMethod>> checkAdditional(String what,
            SortedMap<Integer, List<KeyExchangeMethod>> additional) {
        SortedMap<Integer, List<KeyExchangeMethod>> out = new TreeMap<>();
        for (Map.Entry<Integer, List<KeyExchangeMethod>> e : additional.entrySet()) {
            int index = e.getKey();
            if (index < 1 || index > 7) {
                throw new IllegalArgumentException(what + ": additional key exchange index " + index
                        + " (expected: 1-7, RFC 9370 §2.2.1)");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException(what + ": additional key exchange " + index
                        + " has no method (expected: at least one, or NONE to make it optional)");
            }
            out.put(index, distinct(e.getValue()));
        }
        return out;
    }
}
