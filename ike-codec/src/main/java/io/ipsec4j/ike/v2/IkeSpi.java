package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import java.util.Objects;

/**
 * SPIs between the wire form ({@link Bytes} in {@link IkeSaProposal#spi()}, Notify and Delete
 * payloads) and the numbers the rest of the API uses: {@code long} for the 8-byte IKE SPIs of
 * {@link IkeHeader} and {@link IkeKeySchedule}, {@code int} for the 4-byte ESP/AH SPIs of
 * {@code io.ipsec4j.esp.EspSa}. Big-endian, as on the wire (RFC 7296 §3.3.1). Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.1">RFC 7296 §3.3.1</a>
 */
public final class IkeSpi {
    /** Size of an ESP or AH SPI. */
    public static final int CHILD_SPI_BYTES = 4;
    /** Size of an IKE SPI. */
    public static final int IKE_SPI_BYTES = 8;

    private IkeSpi() {
    }

    /** Returns the 4 wire bytes of an ESP or AH SPI. */
    public static Bytes ofChild(int spi) {
        return Bytes.of((byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi);
    }

    /** Returns the 8 wire bytes of an IKE SPI. */
    public static Bytes ofIke(long spi) {
        byte[] b = new byte[IKE_SPI_BYTES];
        for (int i = 0; i < IKE_SPI_BYTES; i++) {
            b[i] = (byte) (spi >>> (56 - 8 * i));
        }
        return Bytes.of(b);
    }

    /**
     * Returns a 4-byte ESP or AH SPI as the {@code int} {@code EspSa} uses.
     *
     * @throws IllegalArgumentException if {@code spi} is not 4 bytes
     */
    public static int toChild(Bytes spi) {
        return (int) toNumber(spi, CHILD_SPI_BYTES, "ESP/AH");
    }

    /**
     * Returns an 8-byte IKE SPI as the {@code long} {@link IkeHeader} uses.
     *
     * @throws IllegalArgumentException if {@code spi} is not 8 bytes
     */
    public static long toIke(Bytes spi) {
        return toNumber(spi, IKE_SPI_BYTES, "IKE");
    }

    private static long toNumber(Bytes spi, int size, String what) {
        Objects.requireNonNull(spi, "spi");
        if (spi.length() != size) {
            throw new IllegalArgumentException(what + " SPI size: " + spi.length() + " (expected: " + size + ")");
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = v << 8 | spi.get(i) & 0xFF;
        }
        return v;
    }
}
