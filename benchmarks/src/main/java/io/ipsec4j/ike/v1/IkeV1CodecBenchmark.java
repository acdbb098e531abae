package io.ipsec4j.ike.v1;

import io.ipsec4j.esp.EspBenchmarkBase;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The IKEv1 codec on RUB-NDS IPsec-StateMachineExtractor's captured messages
 * ({@code vectors/rubnds-ikev1-ikev2-esp.txt}), beside {@code io.ipsec4j.ike.v2.IkeCodecBenchmark}.
 *
 * <p>{@code decodeMainMode}: {@link IkeV1MessageDecoder#decode} of the 84-byte main mode SA offer.
 * {@code encodeMainMode}: {@link IkeV1MessageEncoder#encode} of it into a cleared buffer.
 * {@code decryptInformational}: decode of the 76-byte encrypted informational plus
 * {@link IkeV1MessageProtection#decrypt} (AES-128-CBC, decode of HASH and Notification).
 * {@code decryptQuickMode}: decode of quick mode message 1 of the examples' bundled strongSwan
 * capture ({@code strongswan-ikev1.pcapng}, 172 bytes) plus its decryption (AES-128-CBC with the
 * capture's key table Ka and the RFC 2409 Appendix B IV hash(last phase 1 block | M-ID)) and the
 * decode of its HASH, SA (ESP proposal), NONCE and two ID payloads. Run with {@code -prof gc} for
 * the allocation per message.
 */
@State(Scope.Thread)
public class IkeV1CodecBenchmark extends EspBenchmarkBase {
    private static final HexFormat HEX = HexFormat.of();

    /** RUB-NDS IKEv1HandshakeTest.testIKEMessagesFromByteArray, message 1 (84 bytes). */
    static final String MAIN_MODE_SA = "577c85a9cd808d5400000000000000000110020000000000000000540000003800000001"
            + "000000010000002c00010001000000240001000080010007800e0080800200028004000280030001800b0001800c7080";
    /** RUB-NDS EncryptedISAKMPMessageTest.testDecrypt (76 bytes), with its key and IV. */
    static final String INFORMATIONAL = "05041c1d00fd6eff2e9ac75cd77f5cc6081005015c9704a70000004c03ea6c1d88aa6ca97a"
            + "94ff3f2c641c1542c69e66d5b8e9965fea0a19eae77985d22f9acb0164b32223c9b3b384b67516";
    static final String KEY = "c9fc2bdbd56171be58c4abd940e5d58e";
    static final String IV = "3d374a012e6bbc7ad042f15490f403b1";
    /** Quick mode message 1 of {@code examples/.../strongswan-ikev1.pcapng} (frame 7, after the non-ESP marker). */
    static final String QUICK_MODE = "5eca7aee1a94213aa02822011b9ead280810200189e3b847000000acd843fc958e9f445e473e1a87"
            + "16963b4f89c54e6302e8c5ee26a92cf33613dc7dec460693cbae537b7cff3a283e61dd2bf92e1f53d5d4668f5a81470f8d2a933d"
            + "db40dca05bd721e5177b4a21768ea788846e4c0e8446cdefc26043181d88cd3b81447b1e5c7322b1577121b5bc33613cb6d9c5127"
            + "7b292e15d8ddd1b9d5cbe1b2b1cf68ca65830f819ff2b222987ba6f";
    /** That session's Ka (its bundled {@code ikev1_decryption_table} row) and the quick mode's first IV. */
    static final String QUICK_MODE_KEY = "86a09ee12001148d72f463c06ccd3252";
    static final String QUICK_MODE_IV = "c3ab45cbf08ac1016e21efdfbe3bc29d";

    private final IkeV1MessageDecoder decoder = new IkeV1MessageDecoder();
    private ByteBuf mainBuf;
    private IkeV1Message mainMessage;
    private ByteBuf out;
    private ByteBuf infoBuf;
    private IkeV1MessageProtection protection;
    private Bytes iv;
    private ByteBuf quickBuf;
    private IkeV1MessageProtection quickProtection;
    private Bytes quickIv;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] main = HEX.parseHex(MAIN_MODE_SA);
        mainBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(main));
        mainMessage = decoder.decode(mainBuf.duplicate());
        if (!IkeV1MessageEncoder.encodeToBytes(mainMessage).equals(Bytes.of(main))) {
            throw new IllegalStateException("main mode SA offer does not re-encode byte for byte");
        }
        out = Unpooled.buffer(256);
        infoBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(HEX.parseHex(INFORMATIONAL)));
        protection = IkeV1MessageProtection.create(EncryptionAlgorithm.AES_CBC, SecretBytes.of(HEX.parseHex(KEY)));
        iv = Bytes.fromHex(IV);
        if (decryptInformational().payloads().size() != 2) {
            throw new IllegalStateException("informational does not decrypt to HASH and Notification");
        }
        quickBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(HEX.parseHex(QUICK_MODE)));
        quickProtection = IkeV1MessageProtection.create(EncryptionAlgorithm.AES_CBC,
                SecretBytes.of(HEX.parseHex(QUICK_MODE_KEY)));
        quickIv = Bytes.fromHex(QUICK_MODE_IV);
        IkeV1Message quick = decryptQuickMode();
        if (quick.payloads().size() != 5 || quick.payloads(IkeV1IdPayload.class).size() != 2) {
            throw new IllegalStateException("quick mode does not decrypt to HASH, SA, NONCE, ID, ID");
        }
    }

    @Benchmark
    public IkeV1Message decodeMainMode() throws IkeV1PayloadMalformedException {
        return decoder.decode(mainBuf.duplicate());
    }

    @Benchmark
    public ByteBuf encodeMainMode() {
        out.clear();
        IkeV1MessageEncoder.encode(mainMessage, out);
        return out;
    }

    @Benchmark
    public IkeV1Message decryptInformational() throws Exception {
        return protection.decrypt(decoder.decode(infoBuf.duplicate()), iv, decoder).message();
    }

    @Benchmark
    public IkeV1Message decryptQuickMode() throws Exception {
        return quickProtection.decrypt(decoder.decode(quickBuf.duplicate()), quickIv, decoder).message();
    }
}
