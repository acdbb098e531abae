package io.ipsec4j.ike.doctor;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.check.Compatibility;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured tunnel seen from a captured SA: which end it configures (its remote address is the
 * initiator's or the responder's), and comparisons of wire values with it that reuse the model's
 * {@link Compatibility} (proposal selection, RFC 7296 §2.7).
 */
final class Configured {
    private Configured() {}

    /** The tunnel if it configures the responder of {@code sa} (its remote address is the initiator's). */
    static Optional<Tunnel> responderSide(Optional<Tunnel> tunnel, SaTrace sa) {
        return tunnel.filter(t -> sa.initiator != null && host(sa.initiator).equals(t.phaseOne().remotePublicIp().toString()));
    }

    /** The tunnel if it configures the initiator of {@code sa}. */
    static Optional<Tunnel> initiatorSide(Optional<Tunnel> tunnel, SaTrace sa) {
        return tunnel.filter(t -> sa.responder != null && host(sa.responder).equals(t.phaseOne().remotePublicIp().toString()));
    }

    static String host(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String host = endpoint.substring(0, colon);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Compatibility's "no common …" detail for an IKE offer against the tunnel, if they do not match. */
    static Optional<String> ikeOverlap(Tunnel tunnel, List<IkeProposal> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        try {
            Tunnel theirs = Tunnel.builder().from(tunnel).phaseOne(io.ipsec4j.model.PhaseOne.builder()
                    .from(tunnel.phaseOne()).proposals(offered).build()).build();
            return detail(Compatibility.compare(tunnel, theirs).findings(), "IKE_PROPOSAL_MISMATCH");
        } catch (IllegalArgumentException invalid) { // ModelValidationException: an offer the tunnel's rules refuse
            return Optional.of("the offer is not valid for the configured tunnel (" + invalid.getMessage() + ")");
        }
    }

    /** The same for an ESP offer. */
    static Optional<String> espOverlap(Tunnel tunnel, List<EspProposal> offered) {
        try {
            return espMismatch(tunnel, offered).filter(f -> f.code().equals("ESP_PROPOSAL_MISMATCH"))
                    .flatMap(f -> detail(List.of(f), "ESP_PROPOSAL_MISMATCH"));
        } catch (IllegalArgumentException invalid) { // ModelValidationException: an offer the tunnel's rules refuse
            return Optional.of("the offer is not valid for the configured tunnel (" + invalid.getMessage() + ")");
        }
    }

    /**
     * Compatibility's ESP_PROPOSAL_MISMATCH or PFS_MISMATCH finding for an ESP offer against the
     * tunnel (PFS compared as the tunnel's IKE version negotiates it), if they do not match.
     *
     * @throws IllegalArgumentException if the offer is not valid for the tunnel's rules
     */
    static Optional<Finding> espMismatch(Tunnel tunnel, List<EspProposal> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        Tunnel theirs = Tunnel.builder().from(tunnel).phaseTwo(io.ipsec4j.model.PhaseTwo.builder()
                .from(tunnel.phaseTwo()).proposals(offered).build()).build();
        return Compatibility.compare(tunnel, theirs).findings().stream()
                .filter(f -> f.code().equals("ESP_PROPOSAL_MISMATCH") || f.code().equals("PFS_MISMATCH")).findFirst();
    }

    static Optional<String> detail(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().map(f -> {
            int at = f.message().indexOf("Closest pair: ");
            return at < 0 ? f.message() : f.message().substring(at + "Closest pair: ".length());
        });
    }

    /** True when a wire ID (its text) names the configured identity. */
    static boolean sameId(String wire, Identity configured) {
        return wire.toLowerCase(Locale.ROOT).equals(configured.value().toLowerCase(Locale.ROOT));
    }

    static String join(List<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** A finding whose "ours" is the configured value (if known) and "theirs" the value on the wire. */
    static Finding finding(String code, Severity severity, Phase phase, String path, String configured, String wire,
            String message) {
        Finding.Builder b = Finding.builder().code(code).severity(severity).phase(phase).path(path).message(message);
        if (configured != null) {
            b.localValue(configured);
        }
        if (wire != null) {
            b.remoteValue(wire);
        }
        return b.build();
    }
}
