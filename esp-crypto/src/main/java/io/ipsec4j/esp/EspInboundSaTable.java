package io.ipsec4j.esp;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbound SAs of a gateway, found by the SPI of each arriving packet (RFC 4303 §3.4.2). Safe
 * for concurrent use; {@link #open} fails with {@link EspUnknownSpiException} when no SA matches.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.2">RFC 4303 §3.4.2</a>
 */
public final class EspInboundSaTable {
    private final ConcurrentHashMap<Integer, EspSa> bySpi = new ConcurrentHashMap<>();

    /**
     * Installs an inbound SA.
     *
     * @throws IllegalArgumentException if {@code sa} is outbound or its SPI is already installed
     */
    public void add(EspSa sa) {
        Objects.requireNonNull(sa, "sa");
        if (sa.direction() != EspDirection.INBOUND) {
            throw new IllegalArgumentException("SA direction: OUTBOUND (expected: INBOUND)");
        }
        if (bySpi.putIfAbsent(sa.spi(), sa) != null) {
            throw new IllegalArgumentException(String.format("SPI 0x%08x is already installed", sa.spi()));
        }
    }

    /** Removes and returns the SA with {@code spi}, or {@code null}; the caller closes it. */
    public EspSa remove(int spi) {
        return bySpi.remove(spi);
    }

    /** Returns the SA with {@code spi}, or {@code null}. */
    public EspSa get(int spi) {
        return bySpi.get(spi);
    }

    /** Returns the number of installed SAs. */
    public int size() {
        return bySpi.size();
    }

    /**
     * Opens the ESP packet in the readable bytes of {@code buf} with the SA its SPI names.
     *
     * @return the Next Header, as {@link EspSa#open} returns it
     * @throws EspUnknownSpiException if no SA has the packet's SPI
     */
    public int open(ByteBuf buf) throws EspException {
        int spi = EspUdpEncapsulation.peekSpi(buf);
        EspSa sa = bySpi.get(spi);
        if (sa == null) {
            throw new EspUnknownSpiException(spi);
        }
        return sa.open(buf);
    }

    @Override
    public String toString() {
        return "EspInboundSaTable[" + bySpi.size() + " SAs]";
    }
}
