package io.ipsec4j.config;

import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.StrongSwanProposals;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the algorithm lists a file states into the model's IKE and ESP proposals: AEAD and
 * non-AEAD ciphers go into separate proposals (a proposal cannot mix them), PRFs are derived from
 * the integrity algorithms when the provider has no PRF setting (AWS, Azure), AEAD is dropped from
 * IKEv1 Phase I, and lists a format does not state come from the provider's documented defaults,
 * each with a note for the import report.
 */
final class ProposalPlanner {
    /** The proposals and what was assumed to build them. */
    record Plan(List<IkeProposal> ike, List<EspProposal> esp, List<String> notes) {}

    private ProposalPlanner() {}

    /** Provider defaults for what a format leaves unstated (CONFIG-FORMATS.md §2.1, §3). */
    private record Defaults(List<Encryption> encryption, List<IntegrityAlgorithm> integrity, List<KeyExchangeMethod> ike,
            List<KeyExchangeMethod> pfs, String source) {}

    private static Defaults defaults(CloudProvider provider) {
        return switch (provider) {
            // The first entries of Azure's default lists that Azure's custom policies also accept.
            case AZURE -> new Defaults(List.of(Encryption.AES256_CBC), List.of(IntegrityAlgorithm.HMAC_SHA2_256_128),
                    List.of(KeyExchangeMethod.MODP_1024), List.of(), "Azure's default policy");
            case GCP -> new Defaults(List.of(Encryption.AES256_CBC, Encryption.AES128_CBC),
                    List.of(IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA1_96),
                    List.of(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.MODP_1024), List.of(KeyExchangeMethod.MODP_2048),
                    "GCP's supported ciphers (PFS required)");
            case AWS -> new Defaults(List.of(Encryption.AES128_CBC, Encryption.AES256_CBC),
                    List.of(IntegrityAlgorithm.HMAC_SHA1_96, IntegrityAlgorithm.HMAC_SHA2_256_128),
                    List.of(KeyExchangeMethod.MODP_1024, KeyExchangeMethod.MODP_2048),
                    List.of(KeyExchangeMethod.MODP_1024, KeyExchangeMethod.MODP_2048), "AWS's minimum set");
        };
    }

    static Plan plan(CloudProvider provider, IkeVersion version, CloudPhase1 p1, CloudPhase2 p2) {
        Defaults d = defaults(provider);
        List<String> notes = new ArrayList<>();
        List<Encryption> enc = p1.encryption();
        if (enc.isEmpty()) {
            enc = d.encryption();
            notes.add("Phase I encryption not stated: " + d.source() + " used");
        }
        List<IntegrityAlgorithm> integ = withoutNone(p1.integrity());
        List<KeyExchangeMethod> ke = p1.dhGroups().stream().filter(k -> !k.equals(KeyExchangeMethod.NONE)).toList();
        if (ke.isEmpty()) {
            ke = d.ike();
            notes.add("Phase I Diffie-Hellman group not stated: " + d.source() + " used");
        }
        List<PrfAlgorithm> prf = p1.prf().isEmpty() ? StrongSwanProposals.derivedPrf(integ) : p1.prf();
        List<IkeProposal> ike = new ArrayList<>();
        List<Encryption> cbc = enc.stream().filter(e -> !e.isAead()).toList();
        List<Encryption> aead = enc.stream().filter(Encryption::isAead).toList();
        if (!cbc.isEmpty()) {
            List<IntegrityAlgorithm> i = integ;
            if (i.isEmpty()) {
                i = d.integrity();
                notes.add("Phase I integrity not stated: " + d.source() + " used");
            }
            List<PrfAlgorithm> pr = prf.isEmpty() ? StrongSwanProposals.derivedPrf(i) : prf;
            ike.add(IkeProposal.builder().encryption(cbc).integrity(i).prf(pr).keyExchange(ke).build());
        }
        if (!aead.isEmpty()) {
            if (version.isV1()) {
                notes.add("AEAD Phase I ciphers " + aead + " dropped: IKEv1 cannot use them");
            } else {
                List<PrfAlgorithm> pr = prf;
                if (pr.isEmpty()) {
                    pr = List.of(PrfAlgorithm.HMAC_SHA2_256);
                    notes.add("no PRF stated for the AEAD Phase I proposal: PRF-HMAC-SHA2-256 assumed");
                }
                ike.add(IkeProposal.builder().encryption(aead).prf(pr).keyExchange(ke).build());
            }
        }
        return new Plan(ike, esp(d, p2, notes), notes);
    }

    private static List<EspProposal> esp(Defaults d, CloudPhase2 p2, List<String> notes) {
        List<Encryption> enc = p2.encryption();
        if (enc.isEmpty()) {
            enc = d.encryption();
            notes.add("Phase II encryption not stated: " + d.source() + " used");
        }
        List<KeyExchangeMethod> pfs = p2.pfsGroups().stream().filter(k -> !k.equals(KeyExchangeMethod.NONE)).toList();
        if (p2.pfsGroups().isEmpty() && !d.pfs().isEmpty()) {
            pfs = d.pfs();
            notes.add("PFS group not stated: " + d.source() + " used");
        }
        List<IntegrityAlgorithm> integ = withoutNone(p2.integrity());
        List<EspProposal> out = new ArrayList<>();
        List<Encryption> cbc = enc.stream().filter(e -> !e.isAead()).toList();
        List<Encryption> aead = enc.stream().filter(Encryption::isAead).toList();
        if (!cbc.isEmpty()) {
            if (integ.isEmpty()) {
                integ = d.integrity();
                notes.add("Phase II integrity not stated: " + d.source() + " used");
            }
            out.add(EspProposal.builder().encryption(cbc).integrity(integ).pfsGroups(pfs).build());
        }
        if (!aead.isEmpty()) {
            out.add(EspProposal.builder().encryption(aead).pfsGroups(pfs).build());
        }
        return out;
    }

    private static List<IntegrityAlgorithm> withoutNone(List<IntegrityAlgorithm> list) {
        return list.stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).toList();
    }
}
