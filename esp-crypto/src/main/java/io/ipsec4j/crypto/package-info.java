/**
 * Cryptographic primitives shared by IKE and ESP: authenticated protection (AEAD and
 * encrypt-then-MAC) with the RFC nonce and salt layouts, integrity MACs, PRFs and prf+, and the
 * IKEv2 key exchange methods (MODP, ECP, Brainpool, X25519/X448, ML-KEM).
 *
 * <p>Everything runs on the JDK's JCA providers by default; BouncyCastle is used only where the JDK
 * lacks an algorithm (CCM, GCM with an 8-byte ICV, CMAC, Brainpool and the small NIST curves,
 * ML-KEM) or where it was measured to be the better choice (ChaCha20-Poly1305, see
 * {@link io.ipsec4j.crypto.CryptoProviders}).
 * Providers are passed explicitly; nothing here calls {@code Security.addProvider}. Instances that
 * hold JCA objects ({@link io.ipsec4j.crypto.Protection}, {@link io.ipsec4j.crypto.IntegrityMac},
 * {@link io.ipsec4j.crypto.Prf}) are not thread-safe: use one per thread.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.13">RFC 7296 §2.13</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8221">RFC 8221</a>
 */
package io.ipsec4j.crypto;
