package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspBenchmarkBase;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The IKE codec on the AOSP IKEv2 session (PRF-HMAC-SHA1, AES-CBC-128, HMAC-SHA1-96, MODP-1024;
 * {@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}, from AOSP
 * {@code packages/modules/IPsec} commit 5c964bbdc7cdda748b75e231102577ea7148f7ca).
 *
 * <p>{@code decodeInit}: {@link IkeMessageDecoder#decode} of the 336-byte IKE_SA_INIT request
 * (a duplicate of one buffer per operation). {@code encodeInit}: {@link IkeMessageEncoder#encode}
 * of the decoded message into a cleared buffer. {@code decryptAuth}: decode of the 236-byte
 * IKE_AUTH request plus {@link IkeSkCodec#decrypt} (HMAC-SHA1-96 check, AES-CBC decryption, decode
 * of the eight inner payloads) with the initiator's keys. {@code keySchedule}: SKEYSEED and the
 * seven SK_* keys ({@link IkeKeySchedule#create}) from the session's nonces, SPIs and g^ir.
 */
@State(Scope.Thread)
public class IkeCodecBenchmark extends EspBenchmarkBase {
    private static final HexFormat HEX = HexFormat.of();

    /** AOSP IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING (336 bytes). */
    static final String IKE_SA_INIT_REQUEST = "5f54bf6d8b48e6e1000000000000000021202208"
            + "0000000000000150220000300000002c01010004"
            + "0300000c0100000c800e00800300000803000002"
            + "0300000804000002000000080200000228000088"
            + "00020000b4a2faf4bb54878ae21d638512ece55d"
            + "9236fc5046ab6cef82220f421f3ce6361faf3656"
            + "4ecb6d28798a94aad7b2b4b603ddeaaa5630adb9"
            + "ece8ac37534036040610ebdd92f46bef84f0be7d"
            + "b860351843858f8acf87056e272377f70c9f2d81"
            + "e29c7b0ce4f291a3a72476bb0b278fd4b7b0a4c2"
            + "6bbeb08214c707137607958729000024c39b7f36"
            + "8f4681b89fa9b7be6465abd7c5f68b6ed5d3b4c7"
            + "2cb4240eb5c464122900001c00004004e54f73b7"
            + "d83f6beb881eab2051d8663f421d10b02b00001c"
            + "00004005d915368ca036004cb578ae3e3fb26850"
            + "9aeab19000000020699369228741c6d4ca094c93"
            + "e242c9de19e7b7c60000000500000500";

    /** AOSP IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING (236 bytes). */
    static final String IKE_AUTH_REQUEST = "5f54bf6d8b48e6e1909232b3d1edcb5c2e20230800000001000000ec"
            + "230000d0b9132b7bb9f658dfdc648e5017a6322a030c316c"
            + "e55f365760d46426ce5cfc78bd1ed9abff63eb9594c1bd58"
            + "46de333ecd3ea2b705d18293b130395300ba92a351041345"
            + "0a10525cea51b2753b4e92b081fd78d995659a98f742278f"
            + "f9b8fd3e21554865c15c79a5134d66b2744966089e416c60"
            + "a274e44a9a3f084eb02f3bdce1e7de9de8d9a62773ab563b"
            + "9a69ba1db03c752acb6136452b8a86c41addb4210d68c423"
            + "efed80e26edca5fa3fe5d0a5ca9375ce332c474b93fb1fa3"
            + "59eb4e81ae6e0f22abdad69ba8007d50";

    /** AOSP SaRecordTest.IKE_NONCE_RESP_HEX_STRING. */
    static final String NONCE_R = "9756112CA539F5C25ABACC7EE92B73091942A9C06950F98848F1AF1694C4DDFF";

    /** AOSP SaRecordTest.IKE_SHARED_DH_KEY_HEX_STRING (g^ir, MODP-1024). */
    static final String SHARED_SECRET = "C14155DEA40056BD9C76FB4819687B7A397582F4CD5AFF4B"
            + "8F441C56E0C08C84234147A0BA249A555835A048E3CA2980"
            + "7D057A61DD26EEFAD9AF9C01497005E52858E29FB42EB849"
            + "6731DF96A11CCE1F51137A9A1B900FA81AEE7898E373D4E4"
            + "8B899BBECA091314ECD4B6E412EF4B0FEF798F54735F3180"
            + "7424A318287F20E8";

    private final IkeMessageDecoder decoder = new IkeMessageDecoder();
    private ByteBuf initBuf;
    private IkeMessage initMessage;
    private ByteBuf out;
    private byte[] authBytes;
    private ByteBuf authBuf;
    private IkeSkCodec skCodec;
    private Prf prf;
    private Bytes ni;
    private Bytes nr;
    private long spiI;
    private long spiR;
    private SecretBytes sharedSecret;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] init = HEX.parseHex(IKE_SA_INIT_REQUEST);
        if (init.length != 336) {
            throw new IllegalStateException("IKE_SA_INIT request: " + init.length + " bytes (expected: 336)");
        }
        initBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(init));
        initMessage = decoder.decode(initBuf.duplicate());
        out = Unpooled.buffer(512);
        IkeMessageEncoder.encode(initMessage, out);
        if (!Bytes.of(init).equals(Bytes.of(ByteBufUtil.getBytes(out)))) {
            throw new IllegalStateException("IKE_SA_INIT request does not re-encode byte for byte");
        }

        authBytes = HEX.parseHex(IKE_AUTH_REQUEST);
        authBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(authBytes));
        IkeMessage auth = decoder.decode(authBuf.duplicate());
        CryptoProviders providers = CryptoProviders.defaults();
        prf = Prf.create(PrfAlgorithm.HMAC_SHA1, providers);
        ni = initMessage.payload(IkeNoncePayload.class).orElseThrow().nonce();
        nr = Bytes.fromHex(NONCE_R);
        spiI = initMessage.header().initiatorSpi();
        spiR = auth.header().responderSpi();
        sharedSecret = SecretBytes.of(HEX.parseHex(SHARED_SECRET));
        try (IkeKeySchedule keys = keySchedule()) {
            skCodec = IkeSkCodec.of(keys, true, providers);
        }
        List<IkePayload> inner = skCodec.decrypt(authBytes, auth);
        if (inner.size() != 8 || inner.get(0).type() != IkePayloadType.ID_INITIATOR) {
            throw new IllegalStateException("IKE_AUTH request decrypts to " + inner);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        skCodec.close();
        sharedSecret.destroy();
    }

    @Benchmark
    public IkeMessage decodeInit() throws IkeProtocolException {
        return decoder.decode(initBuf.duplicate());
    }

    @Benchmark
    public ByteBuf encodeInit() {
        out.clear();
        IkeMessageEncoder.encode(initMessage, out);
        return out;
    }

    @Benchmark
    public List<IkePayload> decryptAuth() throws IkeProtocolException {
        return skCodec.decrypt(authBytes, decoder.decode(authBuf.duplicate()));
    }

    @Benchmark
    public void keySchedule(Blackhole bh) throws Exception {
        try (IkeKeySchedule keys = keySchedule()) {
            bh.consume(keys.skEr());
        }
    }

    private IkeKeySchedule keySchedule() throws Exception {
        return IkeKeySchedule.create(prf, Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, ni, nr, spiI, spiR,
                sharedSecret);
    }
}
