package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of valid IKEv1 payloads and messages: every payload type, known and unknown numbers. */
final class IkeV1Generators {
    private IkeV1Generators() {}

    static int range(RandomnessSource in, int min, int max) {
        return Generate.range(min, max).generate(in);
    }

    static boolean bool(RandomnessSource in) {
        return Generate.booleans().generate(in);
    }

    static Bytes bytes(RandomnessSource in, int min, int max) {
        byte[] b = new byte[range(in, min, max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) range(in, 0, 255);
        }
        return Bytes.of(b);
    }

    static List<IkeV1DataAttribute> attributes(RandomnessSource in) {
        List<IkeV1DataAttribute> list = new ArrayList<>();
        int n = range(in, 0, 5);
        for (int i = 0; i < n; i++) {
            list.add(bool(in) ? IkeV1DataAttribute.basic(range(in, 0, 0x7FFF), range(in, 0, 0xFFFF))
                    : IkeV1DataAttribute.variable(range(in, 0, 0x7FFF), bytes(in, 0, 9)));
        }
        return list;
    }

    static IkeV1SaPayload sa(RandomnessSource in) {
        List<IkeV1Proposal> proposals = new ArrayList<>();
        int np = range(in, 1, 3);
        for (int p = 0; p < np; p++) {
            List<IkeV1Transform> transforms = new ArrayList<>();
            int nt = range(in, 1, 4);
            for (int t = 0; t < nt; t++) {
                transforms.add(new IkeV1Transform(t + 1, range(in, 0, 255), attributes(in)));
            }
            proposals.add(new IkeV1Proposal(p + 1, range(in, 0, 4), bytes(in, 0, 8), transforms));
        }
        return new IkeV1SaPayload(range(in, 0, 2), range(in, 0, 4), proposals);
    }

    static IkeV1Payload payload(RandomnessSource in) {
        switch (range(in, 0, 17)) {
            case 0: return sa(in);
            case 1: return new IkeV1KePayload(bytes(in, 0, 40));
            case 2: return new IkeV1IdPayload(IkeV1IdType.valueOf(range(in, 0, 13)), range(in, 0, 255),
                    range(in, 0, 0xFFFF), bytes(in, 0, 20));
            case 3: return new IkeV1CertPayload(range(in, 0, 255), bytes(in, 0, 30));
            case 4: return new IkeV1CertRequestPayload(range(in, 0, 255), bytes(in, 0, 30));
            case 5: return new IkeV1HashPayload(bytes(in, 0, 32));
            case 6: return new IkeV1SignaturePayload(bytes(in, 0, 32));
            case 7: return new IkeV1NoncePayload(bytes(in, 0, 32));
            case 8: return new IkeV1NotificationPayload(range(in, 0, 1), range(in, 0, 4), bytes(in, 0, 16),
                    IkeV1NotifyType.valueOf(bool(in) ? range(in, 0, 0xFFFF) : 36136), bytes(in, 0, 8));
            case 9: {
                int size = range(in, 1, 16);
                List<Bytes> spis = new ArrayList<>();
                int n = range(in, 0, 3);
                for (int i = 0; i < n; i++) {
                    spis.add(bytes(in, size, size));
                }
                return new IkeV1DeletePayload(range(in, 0, 1), range(in, 0, 4), size, spis);
            }
            case 10: return new IkeV1VendorIdPayload(bytes(in, 0, 20));
            case 11: return new IkeV1AttributePayload(range(in, 0, 255), range(in, 0, 0xFFFF), attributes(in));
            case 12: return new IkeV1NatDPayload(bool(in) ? IkeV1PayloadType.NAT_D : IkeV1PayloadType.NAT_D_DRAFT,
                    bytes(in, 0, 20));
            case 13: return new IkeV1NatOaPayload(bool(in) ? IkeV1PayloadType.NAT_OA : IkeV1PayloadType.NAT_OA_DRAFT,
                    IkeV1IdType.valueOf(range(in, 0, 255)), bytes(in, 0, 16));
            case 14: return new IkeV1FragmentPayload(range(in, 0, 0xFFFF), range(in, 0, 255), range(in, 0, 255),
                    bytes(in, 0, 30));
            default: {
                int t = range(in, 15, 255);
                while (IkeV1PayloadCodec.isDecoded(IkeV1PayloadType.valueOf(t))) {
                    t = range(in, 15, 255);
                }
                return new IkeV1UnknownPayload(IkeV1PayloadType.valueOf(t), bytes(in, 0, 20));
            }
        }
    }

    static Gen<List<IkeV1Payload>> payloadChains() {
        return in -> {
            List<IkeV1Payload> list = new ArrayList<>();
            int n = range(in, 0, 6);
            for (int i = 0; i < n; i++) {
                list.add(payload(in));
            }
            return list;
        };
    }

    static IkeV1Header header(RandomnessSource in, boolean encrypted) {
        int flags = range(in, 0, 255) & ~IkeV1Header.FLAG_ENCRYPTION | (encrypted ? IkeV1Header.FLAG_ENCRYPTION : 0);
        return new IkeV1Header(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in),
                Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in),
                IkeV1ExchangeType.valueOf(bool(in) ? range(in, 0, 255) : 2), flags,
                Generate.longRange(0, 0xFFFF_FFFFL).generate(in), range(in, 0, 15));
    }

    static Gen<IkeV1Message> messages() {
        return in -> {
            if (range(in, 0, 4) == 0) {
                return IkeV1Message.encrypted(header(in, true), IkeV1PayloadType.valueOf(range(in, 0, 255)),
                        bytes(in, 0, 64));
            }
            return IkeV1Message.of(header(in, false), payloadChains().generate(in));
        };
    }
}
