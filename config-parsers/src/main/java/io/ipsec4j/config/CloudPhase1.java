package io.ipsec4j.config;

import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The Phase I (IKE SA) parameters a cloud file states for one tunnel, in the file's own spelling.
 *
 * <p>AWS text and XML files state only the minimum set (AES128/SHA1/group 2), whatever the tunnel
 * allows (CONFIG-FORMATS.md §1.1); the EC2 API's {@code TunnelOptions} state the real lists. Names
 * are kept as written ({@code aes-128-cbc}, {@code GCMAES256}, {@code AES-GCM-16-256}); every parser
 * checks them against the model's algorithm registry, so an unknown name never gets this far.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 */
@Value.Immutable
@ConfigStyle
public abstract class CloudPhase1 {
    /** IKE versions allowed (both when the file says nothing specific and the API lists both). */
    public abstract List<IkeVersion> ikeVersions();

    /** Encryption algorithm names, as written. */
    public abstract List<String> encryptionNames();

    /** Integrity (authentication) algorithm names, as written. */
    public abstract List<String> integrityNames();

    /** PRF names, as written (GCP cipher suites only). */
    public abstract List<String> prfNames();

    /** Diffie-Hellman groups, as written ({@code Group 2}, {@code group2}, {@code 14}, {@code ECP256}). */
    public abstract List<String> dhGroupNames();

    /** The encryption names resolved through the model's registry, in the same order. */
    public abstract List<Encryption> encryption();

    /** The integrity names resolved (AEAD-only lists resolve to nothing or {@code NONE}). */
    public abstract List<IntegrityAlgorithm> integrity();

    /** The PRF names resolved. */
    public abstract List<PrfAlgorithm> prf();

    /** The Diffie-Hellman group names resolved. */
    public abstract List<KeyExchangeMethod> dhGroups();

    /** IKE SA lifetime in seconds. */
    public abstract OptionalLong lifetimeSeconds();

    /** Authentication method as written ({@code Pre-Shared Key}). */
    public abstract Optional<String> authenticationMethod();

    /** True when nothing at all is stated. */
    public boolean isEmpty() {
        return ikeVersions().isEmpty() && encryptionNames().isEmpty() && integrityNames().isEmpty()
                && prfNames().isEmpty() && dhGroupNames().isEmpty() && lifetimeSeconds().isEmpty() && authenticationMethod().isEmpty();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** An empty value. */
    public static CloudPhase1 empty() {
        return builder().build();
    }

    /** Builds {@link CloudPhase1} values. */
    public static final class Builder extends ImmutableCloudPhase1.Builder {}

    /** {@code IKEv1 aes-128-cbc/sha1/Group 2 28800s}. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "not stated";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(ikeVersions().isEmpty() ? "IKE ?" : ikeVersions().toString());
        sb.append(' ').append(CloudPhase2.join(encryptionNames())).append('/').append(CloudPhase2.join(integrityNames()));
        if (!prfNames().isEmpty()) {
            sb.append("/prf ").append(CloudPhase2.join(prfNames()));
        }
        sb.append("/DH ").append(CloudPhase2.join(dhGroupNames()));
        lifetimeSeconds().ifPresent(s -> sb.append(' ').append(s).append('s'));
        return sb.toString();
    }
}
