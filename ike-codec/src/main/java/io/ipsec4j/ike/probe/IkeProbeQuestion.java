package io.ipsec4j.ike.probe;

import java.util.Objects;

/**
 * One question a probe asks: is this transform accepted (in some combination), which suite does
 * the responder prefer, or which suite does it choose with this encryption.
 *
 * @param kind what is asked
 * @param transform the model transform asked about, or null for {@link Kind#PREFERENCE}
 */
record IkeProbeQuestion(Kind kind, Object transform) {
    /** What a question asks. */
    enum Kind { KEY_EXCHANGE, ENCRYPTION, INTEGRITY, PRF, PREFERENCE, COMBINATION }

    IkeProbeQuestion {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return transform == null ? k : k + " " + IkeProbeResult.keyword(transform);
    }
}
