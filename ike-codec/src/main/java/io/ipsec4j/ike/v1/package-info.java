/**
 * The IKEv1 (ISAKMP, RFC 2408 / RFC 2409 / RFC 2407) message codec: header and payloads, data
 * attributes, fragment reassembly, CBC encryption with the RFC 2409 Appendix B IVs, the key
 * derivation (SKEYID, SKEYID_d/a/e, KEYMAT) and the HASH values of main, aggressive, quick and
 * informational exchanges.
 *
 * <p>Decoders throw {@link io.ipsec4j.ike.v1.IkeV1PayloadMalformedException} for bad bytes; a
 * message that fails decryption or its HASH gives the one
 * {@link io.ipsec4j.ike.v1.IkeV1IntegrityCheckFailedException}. Registries are open: unknown
 * payloads, notify types, attributes and vendor IDs are kept and re-encode unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408">RFC 2408</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409">RFC 2409</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407">RFC 2407</a>
 */
package io.ipsec4j.ike.v1;
