package io.ipsec4j.model.check;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * The algorithms a vendor accepts in one phase, in the vendor's display order. For Phase 2 the
 * PRF list is empty (ESP has no PRF) and the key exchange list holds the PFS groups.
 *
 * @param encryption  accepted ciphers with key sizes
 * @param integrity   accepted integrity algorithms (not consulted for AEAD proposals, which have none)
 * @param prf         accepted PRFs (Phase 1 only)
 * @param keyExchange accepted DH groups (Phase 1) or PFS groups (Phase 2)
 * @param prfSetting  false for vendors without a PRF setting (AWS, Azure), whose integrity value is
 *                    also the PRF: {@link #prf()} then only applies to AEAD proposals
 */
record ProfileAlgorithms(List<Encryption> encryption, List<IntegrityAlgorithm> integrity, List<PrfAlgorithm> prf,
        List<KeyExchangeMethod> keyExchange, boolean prfSetting) {
    ProfileAlgorithms {
        encryption = List.copyOf(encryption);
        integrity = List.copyOf(integrity);
        prf = List.copyOf(prf);
        keyExchange = List.copyOf(keyExchange);
    }

    /** {@code algorithm} at each of {@code keyBits}, e.g. AES-CBC at 128 and 256. */
    static List<Encryption> sizes(EncryptionAlgorithm algorithm, int... keyBits) {
        List<Encryption> out = new ArrayList<>();
        for (int bits : keyBits) {
            out.add(Encryption.of(algorithm, bits));
        }
        return out;
    }

    /** The groups with these IANA numbers. */
    static List<KeyExchangeMethod> groups(int... ids) {
        List<KeyExchangeMethod> out = new ArrayList<>();
        for (int id : ids) {
            out.add(KeyExchangeMethod.valueOf(id));
        }
        return out;
    }

    /** The concatenation of lists, in order. */
    @SafeVarargs
    static <T> List<T> concat(List<? extends T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<? extends T> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }
}
