package io.ipsec4j.examples;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.esp.EspDirection;
import io.ipsec4j.esp.EspException;
import io.ipsec4j.esp.EspReplayException;
import io.ipsec4j.esp.EspSa;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The ESP engine end to end: derives CHILD SA keys from a KEYMAT (RFC 7296 §2.17), seals a small
 * IPv4 packet in tunnel mode inside UDP 4500 (RFC 3948), prints the ESP packet, opens it again,
 * and shows the replay of the same packet being rejected (RFC 4303 §3.4.3).
 */
public final class EspRoundTrip {
    /** A UDP datagram 10.1.0.1:5000 → 10.2.0.1:5001 carrying "hello, ipsec4j" (IPv4 checksum filled in). */
    static final String INNER_PACKET = "4500002a00010000401166be0a0100010a020001138813890016000068656c6c6f2c206970736563346a";

    private EspRoundTrip() {}

    public static void main(String[] args) throws GeneralSecurityException {
        run(System.out);
    }

    /** Runs the round trip, printing each step; returns the inner packet as opened. */
    public static byte[] run(PrintStream out) throws GeneralSecurityException {
        Encryption enc = Encryption.AES128_GCM_16;
        // SK_d and Ni|Nr would come from the IKE SA; fixed, made-up values here.
        byte[] skD = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonces = HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
        int keymatLength = EspChildSaKeys.keymatLengthBytes(enc, IntegrityAlgorithm.NONE);
        SecretBytes keymat = Prf.create(PrfAlgorithm.HMAC_SHA2_256, CryptoProviders.defaults()).prfPlus(skD, nonces, keymatLength);
        EspSaKeys i2r = EspChildSaKeys.split(keymat, enc, IntegrityAlgorithm.NONE).initiatorToResponder();
        out.printf("KEYMAT: %d bytes -> %s (keys are never printed)%n", keymatLength, i2r);

        EspSa outbound = EspSa.builder().spi(0xc0ffee01).direction(EspDirection.OUTBOUND).encryption(enc).keys(i2r).build();
        EspSa inbound = EspSa.builder().spi(0xc0ffee01).direction(EspDirection.INBOUND).encryption(enc).keys(i2r).build();
        out.println("SA: " + outbound);

        byte[] inner = HexFormat.of().parseHex(INNER_PACKET);
        ByteBuf buf = Unpooled.buffer(256);
        buf.writerIndex(outbound.headroomBytes() + EspUdpEncapsulation.UDP_HEADER_BYTES);
        buf.readerIndex(buf.writerIndex());
        buf.writeBytes(inner);
        out.println("inner IPv4 packet (" + inner.length + " bytes): " + ByteBufUtil.hexDump(buf));

        outbound.sealTunnel(buf);
        EspUdpEncapsulation.addUdpHeader(buf, EspUdpEncapsulation.PORT, EspUdpEncapsulation.PORT);
        byte[] wire = ByteBufUtil.getBytes(buf);
        out.println("ESP-in-UDP datagram (" + wire.length + " bytes): " + Bytes.of(wire).toHex());
        out.println("  UDP 4500 -> 4500 | SPI " + Integer.toHexString(outbound.spi()) + " | seq "
                + outbound.lastSequenceNumber() + " | IV, ciphertext, ICV");

        EspUdpEncapsulation.stripUdpHeader(buf);
        int nextHeader = inbound.open(buf);
        byte[] opened = ByteBufUtil.getBytes(buf);
        out.println("opened: next header " + nextHeader + " (IPv4), " + opened.length + " bytes, equal to the original: "
                + Bytes.of(opened).equals(Bytes.of(inner)));

        ByteBuf replay = Unpooled.wrappedBuffer(wire);
        try {
            EspUdpEncapsulation.stripUdpHeader(replay);
            inbound.open(replay);
            out.println("replay accepted: THIS IS A BUG");
        } catch (EspReplayException e) {
            out.println("replayed packet rejected: " + e.getMessage());
        } catch (EspException e) {
            out.println("replayed packet rejected with an unexpected error: " + e);
        }
        outbound.close();
        inbound.close();
        return opened;
    }
}
