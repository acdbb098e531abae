package io.ipsec4j.config;

/**
 * The fields of a {@link CloudTunnel}, as keys of its provenance map: each value read from a file
 * remembers where it was ({@link CloudTunnel#sourceOf(CloudField)}), so later messages (model
 * validation, vendor profiles) can point the user at the line, JSON pointer or XPath.
 */
public enum CloudField {
    /** The tunnel block or object itself. */
    TUNNEL,
    CLOUD_OUTSIDE_ADDRESS,
    CUSTOMER_OUTSIDE_ADDRESS,
    PRE_SHARED_KEY,
    CLOUD_INSIDE_ADDRESS,
    CUSTOMER_INSIDE_ADDRESS,
    ROUTING,
    CUSTOMER_ASN,
    CLOUD_ASN,
    BGP_NEIGHBOR,
    CUSTOMER_BGP_ADDRESS,
    BGP_HOLD_TIME,
    STATIC_NEXT_HOP,
    IKE_VERSION,
    PHASE1_MODE,
    PHASE1_ENCRYPTION,
    PHASE1_INTEGRITY,
    PHASE1_PRF,
    PHASE1_DH_GROUPS,
    PHASE1_LIFETIME,
    PHASE2_PROTOCOL,
    PHASE2_MODE,
    PHASE2_ENCRYPTION,
    PHASE2_INTEGRITY,
    PHASE2_PFS_GROUPS,
    PHASE2_LIFETIME,
    PHASE2_LIFETIME_KILOBYTES,
    REPLAY_WINDOW,
    DPD_INTERVAL,
    DPD_RETRIES,
    DPD_TIMEOUT,
    DPD_ACTION,
    MTU,
    TCP_MSS,
    CLOUD_NETWORKS,
    CUSTOMER_NETWORKS,
    STARTUP_ACTION
}
