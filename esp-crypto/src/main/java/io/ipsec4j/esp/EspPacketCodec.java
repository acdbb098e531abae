package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.IcvMismatchException;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.EspMode;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** The RFC 4303 §2 packet layout of {@link EspSa}: header, trailer, in-place crypto over arrays. */
final class EspPacketCodec {
    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;

    private EspPacketCodec() {
    }

    static void seal(EspSa sa, EspContextPool.Context c, ByteBuf buf, int payloadLength, int nextHeader, long seq)
            throws CryptoException {
        int header = sa.headroomBytes();
        int tfc = Math.max(0, sa.tfcPadTo() - payloadLength);
        int unpadded = payloadLength + tfc + EspSa.TRAILER_FIXED_BYTES;
        int pad = sa.padding(unpadded);
        int plaintext = unpadded + pad;
        int total = header + plaintext + sa.icvLengthBytes();
        int tail = total - header - payloadLength;
        int r = buf.readerIndex();
        if (r < header) {
            // Not enough headroom: move the payload right inside the same buffer.
            int shift = header - r;
            buf.ensureWritable(shift + tail);
            buf.setBytes(r + shift, buf, r, payloadLength);
            r += shift;
            buf.writerIndex(r + payloadLength);
        } else {
            buf.ensureWritable(tail);
        }
        int start = r - header;
        if (buf.hasArray()) {
            sealArray(sa, c, buf.array(), buf.arrayOffset() + start, payloadLength, tfc, pad, nextHeader, seq);
        } else {
            byte[] s = c.staging(total);
            buf.getBytes(r, s, header, payloadLength);
            sealArray(sa, c, s, 0, payloadLength, tfc, pad, nextHeader, seq);
            buf.setBytes(start, s, 0, total);
        }
        buf.readerIndex(start);
        buf.writerIndex(start + total);
    }

    private static void sealArray(EspSa sa, EspContextPool.Context c, byte[] a, int base, int payloadLength,
            int tfc, int pad, int nextHeader, long seq) throws CryptoException {
        putInt(a, base, sa.spi());
        putInt(a, base + 4, (int) seq);
        int ivOffset = base + EspSa.HEADER_BYTES;
        int p = ivOffset + sa.ivLength() + payloadLength;
        Arrays.fill(a, p, p + tfc, (byte) 0);
        p += tfc;
        for (int i = 1; i <= pad; i++) {
            a[p++] = (byte) i;
        }
        a[p++] = (byte) pad;
        a[p] = (byte) nextHeader;
        int plaintext = payloadLength + tfc + pad + EspSa.TRAILER_FIXED_BYTES;
        Protection protection = c.protection;
        int high = (int) (seq >>> 32);
        if (protection.isAead() && sa.isEsn()) {
            putInt(c.aad, 0, sa.spi());
            putInt(c.aad, 4, high);
            putInt(c.aad, 8, (int) seq);
            protection.seal(c.aad, 0, 12, a, ivOffset, plaintext, null, seq);
        } else {
            byte[] suffix = null;
            if (sa.isEsn()) {
                putInt(c.esnHigh, 0, high);
                suffix = c.esnHigh;
            }
            protection.seal(a, base, EspSa.HEADER_BYTES, a, ivOffset, plaintext, suffix, seq);
        }
    }

    static int open(EspSa sa, EspContextPool.Context c, ByteBuf buf) throws EspException {
        int length = buf.readableBytes();
        int header = sa.headroomBytes();
        int min = header + EspSa.TRAILER_FIXED_BYTES + sa.icvLengthBytes();
        if (length < min) {
            throw new EspMalformedPacketException("ESP packet length: " + length + " (expected: >= " + min
                    + " for SPI " + Integer.toHexString(sa.spi()) + ")");
        }
        int r = buf.readerIndex();
        int spi = buf.getInt(r);
        if (spi != sa.spi()) {
            throw new EspUnknownSpiException(spi);
        }
        int low = buf.getInt(r + 4);
        long seq = sa.inferAndCheck(low);
        int ciphertext = length - header - sa.icvLengthBytes();
        byte[] a;
        int base;
        boolean staged = !buf.hasArray();
        if (staged) {
            a = c.staging(length);
            base = 0;
            buf.getBytes(r, a, 0, length);
        } else {
            a = buf.array();
            base = buf.arrayOffset() + r;
        }
        Protection protection = c.protection;
        int ivOffset = base + EspSa.HEADER_BYTES;
        try {
            if (protection.isAead() && sa.isEsn()) {
                putInt(c.aad, 0, spi);
                putInt(c.aad, 4, (int) (seq >>> 32));
                putInt(c.aad, 8, low);
                protection.open(c.aad, 0, 12, a, ivOffset, ciphertext, null);
            } else {
                byte[] suffix = null;
                if (sa.isEsn()) {
                    putInt(c.esnHigh, 0, (int) (seq >>> 32));
                    suffix = c.esnHigh;
                }
                protection.open(a, base, EspSa.HEADER_BYTES, a, ivOffset, ciphertext, suffix);
            }
        } catch (IcvMismatchException e) {
            throw new EspAuthenticationException(spi, seq);
        } catch (CryptoException e) {
            // Only reached after the ICV verified: an authentic but malformed packet.
            throw new EspMalformedPacketException("ciphertext length " + ciphertext + " does not fit "
                    + sa.encryption() + " (SPI " + Integer.toHexString(spi) + ")");
        }
        int pt = ivOffset + protection.ivLengthBytes();
        int padLength = a[pt + ciphertext - 2] & 0xff;
        int nextHeader = a[pt + ciphertext - 1] & 0xff;
        if (padLength + EspSa.TRAILER_FIXED_BYTES > ciphertext) {
            throw new EspMalformedPacketException("pad length: " + padLength + " (expected: <= "
                    + (ciphertext - EspSa.TRAILER_FIXED_BYTES) + ")");
        }
        int payload = ciphertext - padLength - EspSa.TRAILER_FIXED_BYTES;
        sa.recordReplay(seq);
        if (nextHeader == EspNextHeader.NO_NEXT_HEADER) {
            payload = 0;
        } else if (sa.mode() == EspMode.TUNNEL) {
            payload = innerLength(a, pt, payload, nextHeader);
        }
        if (staged && payload > 0) {
            buf.setBytes(r + header, a, pt, payload);
        }
        buf.readerIndex(r + header);
        buf.writerIndex(r + header + payload);
        sa.countBytes(payload);
        return nextHeader;
    }

    /** Tunnel mode: the inner IP length field tells where TFC padding starts (RFC 4303 §2.4). */
    private static int innerLength(byte[] a, int off, int payload, int nextHeader) {
        if (nextHeader == EspNextHeader.IPV4 && payload >= IPV4_MIN_HEADER) {
            int total = ((a[off + 2] & 0xff) << 8) | (a[off + 3] & 0xff);
            return total >= IPV4_MIN_HEADER && total < payload ? total : payload;
        }
        if (nextHeader == EspNextHeader.IPV6 && payload >= IPV6_HEADER) {
            int total = IPV6_HEADER + (((a[off + 4] & 0xff) << 8) | (a[off + 5] & 0xff));
            return total < payload ? total : payload;
        }
        return payload;
    }

    static void putInt(byte[] a, int off, int v) {
        a[off] = (byte) (v >>> 24);
        a[off + 1] = (byte) (v >>> 16);
        a[off + 2] = (byte) (v >>> 8);
        a[off + 3] = (byte) v;
    }
}
