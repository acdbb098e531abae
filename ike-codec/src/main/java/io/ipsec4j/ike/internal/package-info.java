/**
 * Helpers the IKEv1 and IKEv2 codecs share. Not exported by the {@code io.ipsec4j.ike} module and
 * not part of the API: class-path users must not depend on it either.
 */
package io.ipsec4j.ike.internal;
