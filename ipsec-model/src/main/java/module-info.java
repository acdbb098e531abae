/**
 * The immutable, validated tunnel model, the algorithm registry and the two-end checks. JDK only:
 * no Netty, Jackson or BouncyCastle types.
 */
module io.ipsec4j.model {
    requires static org.immutables.value;

    exports io.ipsec4j.model;
    exports io.ipsec4j.model.algorithm;
    exports io.ipsec4j.model.check;
}
