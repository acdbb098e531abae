/**
 * The tunnel doctor: from the datagrams of a capture, which IKE SAs and exchanges took place, how
 * far each got and why a negotiation failed, as the model's {@link io.ipsec4j.model.Finding}s.
 */
package io.ipsec4j.ike.doctor;
