package io.ipsec4j.model;

/** The part of a tunnel's life that a finding affects: what fails, and when. */
public enum Phase {
    /** Phase I: the IKE SA does not come up. */
    PHASE_1("Phase I (IKE SA)"),
    /** Phase II: the first CHILD (ESP) SA does not come up. */
    PHASE_2("Phase II (CHILD SA)"),
    /** The tunnel comes up, but its first CHILD SA rekey fails (e.g. IKEv2 PFS mismatch). */
    PHASE_2_REKEY("Phase II rekey"),
    /** SAs are up, but routing or BGP over them does not work. */
    ROUTING("routing/BGP"),
    /** Nothing fails outright (lifetimes, DPD, style). */
    NONE("none");

    private final String displayName;

    Phase(String displayName) {
        this.displayName = displayName;
    }

    /** Human wording, e.g. {@code Phase I (IKE SA)}. */
    public String displayName() {
        return displayName;
    }
}
