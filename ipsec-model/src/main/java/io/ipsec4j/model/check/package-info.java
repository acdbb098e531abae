/**
 * Checks on tunnels beyond their own validity: {@link io.ipsec4j.model.check.VendorProfile}s say
 * what AWS, Azure, GCP and Harmony SASE accept, and {@link io.ipsec4j.model.check.Compatibility}
 * compares the two ends of a tunnel and explains every mismatch with the phase that fails.
 */
package io.ipsec4j.model.check;
