package io.ipsec4j.ike.doctor;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeReassembler;
import io.ipsec4j.ike.v2.IkeSkCodec;
import io.ipsec4j.ike.v2.IkeSkPayload;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.ike.v2.IkeWiresharkKeyRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the IKEv2 messages of one capture with the rows of a Wireshark key table: the SK payload of
 * a whole message, or the SKF fragments of a fragmented one (RFC 7383) through the codec's bounded
 * {@link IkeReassembler}, one per direction of each keyed SA, timed by the capture's timestamps.
 * At most {@link #MAX_DIRECTIONS} directions are kept; the codecs' keys are wiped by {@link #close()}.
 */
final class V2Decryption implements AutoCloseable {
    /** SA directions with a codec and a reassembler. */
    static final int MAX_DIRECTIONS = 2 * IkeDoctor.MAX_SAS;

    private record Direction(IkeSkCodec codec, IkeReassembler reassembler) {}

    private final Map<String, IkeWiresharkKeyRow> keys;
    private final Map<String, Direction> directions = new HashMap<>();
    private long now;

    V2Decryption(Map<String, IkeWiresharkKeyRow> keys) {
        this.keys = keys;
    }

    static String spis(long spiI, long spiR) {
        return spiI + "/" + spiR;
    }

    /**
     * The inner payloads of {@code m} (decoded from {@code bytes}), or empty when it has no SK/SKF
     * payload, no key row opens it, or it is a fragment of a message still incomplete.
     */
    Optional<List<IkePayload>> open(UdpDatagram d, byte[] bytes, IkeMessage m) {
        boolean sk = m.payload(IkeSkPayload.class).isPresent();
        if (!sk && m.payload(IkeSkfPayload.class).isEmpty()) {
            return Optional.empty();
        }
        Direction dir = direction(m.header());
        if (dir == null) {
            return Optional.empty();
        }
        now = d.timestampNanos();
        try {
            return sk ? Optional.of(dir.codec().decrypt(bytes, m)) : dir.reassembler().accept(bytes, m)
                    .map(IkeMessage::payloads);
        } catch (IkeProtocolException | IllegalArgumentException e) {
            return Optional.empty(); // wrong or mismatched keys, or a fragment the reassembler refuses
        }
    }

    private Direction direction(IkeHeader h) {
        String key = spis(h.initiatorSpi(), h.responderSpi()) + "/" + h.initiator();
        Direction dir = directions.get(key);
        if (dir != null) {
            return dir;
        }
        IkeWiresharkKeyRow row = keys.get(spis(h.initiatorSpi(), h.responderSpi()));
        if (row == null || row.integrity().isEmpty() || directions.size() >= MAX_DIRECTIONS) {
            return null;
        }
        boolean i = h.initiator();
        try {
            IkeSkCodec codec = IkeSkCodec.create(row.encryption(), row.integrity().get(), i ? row.skEi() : row.skEr(),
                    row.encryption().isAead() ? null : i ? row.skAi() : row.skAr(), CryptoProviders.defaults());
            dir = new Direction(codec, new IkeReassembler(codec, new IkeMessageDecoder(),
                    IkeReassembler.Limits.DEFAULTS, () -> now));
        } catch (CryptoException | IllegalArgumentException e) {
            return null;
        }
        directions.put(key, dir);
        return dir;
    }

    @Override
    public void close() {
        directions.values().forEach(d -> d.codec().close());
        directions.clear();
    }
}
