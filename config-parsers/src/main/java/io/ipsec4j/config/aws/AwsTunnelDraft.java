package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase1;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.IkeVersion;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** One AWS tunnel being read: the builders and the provenance of each value set so far. */
final class AwsTunnelDraft {
    final CloudTunnel.Builder tunnel = CloudTunnel.builder();
    final CloudPhase1.Builder phase1 = CloudPhase1.builder();
    final CloudPhase2.Builder phase2 = CloudPhase2.builder();
    final Map<CloudField, SourceLocation> provenance = new EnumMap<>(CloudField.class);
    final int number;
    final SourceLocation location;
    /** IKE major version stated, 0 when none; the mode is combined at the end. */
    int ikeMajor;
    String ikeMode;
    SourceLocation ikeVersionAt;

    AwsTunnelDraft(int number, SourceLocation location) {
        this.number = number;
        this.location = location;
        provenance.put(CloudField.TUNNEL, location);
    }

    void at(CloudField field, SourceLocation where) {
        provenance.put(field, where);
    }

    boolean has(CloudField field) {
        return provenance.containsKey(field);
    }

    Optional<SourceLocation> where(CloudField field) {
        return Optional.ofNullable(provenance.get(field));
    }

    /** IKEv1 (main unless aggressive is stated) or IKEv2; IKEv1 when the file states no version. */
    IkeVersion ikeVersion() {
        if (ikeMajor == 2) {
            return IkeVersion.IKEV2;
        }
        return "aggressive".equalsIgnoreCase(ikeMode) ? IkeVersion.IKEV1_AGGRESSIVE : IkeVersion.IKEV1_MAIN;
    }

    CloudTunnel build(String group) {
        if (!provenance.containsKey(CloudField.IKE_VERSION)) {
            provenance.put(CloudField.IKE_VERSION, ikeVersionAt != null ? ikeVersionAt : location);
        }
        phase1.addIkeVersions(ikeVersion());
        return tunnel.group(group)
                .number(number)
                .phase1(phase1.build())
                .phase2(phase2.build())
                .putAllProvenance(provenance)
                .build();
    }
}
