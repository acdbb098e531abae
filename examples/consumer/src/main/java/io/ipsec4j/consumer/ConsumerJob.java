package io.ipsec4j.consumer;

import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.esp.EspDirection;
import io.ipsec4j.esp.EspNextHeader;
import io.ipsec4j.esp.EspSa;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.engine.IkeSessionOptions;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One small job of an embedder, run on the module path and on the class path by {@code ./run}:
 * imports a bundled AWS file, seals and opens one ESP packet, decodes a published IKE_SA_INIT
 * datagram and builds the engine's options. On the module path it also proves that the ipsec4j
 * modules export their API only: their internal packages stay closed to this module.
 *
 * <p>Any failure throws, so the JVM exits non-zero and CI fails.
 */
public final class ConsumerJob {
    /** AOSP's IKE_SA_INIT request (published test vector, 336 bytes): SA, KE, Nonce, 2 × Notify, Vendor ID. */
    private static final String IKE_SA_INIT = "8f54bf6d8b48e6e100000000000000002120220800000000"
            + "00000150220000300000002c010100040300000c0100000c800e00800300000803000002030000080400000200000008"
            + "020000022800008800020000b4a2faf4bb54878ae21d638512ece55d9236fc5046ab6cef82220f421f3ce6361faf3656"
            + "4ecb6d28798a94aad7b2b4b603ddeaaa5630adb9ece8ac37534036040610ebdd92f46bef84f0be7db860351843858f8a"
            + "cf87056e272377f70c9f2d81e29c7b0ce4f291a3a72476bb0b278fd4b7b0a4c26bbeb08214c707137607958729000024"
            + "c39b7f368f4681b89fa9b7be6465abd7c5f68b6ed5d3b4c72cb4240eb5c464122900001c00004004e54f73b7d83f6beb"
            + "881eab2051d8663f421d10b02b00001c00004005d915368ca036004cb578ae3e3fb268509aeab1900000002069936922"
            + "8741c6d4ca094c93e242c9de19e7b7c60000000500000500";

    /** Classes of the non-exported packages, one per module that has such a package. */
    private static final List<String> INTERNALS = List.of(
            "io.ipsec4j.config.internal.JsonInput", "io.ipsec4j.ike.internal.IkeWireBytes");

    private ConsumerJob() {}

    public static void main(String[] args) throws Exception {
        boolean modulePath = ConsumerJob.class.getModule().isNamed();
        String where = modulePath ? "module path" : "class path";

        CloudImport imported = CloudTunnelMapper.importBytes(resource("aws-generic-tgw-bgp.txt"));
        check(!imported.hasErrors() && !imported.allTunnels().isEmpty(), "AWS import: " + imported.findings());
        System.out.printf("[%s] AWS file: %d tunnels%n", where, imported.allTunnels().size());

        System.out.printf("[%s] ESP: %s%n", where, espRoundTrip());

        IkeMessage message = new IkeDatagramDecoder().decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(IKE_SA_INIT)), false)
                .ikeV2().orElseThrow(() -> new AssertionError("not IKEv2"));
        check(message.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT) && message.payloads().size() == 6,
                "IKE decode: " + message);
        System.out.printf("[%s] IKE: %s with %d payloads%n", where, message.header().exchangeType(), message.payloads().size());

        System.out.printf("[%s] engine: retransmit limit %d%n", where, IkeSessionOptions.defaults().retransmitLimit());

        if (modulePath) {
            checkModules();
        } else {
            check(!CloudImport.class.getModule().isNamed() && !EspSa.class.getModule().isNamed(), "expected the class path");
        }
        System.out.printf("[%s] OK%n", where);
    }

    /** Seals one IPv4 packet in tunnel mode and opens it with the peer's SA. */
    private static String espRoundTrip() throws Exception {
        Encryption enc = Encryption.AES128_GCM_16;
        byte[] skD = new byte[32];
        byte[] nonces = new byte[32];
        Arrays.fill(nonces, (byte) 0xa5);
        int length = EspChildSaKeys.keymatLengthBytes(enc, IntegrityAlgorithm.NONE);
        SecretBytes keymat = Prf.create(PrfAlgorithm.HMAC_SHA2_256, CryptoProviders.defaults()).prfPlus(skD, nonces, length);
        EspSaKeys keys = EspChildSaKeys.split(keymat, enc, IntegrityAlgorithm.NONE).initiatorToResponder();
        byte[] inner = HexFormat.of().parseHex(
                "4500002a00010000401166be0a0100010a020001138813890016000068656c6c6f2c206970736563346a");
        try (EspSa out = EspSa.builder().spi(0x1001).direction(EspDirection.OUTBOUND).encryption(enc).keys(keys).build();
                EspSa in = EspSa.builder().spi(0x1001).direction(EspDirection.INBOUND).encryption(enc).keys(keys).build()) {
            ByteBuf buf = Unpooled.buffer(256);
            buf.writerIndex(out.headroomBytes()).readerIndex(out.headroomBytes());
            buf.writeBytes(inner);
            out.sealTunnel(buf);
            int sealed = buf.readableBytes();
            int nextHeader = in.open(buf);
            check(nextHeader == EspNextHeader.IPV4 && Arrays.equals(ByteBufUtil.getBytes(buf), inner), "ESP round trip");
            buf.release();
            return inner.length + "-byte packet sealed into " + sealed + " bytes and opened";
        }
    }

    /** The internal packages are neither exported nor usable from this module. */
    private static void checkModules() throws ClassNotFoundException {
        Module self = ConsumerJob.class.getModule();
        for (String name : INTERNALS) {
            Class<?> internal = Class.forName(name);
            Module owner = internal.getModule();
            check(owner.isNamed() && !owner.isExported(internal.getPackageName(), self),
                    owner + " exports " + internal.getPackageName());
            Method method = Arrays.stream(internal.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                    .findFirst().orElseThrow(() -> new AssertionError("no public static method in " + name));
            try {
                // The access check comes before the arguments are looked at.
                method.invoke(null, new Object[method.getParameterCount()]);
                throw new AssertionError("leaked internal: " + name + " is usable from " + self);
            } catch (IllegalAccessException expected) {
                System.out.printf("[module path] %s is closed to us: %s%n", internal.getPackageName(), expected.getMessage());
            } catch (IllegalArgumentException | InvocationTargetException e) {
                throw new AssertionError("leaked internal: " + name + " is usable from " + self, e);
            }
        }
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getName().startsWith("io.ipsec4j.") && m != self) {
                m.getDescriptor().exports().stream().filter(e -> e.source().contains(".internal"))
                        .forEach(e -> check(false, m.getName() + " exports " + e));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ConsumerJob.class.getResourceAsStream(name)) {
            check(in != null, "bundled resource missing: " + name);
            return in.readAllBytes();
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("consumer check failed: " + what);
        }
    }
}
