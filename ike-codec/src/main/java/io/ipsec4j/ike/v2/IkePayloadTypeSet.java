package io.ipsec4j.ike.v2;

/**
 * A set of payload types as a 256-bit mask (the Next Payload field is one byte), for the
 * repeated-payload checks of {@link IkeMessage} and {@link IkeMessageDecoder}: one small object
 * instead of a hash set with a node per payload. Not thread-safe; used within one method call.
 */
final class IkePayloadTypeSet {
    private long bits0;
    private long bits1;
    private long bits2;
    private long bits3;

    /** Adds {@code type}; returns {@code false} if it was already present. */
    boolean add(IkePayloadType type) {
        int code = type.code();
        long bit = 1L << (code & 63);
        switch (code >>> 6) {
            case 0:
                return bits0 != (bits0 |= bit);
            case 1:
                return bits1 != (bits1 |= bit);
            case 2:
                return bits2 != (bits2 |= bit);
            default:
                return bits3 != (bits3 |= bit);
        }
    }
}
