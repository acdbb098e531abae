/**
 * Reading the cloud providers' site-to-site VPN files into one neutral description, and mapping it
 * to the model's tunnels.
 *
 * <p>{@link io.ipsec4j.config.CloudConfigReader} is the entry point: it decodes the bytes
 * ({@link io.ipsec4j.config.ConfigText}), detects the format from the content
 * ({@link io.ipsec4j.config.CloudConfigDetector}, CONFIG-FORMATS.md §0) and returns a
 * {@link io.ipsec4j.config.CloudVpnConnection} of {@link io.ipsec4j.config.CloudTunnel}s with
 * {@link io.ipsec4j.config.ConfigWarning}s; bad input is a checked
 * {@link io.ipsec4j.config.ConfigParseException} with a line, column, JSON pointer or XPath.
 * {@link io.ipsec4j.config.CloudTunnelMapper} turns a connection into model tunnels and
 * redundant pairs from the SASE gateway's side and runs the model's validation and the vendor
 * profiles ({@link io.ipsec4j.config.CloudImport}). The format-specific parsers live in
 * {@code .aws}, {@code .azure} and {@code .gcp}; the library's own JSON document in {@code .json}.
 * Pre-shared keys are {@link io.ipsec4j.model.Secret}s and never appear in messages or reports.
 */
package io.ipsec4j.config;
