package io.ipsec4j.esp;

import static org.bouncycastle.util.Arrays.concatenate;
import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.testing.EspSuiteSas;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;

/** Shared helpers for the ESP tests. */
final class EspTestSupport {
    private EspTestSupport() {
    }

    static byte[] concat(byte[]... parts) {
        return concatenate(parts);
    }

    static int intAt(byte[] a, int off) {
        return ((a[off] & 0xff) << 24) | ((a[off + 1] & 0xff) << 16) | ((a[off + 2] & 0xff) << 8) | (a[off + 3] & 0xff);
    }

    static long longAt(byte[] a, int off) {
        return ((long) intAt(a, off) << 32) | (intAt(a, off + 4) & 0xFFFF_FFFFL);
    }

    static EspSaKeys randomKeys(Encryption enc, IntegrityAlgorithm integ, long seed) {
        Random r = new Random(seed);
        byte[] e = new byte[enc.keyMaterialLengthBytes()];
        byte[] a = new byte[enc.isAead() ? 0 : integ.keyLengthBytes()];
        r.nextBytes(e);
        r.nextBytes(a);
        return EspSaKeys.of(SecretBytes.of(e), SecretBytes.of(a));
    }

    /** An outbound and an inbound SA with the same keys. */
    static EspSa[] pair(Encryption enc, IntegrityAlgorithm integ, boolean esn, EspMode mode, int window)
            throws CryptoException {
        EspSaKeys keys = randomKeys(enc, integ, enc.hashCode() * 31L + integ.hashCode());
        EspSa out = EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND).encryption(enc).integrity(integ)
                .keys(keys).esn(esn).mode(mode).build();
        EspSa in = EspSa.builder().spi(0x1000).direction(EspDirection.INBOUND).encryption(enc).integrity(integ)
                .keys(keys).esn(esn).mode(mode).replayWindow(window).build();
        return new EspSa[] {out, in};
    }

    static ByteBuf withHeadroom(byte[] payload, int headroom, int tailroom) {
        ByteBuf buf = Unpooled.buffer(headroom + payload.length + tailroom);
        buf.writerIndex(headroom);
        buf.readerIndex(headroom);
        buf.writeBytes(payload);
        return buf;
    }

    static byte[] readable(ByteBuf buf) {
        byte[] out = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), out);
        return out;
    }

    static byte[] range(byte[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }

    /** Outbound and inbound transport-mode SA of {@code s} with the same random keys. */
    static EspSa[] pair(EspSuiteSas s, boolean esn, int window) throws CryptoException {
        EspSaKeys keys = randomKeys(s.suite().encryption(), s.suite().integrity(), s.toString().hashCode());
        EspSa out = EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND).encryption(s.suite().encryption())
                .integrity(s.suite().integrity()).keys(keys).esn(esn).mode(EspMode.TRANSPORT).providers(s.providers())
                .build();
        EspSa in = EspSa.builder().spi(0x1000).direction(EspDirection.INBOUND).encryption(s.suite().encryption())
                .integrity(s.suite().integrity()).keys(keys).esn(esn).mode(EspMode.TRANSPORT).replayWindow(window)
                .providers(s.providers()).build();
        return new EspSa[] {out, in};
    }
}
