package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.v1.IkeV1CaptureResult.Outcome;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.ike.v2.IkeWiresharkTableException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decrypts the IKEv1 messages of a capture, fed one by one in capture order, given only Wireshark's
 * {@code ikev1_decryption_table}: the Encryption Key of each ISAKMP SA by its Initiator COOKIE.
 *
 * <p>IKEv1 has no IV on the wire (RFC 2409 Appendix B): the phase 1 IV is hash(g^xi | g^xr)
 * truncated to the cipher block, with the hash the SA negotiated, and every later phase 1 message
 * uses the last ciphertext block of the one before; each quick mode, informational or transaction
 * exchange starts from hash(last phase 1 block | M-ID) and chains within itself. So the decryptor
 * learns, per ISAKMP SA, the chosen cipher and hash from the plaintext SA payloads (the one with a
 * single transform: the responder's choice), g^xi and g^xr from the KE payloads in capture order
 * (the first KE payload is the initiator's), then keeps one IV chain per message ID. A
 * byte-identical retransmission decrypts with the IV of its first copy and does not advance the
 * chain. A message that cannot be decrypted gives a typed {@link Outcome}; an integrity failure
 * is one outcome whatever its cause.
 *
 * <p>Sans-IO and bounded: it never reads or writes anything itself, state is kept only for SAs with
 * a key, and the {@link Limits} cap the SAs, the exchanges per SA and the messages remembered per
 * exchange (least recently used forgotten first). Not thread-safe: one capture, one thread.
 * <b>It holds secret keys</b>; {@link #toString()} shows none.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 * @see IkeV1WiresharkKeys
 */
public final class IkeV1CaptureDecryptor {
    /**
     * The bounds of a decryptor's state.
     *
     * @param maxSas ISAKMP SAs tracked at once; the least recently used is forgotten beyond it
     * @param maxExchangesPerSa phase 2 exchanges (message IDs) tracked per SA; the least recently
     *     used is forgotten beyond it
     * @param maxMessagesPerExchange messages remembered per exchange to recognise retransmissions
     */
    public record Limits(int maxSas, int maxExchangesPerSa, int maxMessagesPerExchange) {
        /** 256 SAs, 64 exchanges per SA, 16 messages per exchange: a few MB at most. */
        public static final Limits DEFAULT = new Limits(256, 64, 16);
        /** The largest value of any limit. */
        public static final int MAX = 65_536;

        /** Validates that each limit is between 1 and {@link #MAX}. */
        public Limits {
            check("maxSas", maxSas);
            check("maxExchangesPerSa", maxExchangesPerSa);
            check("maxMessagesPerExchange", maxMessagesPerExchange);
        }

        private static void check(String name, int value) {
            if (value < 1 || value > MAX) {
                throw new IllegalArgumentException(name + ": " + value + " (expected: 1 to " + MAX + ")");
            }
        }
    }

    private final Map<Long, SecretBytes> keys;
    private final Limits limits;
    private final IkeV1MessageDecoder decoder = new IkeV1MessageDecoder();
    private final Map<Long, IkeV1CaptureSa> sas;
    private final MessageDigest digest;

    /** Creates a decryptor with the {@link Limits#DEFAULT} limits; {@code keys}: Initiator COOKIE → Encryption Key. */
    public IkeV1CaptureDecryptor(Map<Long, SecretBytes> keys) {
        this(keys, Limits.DEFAULT);
    }

    /** Creates a decryptor; {@code keys}: Initiator COOKIE → Encryption Key (copied). */
    public IkeV1CaptureDecryptor(Map<Long, SecretBytes> keys, Limits limits) {
        this.keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sas = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, IkeV1CaptureSa> eldest) {
                return size() > limits.maxSas();
            }
        };
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    /**
     * Creates a decryptor from the text of an {@code ikev1_decryption_table} file.
     *
     * @throws IkeWiresharkTableException naming the line, if a row is malformed
     */
    public static IkeV1CaptureDecryptor fromKeyTable(String table, Limits limits) throws IkeWiresharkTableException {
        return new IkeV1CaptureDecryptor(IkeWiresharkKeys.readIkev1DecryptionTable(table), limits);
    }

    /** Returns the limits. */
    public Limits limits() {
        return limits;
    }

    /** Returns how many ISAKMP SAs are tracked now (at most {@link Limits#maxSas()}). */
    public int trackedSas() {
        return sas.size();
    }

    /**
     * Decodes one captured ISAKMP message (the UDP payload, after any non-ESP marker) and handles it
     * as {@link #handleMessage}.
     *
     * @throws IkeV1PayloadMalformedException if it is not an ISAKMP message (header or plaintext payloads)
     */
    public IkeV1CaptureResult handleDatagram(byte[] ikeMessage) throws IkeV1PayloadMalformedException {
        Objects.requireNonNull(ikeMessage, "ikeMessage");
        return handleMessage(decoder.decode(Unpooled.wrappedBuffer(ikeMessage)));
    }

    /** Handles the next decoded message of the capture: learns from it, decrypts it if it can. */
    public IkeV1CaptureResult handleMessage(IkeV1Message message) {
        Objects.requireNonNull(message, "message");
        IkeV1Header h = message.header();
        SecretBytes key = keys.get(h.initiatorCookie());
        if (key == null) {
            return new IkeV1CaptureResult(message, h.encrypted() ? Outcome.NO_KEY : Outcome.PLAINTEXT, false);
        }
        IkeV1CaptureSa sa = sas.computeIfAbsent(h.initiatorCookie(), c -> new IkeV1CaptureSa(limits));
        if (!h.encrypted()) {
            if (h.messageId() == 0) {
                sa.learn(message);
            }
            return new IkeV1CaptureResult(message, Outcome.PLAINTEXT, false);
        }
        if (sa.phase1 == null) {
            Outcome missing = startPhase1(sa, key);
            if (missing != null) {
                return new IkeV1CaptureResult(message, missing, false);
            }
        }
        IkeV1MessageProtection protection = sa.protection;
        IkeV1CaptureSa.Chain chain = sa.chain(h.messageId(), protection.blockSize());
        Bytes id = Bytes.of(digest.digest(message.ciphertext().toByteArray()));
        Bytes iv = chain.seen.get(id);
        boolean retransmission = iv != null;
        if (!retransmission) {
            iv = chain.nextIv;
        }
        IkeV1MessageProtection.Opened opened;
        try {
            opened = protection.decrypt(message, iv, decoder);
        } catch (IkeV1IntegrityCheckFailedException e) {
            // The receiver drops it, so its IV chain does not move; neither does ours.
            return new IkeV1CaptureResult(message, Outcome.INTEGRITY_CHECK_FAILED, false);
        }
        if (!retransmission) {
            chain.seen.put(id, iv);
            chain.nextIv = opened.nextIv();
        }
        return new IkeV1CaptureResult(opened.message(), Outcome.DECRYPTED, retransmission);
    }

    /** Creates the SA's cipher and phase 1 IV; returns why not, or {@code null} when done. */
    private static Outcome startPhase1(IkeV1CaptureSa sa, SecretBytes key) {
        if (sa.unsupported) {
            return Outcome.UNSUPPORTED_ALGORITHM;
        }
        if (sa.suite.isEmpty() || sa.gxi == null || sa.gxr == null) {
            return Outcome.NO_KEY_EXCHANGE;
        }
        IkeV1CaptureSa.Suite suite = sa.suite.get();
        if (key.length() != suite.keyBytes()) {
            return Outcome.KEY_LENGTH_MISMATCH;
        }
        sa.protection = IkeV1MessageProtection.create(suite.encryption(), key);
        int blockSize = sa.protection.blockSize();
        sa.phase1 = new IkeV1CaptureSa.Chain(Bytes.of(IkeV1Ivs.phase1(suite.hash(), sa.gxi, sa.gxr, blockSize)),
                sa.limits().maxMessagesPerExchange());
        return null;
    }

    @Override
    public String toString() {
        return "IkeV1CaptureDecryptor{" + keys.size() + " key(s), " + sas.size() + " SA(s) tracked, " + limits
                + ", keys redacted}";
    }
}
