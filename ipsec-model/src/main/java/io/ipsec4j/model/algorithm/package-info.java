/**
 * The algorithm registry: every IPsec transform with its IANA number, sizes, RFC requirement level
 * and the names strongSwan, AWS, Azure, GCP, Harmony SASE and Wireshark give it.
 *
 * <p>IKEv2 negotiates an SA as proposals of transforms, each a (Transform Type, Transform ID) pair
 * from the IANA "IKEv2 Parameters" registry (RFC 7296 §3.3). This package is the single source of
 * truth for those numbers and what follows from them, used by the ESP engine (key, IV, ICV, salt and
 * block sizes), the IKE codec (ids, key lengths, KE data lengths, IKEv1 attribute values), the
 * cloud-file parsers (vendor spellings) and the checks (RFC 8221 / RFC 8247 status):
 *
 * <ul>
 *   <li>{@link io.ipsec4j.model.algorithm.TransformType} and the open value classes
 *       {@link io.ipsec4j.model.algorithm.EncryptionAlgorithm},
 *       {@link io.ipsec4j.model.algorithm.PrfAlgorithm},
 *       {@link io.ipsec4j.model.algorithm.IntegrityAlgorithm},
 *       {@link io.ipsec4j.model.algorithm.KeyExchangeMethod} and
 *       {@link io.ipsec4j.model.algorithm.EsnMode}, all subclasses of
 *       {@link io.ipsec4j.model.algorithm.Algorithm}: unknown ids are kept, never rejected;
 *   <li>{@link io.ipsec4j.model.algorithm.Encryption} (algorithm plus key size) and the validated
 *       proposals {@link io.ipsec4j.model.algorithm.IkeProposal} and
 *       {@link io.ipsec4j.model.algorithm.EspProposal};
 *   <li>{@link io.ipsec4j.model.algorithm.StrongSwanProposals} (proposal strings) and
 *       {@link io.ipsec4j.model.algorithm.AlgorithmNames} (vendor spellings) and
 *       {@link io.ipsec4j.model.algorithm.WiresharkNames} (Wireshark's key tables), which fail with
 *       {@link io.ipsec4j.model.algorithm.UnknownAlgorithmNameException} and suggestions, never with
 *       a silent default;
 *   <li>{@link io.ipsec4j.model.algorithm.IkeV1Attributes} and the IKEv1 attribute values
 *       {@link io.ipsec4j.model.algorithm.IkeV1AuthMethod},
 *       {@link io.ipsec4j.model.algorithm.IkeV1LifeType},
 *       {@link io.ipsec4j.model.algorithm.IkeV1EncapsulationMode}.
 * </ul>
 *
 * <p>Everything here is immutable and uses the JDK only.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters">IANA IKEv2 Parameters</a>
 */
package io.ipsec4j.model.algorithm;
