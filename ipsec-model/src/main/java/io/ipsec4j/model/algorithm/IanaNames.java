package io.ipsec4j.model.algorithm;

/**
 * The IANA registry spellings ({@link Vendor#IANA}).
 *
 * <p>Printed: the registry name, with the key size after a hyphen when the transform carries a Key
 * Length attribute ({@code ENCR_AES_GCM_16-256}, {@code ENCR_3DES}); {@code AUTH_HMAC_SHA2_256_128};
 * {@code PRF_HMAC_SHA2_256}; the key exchange description ({@code 2048-bit MODP Group}). Also read:
 * the bare variable-length name for its default key size ({@code ENCR_AES_CBC} = 128 bits), the fixed
 * size spelled out ({@code ENCR_3DES-192}) and the Java constant names ({@code AES_GCM_16-256},
 * {@code HMAC_SHA2_256_128}, {@code MODP_2048}).
 */
final class IanaNames {

    private IanaNames() {}

    static VendorNames build() {
        VendorNames n = new VendorNames();
        for (EncryptionAlgorithm alg : EncryptionAlgorithm.knownValues()) {
            for (int bits : alg.keySizesBits()) {
                String suffix = "-" + bits;
                if (alg.hasVariableKeyLength()) {
                    n.enc(alg, bits, alg.ianaName() + suffix, alg.name() + suffix);
                } else {
                    n.enc(alg, bits, alg.ianaName(), alg.ianaName() + suffix, alg.name(),
                            alg.name() + suffix);
                }
            }
            if (alg.hasVariableKeyLength()) {
                n.encryption.alias(Encryption.of(alg), alg.ianaName(), alg.name());
            }
        }
        for (IntegrityAlgorithm alg : IntegrityAlgorithm.knownValues()) {
            n.integ(alg, alg.ianaName(), alg.name());
        }
        for (PrfAlgorithm alg : PrfAlgorithm.knownValues()) {
            n.prf(alg, alg.ianaName(), alg.name());
        }
        for (KeyExchangeMethod m : KeyExchangeMethod.knownValues()) {
            n.ke(m, m.ianaName(), m.name());
        }
        return n;
    }
}
