package io.ipsec4j.model;

/** How much a {@link Finding} matters. */
public enum Severity {
    /** The tunnel cannot work, or the value is not accepted. */
    ERROR,
    /** It may work, but something is weak, unusual or will bite later. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
