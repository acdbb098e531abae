package io.ipsec4j.config.json;

/** Whether a written tunnel document shows the pre-shared keys. */
public enum SecretOutput {
    /** Keys are written as {@code {"redacted": true, "length": n}}; such a document cannot be read back into tunnels. */
    REDACT,
    /** Keys are written in clear: only when the caller explicitly asks (an export for an IKE daemon). */
    REVEAL
}
