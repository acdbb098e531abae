/**
 * The immutable, validated model of IPsec site-to-site tunnels: {@link io.ipsec4j.model.Tunnel}
 * (Phase I, Phase II, routing), {@link io.ipsec4j.model.RedundantTunnels} (an active-active pair
 * with BGP) and the small values they are made of (addresses, selectors, identities, lifetimes,
 * DPD, ASNs, secrets).
 *
 * <p>Every value is valid once built: construction throws {@link
 * io.ipsec4j.model.ModelValidationException} with every error and its field path. Secrets
 * ({@link io.ipsec4j.model.Secret}, {@link io.ipsec4j.model.SecretBytes}) never appear in
 * {@code toString()}. The algorithm registry is in {@link io.ipsec4j.model.algorithm}; vendor
 * profiles and the comparison of the two ends of a tunnel are in {@link io.ipsec4j.model.check}.
 */
@ValueStyle
package io.ipsec4j.model;
