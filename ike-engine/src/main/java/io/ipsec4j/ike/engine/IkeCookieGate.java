package io.ipsec4j.ike.engine;

import io.ipsec4j.model.Bytes;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The responder's defence against IKE_SA_INIT floods: counts half-open IKE SAs and, above a
 * threshold, asks initiators to prove their address with a stateless COOKIE.
 *
 * <p>RFC 7296 §2.6: {@code Cookie = <VersionIDofSecret> | Hash(Ni | IPi | SPIi | <secret>)}; here
 * the hash is HMAC-SHA-256 keyed with a random secret, and the version is one byte. Responder
 * sessions that share the gate register each IKE SA between their IKE_SA_INIT response and the end
 * of IKE_AUTH. Not thread-safe, like the sessions: one event loop owns a gate.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.6">RFC 7296 §2.6</a>
 */
public final class IkeCookieGate {
    private static final int VERSION = 1;

    private final int threshold;
    private final byte[] secret = new byte[32];
    private int halfOpen;

    /**
     * Creates a gate that requires cookies while at least {@code threshold} IKE SAs are half-open.
     *
     * @param threshold 0 to always require cookies
     * @param random the source of the secret
     */
    public IkeCookieGate(int threshold, SecureRandom random) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: >= 0)");
        }
        this.threshold = threshold;
        Objects.requireNonNull(random, "random").nextBytes(secret);
    }

    /** Returns the number of half-open IKE SAs registered. */
    public int halfOpen() {
        return halfOpen;
    }

    /** Returns {@code true} if new IKE_SA_INIT requests must carry a valid cookie. */
    public boolean cookieRequired() {
        return halfOpen >= threshold;
    }

    /** Returns the cookie for an initiator's nonce, address and SPI. */
    public Bytes cookie(Bytes ni, InetAddress initiatorAddress, long spiI) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(ni.toByteArray());
            mac.update(initiatorAddress.getAddress());
            mac.update(ByteBuffer.allocate(8).putLong(spiI).array());
            byte[] hash = mac.doFinal();
            return Bytes.of(ByteBuffer.allocate(1 + hash.length).put((byte) VERSION).put(hash).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** Checks a received cookie in constant time. */
    public boolean verify(Bytes cookie, Bytes ni, InetAddress initiatorAddress, long spiI) {
        return MessageDigest.isEqual(cookie.toByteArray(), cookie(ni, initiatorAddress, spiI).toByteArray());
    }

    void opened() {
        halfOpen++;
    }

    void closed() {
        if (halfOpen > 0) {
            halfOpen--;
        }
    }

    @Override
    public String toString() {
        return "IkeCookieGate[threshold=" + threshold + ", halfOpen=" + halfOpen + "]";
    }
}
