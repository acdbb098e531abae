package io.ipsec4j.config;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The Phase II (CHILD / ESP SA) parameters a cloud file states for one tunnel, in its own spelling.
 *
 * <p>See {@link CloudPhase1} for what "stated" means for AWS files. {@code pfsGroups} holds the
 * file's words for "no PFS" too ({@code none}, {@code PFS_NONE}); they are checked like any name.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.3">RFC 7296 §1.3</a>
 */
@Value.Immutable
@ConfigStyle
public abstract class CloudPhase2 {
    /** Protocol as written ({@code esp}). */
    public abstract Optional<String> protocol();

    /** Encapsulation mode. */
    public abstract Optional<EspMode> mode();

    /** Encryption algorithm names, as written. */
    public abstract List<String> encryptionNames();

    /** Integrity algorithm names, as written (empty with AEAD ciphers). */
    public abstract List<String> integrityNames();

    /** PFS (Diffie-Hellman) groups, as written. */
    public abstract List<String> pfsGroupNames();

    /** The encryption names resolved through the model's registry, in the same order. */
    public abstract List<Encryption> encryption();

    /** The integrity names resolved. */
    public abstract List<IntegrityAlgorithm> integrity();

    /** The PFS group names resolved ({@link KeyExchangeMethod#NONE} for "no PFS"). */
    public abstract List<KeyExchangeMethod> pfsGroups();

    /** CHILD SA lifetime in seconds. */
    public abstract OptionalLong lifetimeSeconds();

    /** CHILD SA lifetime in kilobytes (Azure). */
    public abstract OptionalLong lifetimeKilobytes();

    /** Anti-replay window in packets (AWS API). */
    public abstract OptionalInt replayWindowPackets();

    /** Seconds before the lifetime ends at which the cloud rekeys (AWS {@code RekeyMarginTimeSeconds}). */
    public abstract OptionalLong rekeyMarginSeconds();

    /** Random extra margin in percent of the rekey margin (AWS {@code RekeyFuzzPercentage}). */
    public abstract OptionalInt rekeyFuzzPercent();

    /** True when nothing at all is stated. */
    public boolean isEmpty() {
        return protocol().isEmpty() && mode().isEmpty() && encryptionNames().isEmpty() && integrityNames().isEmpty()
                && pfsGroupNames().isEmpty() && lifetimeSeconds().isEmpty() && lifetimeKilobytes().isEmpty()
                && replayWindowPackets().isEmpty() && rekeyMarginSeconds().isEmpty() && rekeyFuzzPercent().isEmpty();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** An empty value. */
    public static CloudPhase2 empty() {
        return builder().build();
    }

    /** Builds {@link CloudPhase2} values. */
    public static final class Builder extends ImmutableCloudPhase2.Builder {}

    static String join(List<String> names) {
        return names.isEmpty() ? "?" : String.join(",", names);
    }

    /** {@code esp aes-128-cbc/hmac-sha1-96/PFS Diffie-Hellman Group 2 3600s}. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "not stated";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(protocol().orElse("esp")).append(' ').append(join(encryptionNames())).append('/').append(join(integrityNames()))
                .append("/PFS ").append(join(pfsGroupNames()));
        lifetimeSeconds().ifPresent(s -> sb.append(' ').append(s).append('s'));
        lifetimeKilobytes().ifPresent(k -> sb.append(' ').append(k).append("KB"));
        replayWindowPackets().ifPresent(w -> sb.append(" replay ").append(w));
        rekeyMarginSeconds().ifPresent(m -> sb.append(" margin ").append(m).append('s'));
        rekeyFuzzPercent().ifPresent(f -> sb.append(" fuzz ").append(f).append('%'));
        return sb.toString();
    }
}
