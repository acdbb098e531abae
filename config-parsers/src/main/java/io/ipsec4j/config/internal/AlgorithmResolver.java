package io.ipsec4j.config.internal;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase1;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.UnknownAlgorithmNameException;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Maps the algorithm names a file states to the model's registry ({@link AlgorithmNames}): an
 * unknown name is a {@link ConfigParseException} at the field's line, JSON pointer or XPath, with
 * the registry's closest spellings; never a silent default.
 *
 * <p>The resolved lists of {@link CloudPhase1} and {@link CloudPhase2} are always recomputed from
 * the names, so a parser that replaces names (AWS tunnel options over the XML) resolves again. A
 * {@link Spelling} translates a format's own syntax for the lookup while the names stay as written.
 */
public final class AlgorithmResolver {
    /** Words for "no PFS" in any vendor's file. */
    private static final Pattern NO_PFS = Pattern.compile("(?i)\\s*(none|disabled?|off|no|no pfs|pfs[_ ]?none)\\s*");

    /** Other vocabularies tried, in order, when the provider's own does not know a name. */
    private static final List<Vendor> FALLBACKS = List.of(Vendor.GCP, Vendor.STRONGSWAN, Vendor.IANA, Vendor.AWS, Vendor.AZURE);

    private final Vendor vendor;
    private final CloudConfigFormat format;
    private final ValueReader values;
    private final Spelling spelling;

    /**
     * How a format writes names the registry knows under another spelling (an Azure device script's
     * {@code aes-cbc-256} is Azure's {@code AES256}). The names stay as written in {@link CloudPhase1}
     * and {@link CloudPhase2}; only the lookup uses the translation. Every method defaults to the
     * name unchanged.
     */
    public interface Spelling {
        /** The registry spelling of an encryption name. */
        default String encryption(String written) {
            return written;
        }

        /** The registry spelling of an integrity name. */
        default String integrity(String written) {
            return written;
        }

        /** The registry spelling of a Phase I Diffie-Hellman group. */
        default String dhGroup(String written) {
            return written;
        }

        /** The registry spelling of a PFS group. */
        default String pfsGroup(String written) {
            return written;
        }
    }

    /**
     * A resolver for {@code vendor}'s spellings, reporting errors as {@code values}' format. A name
     * only another vocabulary knows (a GovCloud {@code hmac-sha2-256-128} in an AWS file) is
     * accepted with a warning in {@code values}; a name no vocabulary knows is an error.
     */
    public AlgorithmResolver(Vendor vendor, ValueReader values) {
        this(vendor, values, new Spelling() {});
    }

    /** As {@link #AlgorithmResolver(Vendor, ValueReader)}, looking names up through {@code spelling}. */
    public AlgorithmResolver(Vendor vendor, ValueReader values, Spelling spelling) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.values = Objects.requireNonNull(values, "values");
        this.spelling = Objects.requireNonNull(spelling, "spelling");
        this.format = values.format();
    }

    /** The tunnel with its resolved algorithm lists filled in from the stated names. */
    public CloudTunnel resolve(CloudTunnel tunnel) throws ConfigParseException {
        CloudPhase1 p1 = tunnel.phase1();
        CloudPhase2 p2 = tunnel.phase2();
        List<KeyExchangeMethod> ikeGroups = list(tunnel, CloudField.PHASE1_DH_GROUPS, "Diffie-Hellman group",
                p1.dhGroupNames(), spelling::dhGroup, AlgorithmNames::keyExchange);
        CloudPhase1 resolved1 = CloudPhase1.builder().from(p1)
                .encryption(list(tunnel, CloudField.PHASE1_ENCRYPTION, "IKE encryption algorithm", p1.encryptionNames(),
                        spelling::encryption, AlgorithmNames::encryption))
                .integrity(list(tunnel, CloudField.PHASE1_INTEGRITY, "IKE integrity algorithm", p1.integrityNames(),
                        spelling::integrity, AlgorithmNames::integrity))
                .prf(list(tunnel, CloudField.PHASE1_PRF, "PRF", p1.prfNames(), UnaryOperator.identity(), AlgorithmNames::prf))
                .dhGroups(ikeGroups)
                .build();
        CloudPhase2 resolved2 = CloudPhase2.builder().from(p2)
                .encryption(list(tunnel, CloudField.PHASE2_ENCRYPTION, "IPsec encryption algorithm", p2.encryptionNames(),
                        spelling::encryption, AlgorithmNames::encryption))
                .integrity(list(tunnel, CloudField.PHASE2_INTEGRITY, "IPsec integrity algorithm", p2.integrityNames(),
                        spelling::integrity, AlgorithmNames::integrity))
                .pfsGroups(list(tunnel, CloudField.PHASE2_PFS_GROUPS, "PFS group", p2.pfsGroupNames(),
                        spelling::pfsGroup, (v, name) -> pfs(v, name, ikeGroups)))
                .build();
        return CloudTunnel.builder().from(tunnel).phase1(resolved1).phase2(resolved2).build();
    }

    /** Resolves every tunnel. */
    public List<CloudTunnel> resolveAll(List<CloudTunnel> tunnels) throws ConfigParseException {
        List<CloudTunnel> out = new ArrayList<>(tunnels.size());
        for (CloudTunnel t : tunnels) {
            out.add(resolve(t));
        }
        return out;
    }

    private static KeyExchangeMethod pfs(Vendor vendor, String name, List<KeyExchangeMethod> ikeGroups) {
        if (NO_PFS.matcher(name).matches()) {
            return KeyExchangeMethod.NONE;
        }
        if (vendor == Vendor.AZURE && AlgorithmNames.isAzurePfsMm(name)) {
            if (ikeGroups.isEmpty()) {
                throw new IllegalArgumentException("PFSMM (\"the IKE group\") but no IKE Diffie-Hellman group is stated");
            }
            return AlgorithmNames.azurePfsGroup(name, ikeGroups.get(0));
        }
        return AlgorithmNames.keyExchange(vendor, name);
    }

    private <T> T lookupWithFallback(BiFunction<Vendor, String, T> lookup, String name, String written, String what,
            SourceLocation at) {
        try {
            return lookup.apply(vendor, name);
        } catch (UnknownAlgorithmNameException primary) {
            for (Vendor other : FALLBACKS) {
                if (other == vendor) {
                    continue;
                }
                try {
                    T value = lookup.apply(other, name);
                    values.warn(ConfigWarning.Kind.SUSPICIOUS_VALUE, at, what + " \"" + ValueReader.shorten(written.trim())
                            + "\" is not a " + vendor.displayName() + " spelling; read as the " + other.displayName() + " name");
                    return value;
                } catch (IllegalArgumentException ignored) {
                    // not that vocabulary either
                }
            }
            throw primary;
        }
    }

    private <T> List<T> list(CloudTunnel tunnel, CloudField field, String what, List<String> names,
            UnaryOperator<String> translate, BiFunction<Vendor, String, T> lookup) throws ConfigParseException {
        List<T> out = new ArrayList<>(names.size());
        for (String name : names) {
            SourceLocation at = tunnel.sourceOf(field).orElse(tunnel.location());
            if (name.isBlank()) {
                continue;
            }
            try {
                T value = lookupWithFallback(lookup, translate.apply(name), name, what, at);
                if (!out.contains(value)) {
                    out.add(value);
                }
            } catch (UnknownAlgorithmNameException e) {
                throw new ConfigParseException(format, at,
                        "unknown " + vendor.displayName() + " " + what + " \"" + ValueReader.shorten(name.trim()) + "\"",
                        e.suggestions().isEmpty() ? "a name from the provider's documented list"
                                : "one of " + String.join(", ", e.suggestions()));
            } catch (IllegalArgumentException e) {
                throw new ConfigParseException(format, at, what + " \"" + ValueReader.shorten(name.trim()) + "\": "
                        + e.getMessage(), "a name from the provider's documented list");
            }
        }
        return out;
    }
}
