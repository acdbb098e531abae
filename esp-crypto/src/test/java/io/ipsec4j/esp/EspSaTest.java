package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.pair;
import static io.ipsec4j.esp.EspTestSupport.randomKeys;
import static io.ipsec4j.esp.EspTestSupport.readable;
import static io.ipsec4j.esp.EspTestSupport.withHeadroom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EspSaTest {
    /** A minimal IPv4 header (20 bytes, total length 28) and 8 bytes of UDP. */
    private static final byte[] IPV4_PACKET = HexFormat.of().parseHex(
            "4500001c000000004011" + "0000" + "0a010001" + "0a020001" + "1f901f900008" + "0000");

    @Test
    void tunnelModeRoundTripInfersIpv4AndKeepsThePacket() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        ByteBuf buf = withHeadroom(IPV4_PACKET, sa[0].headroomBytes(), sa[0].maxTrailerBytes());
        int capacity = buf.capacity();
        sa[0].sealTunnel(buf);
        assertThat(buf.capacity()).as("sealed in place").isEqualTo(capacity);
        assertThat(buf.readableBytes()).isEqualTo(sa[0].sealedLength(IPV4_PACKET.length));
        assertThat(buf.getInt(buf.readerIndex())).isEqualTo(0x1000);
        assertThat(buf.getInt(buf.readerIndex() + 4)).isEqualTo(1);
        assertThat(sa[1].open(buf)).isEqualTo(EspNextHeader.IPV4);
        assertThat(readable(buf)).isEqualTo(IPV4_PACKET);
    }

    @Test
    void aReplayedPacketIsRejectedAfterTheFirstWasAccepted() throws Exception {
        EspSa[] sa = pair(Encryption.AES256_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128, false, EspMode.TUNNEL, 64);
        ByteBuf buf = withHeadroom(IPV4_PACKET, 0, 0);
        sa[0].sealTunnel(buf);
        byte[] wire = readable(buf);
        sa[1].open(Unpooled.wrappedBuffer(wire.clone()));
        assertThatThrownBy(() -> sa[1].open(Unpooled.wrappedBuffer(wire.clone())))
                .isInstanceOf(EspReplayException.class).hasMessageContaining("sequence 1");
    }

    @Test
    void aTamperedPacketFailsAuthenticationAndDoesNotMoveTheWindow() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, false, EspMode.TUNNEL, 64);
        ByteBuf buf = withHeadroom(IPV4_PACKET, 32, 64);
        sa[0].sealTunnel(buf);
        byte[] wire = readable(buf);
        byte[] bad = wire.clone();
        bad[30] ^= 1;
        assertThatThrownBy(() -> sa[1].open(Unpooled.wrappedBuffer(bad)))
                .isInstanceOf(EspAuthenticationException.class).hasMessageContaining("authentication failed");
        assertThat(sa[1].highestInboundSequenceNumber()).isZero();
        assertThat(sa[1].open(Unpooled.wrappedBuffer(wire))).isEqualTo(EspNextHeader.IPV4);
    }

    @Test
    void transportModeUsesTheCallersNextHeaderAndDummyPacketsAreRecognised() throws Exception {
        EspSa[] sa = pair(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE, true, EspMode.TRANSPORT, 128);
        ByteBuf buf = withHeadroom(new byte[] {1, 2, 3}, 16, 32);
        sa[0].seal(buf, 17);
        assertThat(sa[1].open(buf)).isEqualTo(17);
        assertThat(readable(buf)).containsExactly(1, 2, 3);
        ByteBuf dummy = withHeadroom(new byte[40], 16, 32);
        sa[0].seal(dummy, EspNextHeader.NO_NEXT_HEADER);
        assertThat(EspNextHeader.isDummy(sa[1].open(dummy))).isTrue();
        assertThat(dummy.readableBytes()).isZero();
    }

    @Test
    void tfcPaddingIsAddedAndTrimmedByTheInnerLength() throws Exception {
        EspSaKeys keys = randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, 7);
        EspSa out = EspSa.builder().spi(0x2000).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_GCM_16)
                .keys(keys).tfcPadTo(200).build();
        EspSa in = EspSa.builder().spi(0x2000).direction(EspDirection.INBOUND).encryption(Encryption.AES128_GCM_16)
                .keys(keys).build();
        ByteBuf buf = withHeadroom(IPV4_PACKET, 0, 0);
        out.sealTunnel(buf);
        assertThat(buf.readableBytes()).isGreaterThanOrEqualTo(8 + 8 + 200 + 2 + 16);
        in.open(buf);
        assertThat(readable(buf)).isEqualTo(IPV4_PACKET);
    }

    @Test
    void directBuffersAndMissingHeadroomWork() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        ByteBuf direct = Unpooled.directBuffer(64).writeBytes(IPV4_PACKET);
        sa[0].sealTunnel(direct);
        sa[1].open(direct);
        assertThat(readable(direct)).isEqualTo(IPV4_PACKET);
        direct.release();
    }

    @Test
    void aPacketForAnotherSpiIsRejected() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        ByteBuf buf = withHeadroom(IPV4_PACKET, 16, 32);
        sa[0].sealTunnel(buf);
        buf.setInt(buf.readerIndex(), 0x3000);
        assertThatThrownBy(() -> sa[1].open(buf)).isInstanceOf(EspUnknownSpiException.class)
                .hasMessageContaining("0x00003000");
    }

    @Test
    void shortPacketsAreMalformed() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        assertThatThrownBy(() -> sa[1].open(Unpooled.wrappedBuffer(new byte[20])))
                .isInstanceOf(EspMalformedPacketException.class).hasMessageContaining("expected: >= 34");
    }

    @Test
    void outboundSequenceNumbersNeverWrap() throws Exception {
        EspSaKeys keys = randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, 3);
        EspSa out = EspSa.builder().spi(0x4000).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_GCM_16)
                .keys(keys).nextOutboundSequenceNumber(0xFFFF_FFFFL).build();
        out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0));
        assertThat(out.lastSequenceNumber()).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(EspSequenceExhaustedException.class).hasMessageContaining("rekey");
        assertThatThrownBy(() -> out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(EspSequenceExhaustedException.class);
    }

    @Test
    void lifetimeLimitsReportRekeyThenExpire() throws Exception {
        AtomicLong now = new AtomicLong();
        EspSaKeys keys = randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, 4);
        EspSa out = EspSa.builder().spi(0x5000).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_GCM_16)
                .keys(keys).nanoClock(now::get)
                .lifetime(EspLifetime.unlimited().withPackets(2, 3).withTime(Duration.ofSeconds(10), Duration.ofSeconds(20)))
                .build();
        assertThat(out.lifetimeState()).isEqualTo(EspLifetimeState.ACTIVE);
        out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0));
        out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0));
        assertThat(out.lifetimeState()).isEqualTo(EspLifetimeState.REKEY);
        out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0));
        assertThat(out.lifetimeState()).isEqualTo(EspLifetimeState.EXPIRED);
        assertThatThrownBy(() -> out.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(EspSaExpiredException.class).hasMessageContaining("packet limit");
        EspSa timed = EspSa.builder().spi(0x5001).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_GCM_16)
                .keys(randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, 5)).nanoClock(now::get)
                .lifetime(EspLifetime.unlimited().withTime(Duration.ofSeconds(10), Duration.ofSeconds(20))).build();
        now.set(Duration.ofSeconds(15).toNanos());
        assertThat(timed.lifetimeState()).isEqualTo(EspLifetimeState.REKEY);
        now.set(Duration.ofSeconds(20).toNanos());
        assertThatThrownBy(() -> timed.sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(EspSaExpiredException.class).hasMessageContaining("time");
    }

    @Test
    void closedSasRefuseAndPrintNoKeys() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        assertThat(sa[0].toString()).contains("0x00001000").doesNotContainPattern("[0-9a-f]{20}");
        sa[0].close();
        assertThat(sa[0].lifetimeState()).isEqualTo(EspLifetimeState.EXPIRED);
        assertThatThrownBy(() -> sa[0].sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(EspSaExpiredException.class).hasMessageContaining("closed");
    }

    @Test
    void aPacketRacingCloseFailsWithTheTypedExpiredExceptionAndBuildsNoContext() throws Exception {
        // The time-lifetime check reads the clock last: closing there puts close() between the
        // "closed?" check and the context hand-out, where a concurrent close() can land.
        AtomicReference<EspSa> victim = new AtomicReference<>();
        LongSupplier closingClock = () -> {
            EspSa sa = victim.get();
            if (sa != null) {
                sa.close();
            }
            return 0;
        };
        for (EspDirection direction : EspDirection.values()) {
            EspSa sa = EspSa.builder().spi(0x6000).direction(direction).encryption(Encryption.AES128_GCM_16)
                    .keys(randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, 6)).nanoClock(closingClock)
                    .lifetime(EspLifetime.unlimited().withTime(Duration.ofHours(1), Duration.ofHours(2))).build();
            victim.set(sa);
            ByteBuf buf = withHeadroom(IPV4_PACKET, 64, 64);
            assertThatThrownBy(() -> {
                if (direction == EspDirection.OUTBOUND) {
                    sa.sealTunnel(buf);
                } else {
                    sa.open(buf);
                }
            }).as(direction.toString()).isInstanceOf(EspSaExpiredException.class).hasMessageContaining("closed");
            victim.set(null);
        }
    }

    @Test
    void callersHoldingTheSasMonitorCannotStallIt() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, true, EspMode.TUNNEL, 128);
        ByteBuf buf = withHeadroom(IPV4_PACKET, 64, 64);
        sa[0].sealTunnel(buf);
        synchronized (sa[1]) {
            // The executable runs in another thread, which must not need this monitor.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThat(sa[1].open(buf)).isEqualTo(EspNextHeader.IPV4);
                assertThat(sa[1].highestInboundSequenceNumber()).isEqualTo(1);
            });
        }
    }

    @Test
    void directionIsEnforced() throws Exception {
        EspSa[] sa = pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TUNNEL, 128);
        assertThatThrownBy(() -> sa[1].sealTunnel(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sa[0].open(withHeadroom(IPV4_PACKET, 0, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidConfigurationsAreRejected() {
        assertThatThrownBy(() -> EspSa.builder().spi(255)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: >= 256");
        assertThatThrownBy(() -> EspSa.builder().replayWindow(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND)
                .encryption(Encryption.AES128_CBC)
                .keys(randomKeys(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, 1)).build())
                .isInstanceOf(io.ipsec4j.crypto.CryptoException.class).hasMessageContaining("integrity NONE");
    }
}
