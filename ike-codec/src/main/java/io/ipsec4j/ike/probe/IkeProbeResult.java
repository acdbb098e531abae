package io.ipsec4j.ike.probe;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.StrongSwanProposals;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an {@link IkeProbe} learnt about a responder, for one IKE version, in the model's vocabulary.
 *
 * <p>The accepted transforms per type are those the responder accepted in some combination (each
 * asked with one transform type narrowed to a single value and the others left wide);
 * {@link #proposals()} are the complete suites it actually chose, in the order they were learnt, and
 * {@link #preferred()} the one it chose when offered every candidate. {@link #fragmentation()} and
 * {@link #natTraversal()} are empty when no successful answer told (IKEv2: the
 * IKEV2_FRAGMENTATION_SUPPORTED and NAT_DETECTION notifies; IKEv1: the FRAGMENTATION and NAT-T
 * vendor IDs or NAT-D payloads). Questions that got no answer are listed, not counted as rejected.
 *
 * @param version the IKE version probed
 * @param stop why the probe ended
 * @param encryption the accepted encryption transforms (with key sizes), in candidate order
 * @param integrity the accepted integrity transforms
 * @param prf the accepted PRFs
 * @param keyExchange the accepted key exchange methods
 * @param proposals the suites the responder chose
 * @param preferred the suite it chose when offered everything
 * @param fragmentation whether it supports IKE fragmentation (RFC 7383, or IKEv1's vendor ID)
 * @param natTraversal whether it supports NAT traversal (RFC 7296 §2.23, RFC 3947)
 * @param vendorIds the vendor IDs it sent, named where known
 * @param unanswered the questions that got no answer
 * @param datagramsSent the datagrams the probe sent
 * @param cookiesReceived the COOKIE notifies the responder sent (IKEv2 anti-DoS cookies, RFC 7296 §2.6)
 * @param cookiesAnswered the COOKIE notifies the probe answered by repeating its request with the cookie
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.7">RFC 7296 §2.7</a>
 */
public record IkeProbeResult(IkeVersion version, Stop stop, List<Encryption> encryption,
        List<IntegrityAlgorithm> integrity, List<PrfAlgorithm> prf, List<KeyExchangeMethod> keyExchange,
        List<IkeProposal> proposals, Optional<IkeProposal> preferred, Optional<Boolean> fragmentation,
        Optional<Boolean> natTraversal, List<VendorId> vendorIds, List<String> unanswered, int datagramsSent,
        int cookiesReceived, int cookiesAnswered) {

    /** Why a probe ended. */
    public enum Stop {
        /** Every question was asked. */
        COMPLETE,
        /** The next datagram would have exceeded {@link IkeProbeLimits#maxProbes()}. */
        PROBE_LIMIT,
        /** {@link IkeProbeLimits#maxSilences()} requests in a row got no answer. */
        SILENCE,
        /** The responder answered INVALID_MAJOR_VERSION: it does not speak the IKE version probed. */
        VERSION_UNSUPPORTED,
        /** Still running (a snapshot). */
        RUNNING
    }

    /**
     * A Vendor ID payload the responder sent.
     *
     * @param id the Vendor ID bytes
     * @param name the name from the vendor ID registry, when known
     */
    public record VendorId(Bytes id, Optional<String> name) {
        /** Checks the arguments. */
        public VendorId {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name.map(n -> n + " (" + id.toHex() + ")").orElse(id.toHex());
        }
    }

    /** Copies the lists. */
    public IkeProbeResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stop, "stop");
        encryption = List.copyOf(encryption);
        integrity = List.copyOf(integrity);
        prf = List.copyOf(prf);
        keyExchange = List.copyOf(keyExchange);
        proposals = List.copyOf(proposals);
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(fragmentation, "fragmentation");
        Objects.requireNonNull(natTraversal, "natTraversal");
        vendorIds = List.copyOf(vendorIds);
        unanswered = List.copyOf(unanswered);
        if (datagramsSent < 0 || cookiesReceived < 0 || cookiesAnswered < 0) {
            throw new IllegalArgumentException("negative count: " + datagramsSent + " datagrams, " + cookiesReceived
                    + " cookies received, " + cookiesAnswered + " answered");
        }
    }

    /** Returns {@code true} if the responder accepted at least one proposal. */
    public boolean acceptsAnything() {
        return !proposals.isEmpty() || !encryption.isEmpty();
    }

    /** Returns the chosen suites in strongSwan proposal syntax, e.g. {@code aes256-sha256-modp2048}. */
    public List<String> toStrongSwan() {
        return proposals.stream().map(StrongSwanProposals::format).toList();
    }

    /** Says which of {@code tunnel}'s Phase I proposals this responder would accept. */
    public IkeProbeComparison compareWith(Tunnel tunnel) {
        return IkeProbeComparison.of(this, tunnel);
    }

    /** A few lines for a person: the suites, the accepted transforms per type, the features. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("IKE version: ").append(version).append(" (").append(stop.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).append(", ").append(datagramsSent).append(" datagrams sent)\n");
        sb.append("accepted proposals: ").append(proposals.isEmpty() ? "none" : String.join(", ", toStrongSwan()))
                .append('\n');
        sb.append("preferred: ").append(preferred.map(StrongSwanProposals::format).orElse("unknown")).append('\n');
        sb.append("encryption: ").append(list(encryption)).append('\n');
        sb.append("integrity: ").append(list(integrity)).append('\n');
        sb.append("prf: ").append(list(prf)).append('\n');
        sb.append("key exchange: ").append(list(keyExchange)).append('\n');
        sb.append("fragmentation: ").append(yesNo(fragmentation)).append('\n');
        sb.append("NAT traversal: ").append(yesNo(natTraversal)).append('\n');
        sb.append("vendor IDs: ").append(vendorIds.isEmpty() ? "none" : vendorIds.stream().map(VendorId::toString)
                .collect(Collectors.joining(", "))).append('\n');
        sb.append("COOKIE: ").append(cookiesReceived == 0 ? "never asked" : "asked " + cookiesReceived
                + " times, answered " + cookiesAnswered + " times").append('\n');
        if (!unanswered.isEmpty()) {
            sb.append("unanswered: ").append(String.join(", ", unanswered)).append('\n');
        }
        return sb.toString();
    }

    private static String list(List<?> transforms) {
        return transforms.isEmpty() ? "none" : transforms.stream().map(IkeProbeResult::keyword)
                .collect(Collectors.joining(" "));
    }

    /**
     * The strongSwan keyword of one transform, read from the model's canonical format of a small
     * AEAD proposal around it (the model keeps its keyword table to itself).
     */
    static String keyword(Object transform) {
        IkeProposal.Builder b = IkeProposal.builder();
        int index;
        if (transform instanceof Encryption e && !e.isAead()) {
            b.addEncryption(e).addIntegrity(IntegrityAlgorithm.HMAC_SHA2_256_128).addPrf(PrfAlgorithm.HMAC_SHA1);
            index = 0;
        } else if (transform instanceof IntegrityAlgorithm i) {
            b.addEncryption(Encryption.AES128_CBC).addIntegrity(i).addPrf(PrfAlgorithm.HMAC_TIGER);
            index = 1;
        } else {
            b.addEncryption(transform instanceof Encryption e ? e : Encryption.AES128_GCM_16);
            b.addPrf(transform instanceof PrfAlgorithm p ? p : PrfAlgorithm.HMAC_SHA2_256);
            index = transform instanceof Encryption ? 0 : transform instanceof PrfAlgorithm ? 1 : 2;
        }
        b.addKeyExchange(transform instanceof KeyExchangeMethod k ? k : KeyExchangeMethod.MODP_2048);
        return StrongSwanProposals.format(b.build()).split("-")[index];
    }

    private static String yesNo(Optional<Boolean> b) {
        return b.map(v -> v ? "yes" : "no").orElse("unknown");
    }
}
