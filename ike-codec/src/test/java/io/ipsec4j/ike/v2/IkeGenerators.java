package io.ipsec4j.ike.v2;

import io.ipsec4j.fixtures.NetworkGenerators;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.TransformType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid IKEv2 payloads and messages: every payload type, known and
 * unknown registry numbers, optional SK/SKF last. They need ike-codec types, so they live in this
 * module's test tree rather than in ipsec-test-fixtures.
 */
final class IkeGenerators {
    private IkeGenerators() {}

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

    static <T> T pick(RandomnessSource in, List<T> items) {
        return items.get(range(in, 0, items.size() - 1));
    }

    static IkeTransform transform(RandomnessSource in) {
        TransformType type = TransformType.valueOf(range(in, 0, 3) == 0 ? range(in, 0, 255) : range(in, 1, 5));
        List<IkeTransformAttribute> attributes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int n = range(in, 0, 2);
        for (int i = 0; i < n; i++) {
            IkeTransformAttribute a = bool(in) ? IkeTransformAttribute.keyLength(pick(in, List.of(128, 192, 256)))
                    : new IkeTransformAttribute(range(in, 0, 0x7FFF), false, bytes(in, 0, 6));
            if (seen.add(a.attributeType())) {
                attributes.add(a);
            }
        }
        return new IkeTransform(type, range(in, 0, 0xFFFF), attributes);
    }

    static IkeSaProposal proposal(RandomnessSource in, int number) {
        IkeProtocolId protocol = IkeProtocolId.valueOf(range(in, 0, 4));
        Bytes spi = protocol.equals(IkeProtocolId.IKE) ? bytes(in, 0, 0).length() == 0 && bool(in) ? Bytes.EMPTY : bytes(in, 8, 8)
                : protocol.equals(IkeProtocolId.AH) || protocol.equals(IkeProtocolId.ESP) ? bytes(in, 4, 4) : bytes(in, 0, 9);
        List<IkeTransform> transforms = new ArrayList<>();
        int n = range(in, 0, 6);
        for (int i = 0; i < n; i++) {
            transforms.add(transform(in));
        }
        return new IkeSaProposal(number, protocol, spi, transforms);
    }

    static IkeTrafficSelector selector(RandomnessSource in) {
        if (range(in, 0, 5) == 0) {
            return new IkeTrafficSelector(IkeTsType.valueOf(pick(in, List.of(0, 9, 10, 200))), range(in, 0, 255), bytes(in, 0, 12));
        }
        IpFamily family = bool(in) ? IpFamily.IPV4 : IpFamily.IPV6;
        IpAddress a = NetworkGenerators.addresses(family).generate(in);
        IpAddress b = NetworkGenerators.addresses(family).generate(in);
        return IkeTrafficSelector.ofAddressRange(range(in, 0, 255), range(in, 0, 0xFFFF), range(in, 0, 0xFFFF), a, b);
    }

    static IkeNotifyPayload notify(RandomnessSource in) {
        switch (range(in, 0, 7)) {
            case 0:
                return IkeNotifyPayload.natDetectionSourceIp(bytes(in, 20, 20));
            case 1:
                return IkeNotifyPayload.cookie(bytes(in, 1, 64));
            case 2:
                return IkeNotifyPayload.rekeySa(IkeProtocolId.ESP, range(in, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case 3:
                return IkeNotifyPayload.invalidKePayload(KeyExchangeMethod.valueOf(range(in, 0, 0xFFFF)));
            case 4:
                return IkeNotifyPayload.setWindowSize(range(in, 0, Integer.MAX_VALUE));
            case 5:
                return IkeNotifyPayload.signatureHashAlgorithms(List.of(range(in, 0, 9), range(in, 0, 0xFFFF)));
            default:
                try {
                    return new IkeNotifyPayload(IkeProtocolId.valueOf(range(in, 0, 255)), bytes(in, 0, 8),
                            IkeNotifyType.valueOf(range(in, 0, 0xFFFF)), bytes(in, 0, 24));
                } catch (IllegalArgumentException typedDataRuleBroken) {
                    return IkeNotifyPayload.status(IkeNotifyType.INITIAL_CONTACT);
                }
        }
    }

    static IkeAuthPayload auth(RandomnessSource in) {
        if (bool(in)) {
            return IkeAuthPayload.digitalSignature(bytes(in, 0, 20), bytes(in, 0, 40));
        }
        int method = pick(in, List.of(1, 2, 3, 9, 10, 11, 13, range(in, 15, 255)));
        return new IkeAuthPayload(IkeAuthMethod.valueOf(method), bytes(in, 0, 40));
    }

    static IkeIdPayload id(RandomnessSource in, boolean initiator) {
        switch (range(in, 0, 3)) {
            case 0:
                return IkeIdPayload.ofAddress(initiator, NetworkGenerators.addresses().generate(in));
            case 1:
                return IkeIdPayload.ofFqdn(initiator, "h" + range(in, 0, 999999) + ".example");
            default:
                return new IkeIdPayload(initiator, IkeIdType.valueOf(pick(in, List.of(2, 3, 9, 10, 11, 12, 13, 200))), bytes(in, 0, 30));
        }
    }

    static IkeDeletePayload delete(RandomnessSource in) {
        switch (range(in, 0, 2)) {
            case 0:
                return IkeDeletePayload.ikeSa();
            case 1: {
                List<Bytes> spis = new ArrayList<>();
                int n = range(in, 0, 3);
                for (int i = 0; i < n; i++) {
                    spis.add(bytes(in, 4, 4));
                }
                return IkeDeletePayload.esp(spis);
            }
            default: {
                int size = range(in, 1, 8);
                List<Bytes> spis = new ArrayList<>();
                int n = range(in, 0, 3);
                for (int i = 0; i < n; i++) {
                    spis.add(bytes(in, size, size));
                }
                return new IkeDeletePayload(IkeProtocolId.valueOf(range(in, 4, 255)), size, spis);
            }
        }
    }

    static IkeConfigPayload config(RandomnessSource in) {
        List<IkeConfigAttribute> attributes = new ArrayList<>();
        int n = range(in, 0, 4);
        for (int i = 0; i < n; i++) {
            attributes.add(new IkeConfigAttribute(IkeConfigAttributeType.valueOf(range(in, 0, 0x7FFF)), bytes(in, 0, 17)));
        }
        return new IkeConfigPayload(IkeConfigType.valueOf(range(in, 0, 255)), attributes);
    }

    /** Any payload except SK and SKF. */
    static IkePayload plainPayload(RandomnessSource in) {
        switch (range(in, 0, 16)) {
            case 0: {
                List<IkeSaProposal> proposals = new ArrayList<>();
                int n = range(in, 1, 3);
                for (int i = 1; i <= n; i++) {
                    proposals.add(proposal(in, i));
                }
                return new IkeSaPayload(proposals);
            }
            case 1:
                return new IkeKePayload(KeyExchangeMethod.valueOf(range(in, 0, 40)), bytes(in, 0, 64));
            case 2:
            case 3:
                return id(in, bool(in));
            case 4:
                return new IkeCertPayload(IkeCertEncoding.valueOf(range(in, 0, 255)), bytes(in, 0, 40));
            case 5:
                return new IkeCertReqPayload(IkeCertEncoding.X509_SIGNATURE, bytes(in, 0, 2).length() > 0 ? bytes(in, 20, 20) : Bytes.EMPTY);
            case 6:
                return auth(in);
            case 7:
                return new IkeNoncePayload(bytes(in, 16, 64));
            case 8:
            case 9:
                return notify(in);
            case 10:
                return delete(in);
            case 11:
                return new IkeVendorPayload(bytes(in, 0, 20));
            case 12: {
                List<IkeTrafficSelector> selectors = new ArrayList<>();
                int n = range(in, 1, 4);
                for (int i = 0; i < n; i++) {
                    selectors.add(selector(in));
                }
                return new IkeTsPayload(bool(in), selectors);
            }
            case 13:
                return config(in);
            case 14:
                return new IkeEapPayload(bytes(in, 0, 20));
            default:
                return new IkeUnknownPayload(IkePayloadType.valueOf(pick(in, List.of(49, 50, 51, 52, 54, range(in, 55, 255)))),
                        false, bytes(in, 0, 20));
        }
    }

    static IkePayload encryptedPayload(RandomnessSource in) {
        IkePayloadType first = IkePayloadType.valueOf(pick(in, List.of(0, 33, 35, 41, 46, range(in, 0, 255))));
        if (bool(in)) {
            return new IkeSkPayload(first, bytes(in, 0, 64));
        }
        int total = range(in, 1, 6);
        return new IkeSkfPayload(first, range(in, 1, total), total, bytes(in, 0, 64));
    }

    /** Payload chains that obey the message rules: no repeated non-repeatable type, SK/SKF last. */
    static Gen<List<IkePayload>> payloadChains() {
        return in -> {
            List<IkePayload> payloads = new ArrayList<>();
            Set<IkePayloadType> seen = new HashSet<>();
            int n = range(in, 0, 8);
            for (int i = 0; i < n; i++) {
                IkePayload p = plainPayload(in);
                boolean unique = p.type().isRepeatable() || p instanceof IkeUnknownPayload || seen.add(p.type());
                if (unique) {
                    payloads.add(p);
                }
            }
            if (range(in, 0, 3) == 0) {
                payloads.add(encryptedPayload(in));
            }
            return List.copyOf(payloads);
        };
    }

    static Gen<IkeHeader> headers() {
        return in -> new IkeHeader(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in),
                bool(in) ? 0 : Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in),
                IkeExchangeType.valueOf(range(in, 0, 3) == 0 ? range(in, 0, 255) : range(in, 34, 37)),
                bool(in), bool(in), Generate.longRange(0, 0xFFFF_FFFFL).generate(in), range(in, 0, 15), bool(in));
    }

    static Gen<IkeMessage> messages() {
        return headers().zip(payloadChains(), IkeMessage::new);
    }
}
