package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeErrorNotifyException;
import io.ipsec4j.ike.v2.IkeMessage;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The role-specific half of an {@link IkeSession}: what the initiator or the responder does with a
 * request or response that passed the session's SPI, message-ID and integrity checks.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
interface IkeHandshake {
    /** Handles a new request from the peer (decrypted unless IKE_SA_INIT). */
    void onRequest(IkeMessage request, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws IkeErrorNotifyException, CryptoException;

    /** Handles the response to our outstanding request (decrypted unless IKE_SA_INIT). */
    void onResponse(IkeMessage response, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws IkeErrorNotifyException, CryptoException;

    /** Releases key exchange state. */
    void close();
}
