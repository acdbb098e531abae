package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;

/**
 * The AWS, Azure and GCP spellings (docs/CONFIG-FORMATS.md §1.2, §1.4, §1.5, §2.3, §3). The first
 * spelling registered for a value is the one printed.
 */
final class CloudNames {

    /** DH groups an AWS tunnel accepts in phase 1 or phase 2 (CONFIG-FORMATS §1.5). */
    private static final int[] AWS_GROUPS = {2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
    /** DH groups GCP Cloud VPN supports, with its modp/ecp names (CONFIG-FORMATS §3). */
    private static final int[] GCP_GROUPS = {2, 5, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 31};
    private static final String[] GCP_GROUP_NAMES = {"modp-1024", "modp-1536", "modp-2048",
        "modp-3072", "modp-4096", "modp-8192", "ecp-256", "ecp-384", "ecp-521", "modp-1024-160",
        "modp-2048-224", "modp-2048-256", "curve-25519"};

    private CloudNames() {}

    /**
     * AWS: the EC2 API values are printed ({@code AES128}, {@code AES256-GCM-16}, {@code SHA2-256},
     * {@code 14}); the lower-case values of the Generic text and XML files ({@code aes-128-cbc},
     * {@code hmac-sha1-96}, {@code sha1}, {@code group2}, {@code Group 2}, {@code Diffie-Hellman Group 2})
     * are read too. AWS has no PRF setting: in IKEv2 the integrity choice is also the PRF, so the
     * integrity spellings name the PRFs as well.
     */
    static VendorNames aws() {
        VendorNames n = new VendorNames()
                .enc(AES_CBC, 128, "AES128", "aes-128-cbc", "aes-128")
                .enc(AES_CBC, 256, "AES256", "aes-256-cbc")
                .enc(AES_GCM_16, 128, "AES128-GCM-16")
                .enc(AES_GCM_16, 256, "AES256-GCM-16")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "SHA1", "hmac-sha1-96")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "SHA2-256")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "SHA2-384")
                .integ(IntegrityAlgorithm.HMAC_SHA2_512_256, "SHA2-512")
                .prf(PrfAlgorithm.HMAC_SHA1, "SHA1")
                .prf(PrfAlgorithm.HMAC_SHA2_256, "SHA2-256")
                .prf(PrfAlgorithm.HMAC_SHA2_384, "SHA2-384")
                .prf(PrfAlgorithm.HMAC_SHA2_512, "SHA2-512")
                .keNumbers(AWS_GROUPS);
        for (int g : AWS_GROUPS) {
            n.ke(KeyExchangeMethod.valueOf(g), "group" + g, "Group " + g, "Diffie-Hellman Group " + g);
        }
        return n;
    }

    /**
     * Azure custom IPsec/IKE policy values (PowerShell {@code New-AzIpsecPolicy} and ARM
     * {@code ipsecPolicies[]}). Integrity named after a GCM cipher means the AEAD cipher protects
     * integrity: it reads as {@link IntegrityAlgorithm#NONE}, and {@code name(AZURE, NONE)} is empty
     * (print the cipher's name instead). {@code None} encryption is ESP NULL, {@code None} DH/PFS is
     * {@link KeyExchangeMethod#NONE}. {@code PFSMM} ("the main mode group") names no group: see
     * {@link AlgorithmNames#azurePfsGroup(String, KeyExchangeMethod)}. The integrity values double
     * as PRF names, as in AWS.
     */
    static VendorNames azure() {
        VendorNames n = new VendorNames()
                .enc(AES_GCM_16, 256, "GCMAES256")
                .enc(AES_GCM_16, 192, "GCMAES192")
                .enc(AES_GCM_16, 128, "GCMAES128")
                .enc(AES_CBC, 256, "AES256")
                .enc(AES_CBC, 192, "AES192")
                .enc(AES_CBC, 128, "AES128")
                .enc(EncryptionAlgorithm.TRIPLE_DES, 192, "DES3")
                .enc(EncryptionAlgorithm.DES, 64, "DES")
                .enc(EncryptionAlgorithm.NULL, 0, "None")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "SHA384")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "SHA256")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "SHA1")
                .integ(IntegrityAlgorithm.HMAC_MD5_96, "MD5")
                .prf(PrfAlgorithm.HMAC_SHA2_384, "SHA384")
                .prf(PrfAlgorithm.HMAC_SHA2_256, "SHA256")
                .prf(PrfAlgorithm.HMAC_SHA1, "SHA1")
                .prf(PrfAlgorithm.HMAC_MD5, "MD5")
                .ke(KeyExchangeMethod.MODP_768, "DHGroup1", "PFS1")
                .ke(KeyExchangeMethod.MODP_1024, "DHGroup2", "PFS2")
                .ke(KeyExchangeMethod.MODP_2048, "DHGroup14", "DHGroup2048", "PFS2048", "PFS14")
                .ke(KeyExchangeMethod.MODP_2048_S256, "DHGroup24", "PFS24")
                .ke(KeyExchangeMethod.ECP_256, "ECP256")
                .ke(KeyExchangeMethod.ECP_384, "ECP384")
                .ke(KeyExchangeMethod.NONE, "None");
        n.integrity.alias(IntegrityAlgorithm.NONE, "GCMAES256", "GCMAES192", "GCMAES128");
        return n;
    }

    /**
     * GCP Cloud VPN cipher names (supported-ike-ciphers): printed {@code AES-GCM-16-256},
     * {@code AES-CBC-128}, {@code HMAC-SHA2-256-128}, {@code PRF-HMAC-SHA2-256}, {@code Group-14};
     * the modp/ecp group names are read with hyphens or underscores ({@code modp-2048-224},
     * {@code modp_2048_224}), and the IKEv1 PRF spelling {@code PRF-SHA1-96}.
     */
    static VendorNames gcp() {
        VendorNames n = new VendorNames();
        for (int bits : new int[] {128, 192, 256}) {
            n.enc(AES_GCM_16, bits, "AES-GCM-16-" + bits).enc(AES_CBC, bits, "AES-CBC-" + bits);
        }
        n.enc(EncryptionAlgorithm.TRIPLE_DES, 192, "3DES-CBC")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "HMAC-SHA1-96")
                .integ(IntegrityAlgorithm.HMAC_MD5_96, "HMAC-MD5-96")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "HMAC-SHA2-256-128")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "HMAC-SHA2-384-192")
                .integ(IntegrityAlgorithm.HMAC_SHA2_512_256, "HMAC-SHA2-512-256")
                .integ(IntegrityAlgorithm.AES_XCBC_96, "AES-XCBC-96")
                .integ(IntegrityAlgorithm.AES_CMAC_96, "AES-CMAC-96")
                .prf(PrfAlgorithm.HMAC_SHA1, "PRF-HMAC-SHA1", "PRF-SHA1-96")
                .prf(PrfAlgorithm.HMAC_MD5, "PRF-HMAC-MD5")
                .prf(PrfAlgorithm.AES128_XCBC, "PRF-AES128-XCBC")
                .prf(PrfAlgorithm.AES128_CMAC, "PRF-AES128-CMAC")
                .prf(PrfAlgorithm.HMAC_SHA2_256, "PRF-HMAC-SHA2-256")
                .prf(PrfAlgorithm.HMAC_SHA2_384, "PRF-HMAC-SHA2-384")
                .prf(PrfAlgorithm.HMAC_SHA2_512, "PRF-HMAC-SHA2-512");
        for (int i = 0; i < GCP_GROUPS.length; i++) {
            String hyphen = GCP_GROUP_NAMES[i];
            n.ke(KeyExchangeMethod.valueOf(GCP_GROUPS[i]), "Group-" + GCP_GROUPS[i], hyphen,
                    hyphen.replace('-', '_'));
        }
        return n;
    }
}
