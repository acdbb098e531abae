package io.ipsec4j.model.algorithm;

/** The four name tables of one vendor vocabulary (see {@link AlgorithmNames}). */
final class VendorNames {

    final NameTable<Encryption> encryption = new NameTable<>();
    final NameTable<IntegrityAlgorithm> integrity = new NameTable<>();
    final NameTable<PrfAlgorithm> prf = new NameTable<>();
    final NameTable<KeyExchangeMethod> keyExchange = new NameTable<>();

    /** Registers {@code names} for {@code alg} at {@code bits} (shorthand for the tables below). */
    VendorNames enc(EncryptionAlgorithm alg, int bits, String... names) {
        encryption.add(Encryption.of(alg, bits), names);
        return this;
    }

    VendorNames integ(IntegrityAlgorithm alg, String... names) {
        integrity.add(alg, names);
        return this;
    }

    VendorNames prf(PrfAlgorithm alg, String... names) {
        prf.add(alg, names);
        return this;
    }

    VendorNames ke(KeyExchangeMethod method, String... names) {
        keyExchange.add(method, names);
        return this;
    }

    /** Registers the group by its number only ({@code "14"}). */
    VendorNames keNumbers(int... ids) {
        for (int id : ids) {
            keyExchange.add(KeyExchangeMethod.valueOf(id), Integer.toString(id));
        }
        return this;
    }
}
