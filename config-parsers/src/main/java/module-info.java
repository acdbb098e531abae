/**
 * Reads the AWS, Azure, GCP and strongSwan files into one neutral connection and model tunnels, and
 * the library's own JSON tunnel document. Jackson and the JDK's StAX are used inside only: no
 * exported signature mentions them. {@code io.ipsec4j.config.internal} holds the readers the
 * format parsers share and is not exported.
 */
module io.ipsec4j.config {
    requires transitive io.ipsec4j.model;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires java.xml;
    requires static org.immutables.value;

    exports io.ipsec4j.config;
    exports io.ipsec4j.config.aws;
    exports io.ipsec4j.config.azure;
    exports io.ipsec4j.config.gcp;
    exports io.ipsec4j.config.json;
    exports io.ipsec4j.config.strongswan;
}
