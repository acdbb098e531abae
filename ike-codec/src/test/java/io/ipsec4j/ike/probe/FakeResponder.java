package io.ipsec4j.ike.probe;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.v1.IkeV1ExchangeType;
import io.ipsec4j.ike.v1.IkeV1Header;
import io.ipsec4j.ike.v1.IkeV1KePayload;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageEncoder;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1NotifyType;
import io.ipsec4j.ike.v1.IkeV1Payload;
import io.ipsec4j.ike.v1.IkeV1Proposal;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1SaProposals;
import io.ipsec4j.ike.v1.IkeV1Transform;
import io.ipsec4j.ike.v1.IkeV1VendorIdPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIds;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeVendorPayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IkeV1AuthMethod;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scripted IKE responder built on our own codec, for the probe's unit logic: it selects like a
 * strongSwan responder (its configured proposals in order, the first offered transform of each type
 * that it has), answers NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD, COOKIE (when asked to demand one)
 * or a chosen proposal, and counts the successful answers (half-open SAs on a real responder).
 */
final class FakeResponder {
    /** The responder's cookie secret. */
    static final Bytes COOKIE_SECRET = Bytes.fromHex("00112233445566778899aabbccddeeff");
    static final Bytes STRONGSWAN_VID = Bytes.fromHex("882fe56d6fd20dbc2251613b2ebe5beb");

    private final List<IkeProposal> config;
    private final IkeDatagramDecoder decoder = new IkeDatagramDecoder();
    boolean demandCookie;
    /** The only IKE major version spoken (0: both); the other gets INVALID_MAJOR_VERSION in this one's format. */
    int onlyVersion;
    /** In Aggressive Mode, the only initiator identity with a peer configuration (null: any). */
    io.ipsec4j.model.Identity aggressivePeer;
    int cookiesSent;
    int successes;
    int requests;

    FakeResponder(String strongSwanProposals) {
        this.config = new ArrayList<>();
        for (String p : strongSwanProposals.split(",")) {
            config.add(IkeProposal.parse(p.trim()));
        }
    }

    /** Returns the answer to {@code request}, or null for silence. */
    byte[] answer(byte[] request) throws Exception {
        requests++;
        IkeDatagramDecoder.Decoded d = decoder.decode(Unpooled.wrappedBuffer(request), false);
        long spi = java.nio.ByteBuffer.wrap(request).getLong();
        if (onlyVersion == 1 && d.ikeV2().isPresent()) {
            return notification(spi, IkeV1NotifyType.INVALID_MAJOR_VERSION);
        }
        if (onlyVersion == 2 && d.ikeV1().isPresent()) {
            return v2(IkeHeader.of(spi, 0, IkeExchangeType.INFORMATIONAL, false, true, 0),
                    IkeNotifyPayload.status(IkeNotifyType.INVALID_MAJOR_VERSION));
        }
        return d.ikeV2().isPresent() ? v2(d.ikeV2().get()) : v1(d.ikeV1().get());
    }

    private byte[] v2(IkeMessage m) {
        IkeHeader h = IkeHeader.of(m.header().initiatorSpi(), 0x1234L, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        if (demandCookie) {
            Bytes expected = cookie(m);
            if (!m.notify(IkeNotifyType.COOKIE).map(n -> n.data().equals(expected)).orElse(false)) {
                cookiesSent++;
                return v2(h, IkeNotifyPayload.cookie(expected));
            }
        }
        for (IkeProposal mine : config) {
            for (IkeSaProposal offered : m.payload(IkeSaPayload.class).get().proposals()) {
                Optional<IkeProposal> o = IkeSaProposals.toIkeProposal(offered);
                Optional<IkeProposal> chosen = o.flatMap(theirs -> select(mine, theirs));
                if (chosen.isEmpty()) {
                    continue;
                }
                KeyExchangeMethod group = chosen.get().keyExchange().get(0);
                if (!m.payload(IkeKePayload.class).get().method().equals(group)) {
                    return v2(h, IkeNotifyPayload.invalidKePayload(group));
                }
                successes++;
                List<IkePayload> p = new ArrayList<>();
                p.add(new IkeSaPayload(List.of(IkeSaProposals.fromIkeProposal(offered.number(), chosen.get(), Bytes.EMPTY))));
                p.add(m.payload(IkeKePayload.class).get());
                p.add(new IkeNoncePayload(Bytes.of(new byte[32])));
                p.add(IkeNotifyPayload.natDetectionSourceIp(Bytes.of(new byte[20])));
                p.add(IkeNotifyPayload.natDetectionDestinationIp(Bytes.of(new byte[20])));
                p.add(IkeNotifyPayload.status(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED));
                p.add(new IkeVendorPayload(STRONGSWAN_VID));
                return IkeMessageEncoder.encodeToBytes(new IkeMessage(h, p)).toByteArray();
            }
        }
        return v2(h, IkeNotifyPayload.status(IkeNotifyType.NO_PROPOSAL_CHOSEN));
    }

    /**
     * The cookie RFC 7296 §2.6 suggests, {@code Hash(Ni | IPi | SPIi | secret)} (no IP here): a
     * retry that changes the nonce or the SPI does not carry a valid cookie.
     */
    static Bytes cookie(IkeMessage m) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(m.payload(IkeNoncePayload.class).orElseThrow().nonce().toByteArray());
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(m.header().initiatorSpi()).array());
            sha.update(COOKIE_SECRET.toByteArray());
            return Bytes.of(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] v2(IkeHeader h, IkeNotifyPayload n) {
        return IkeMessageEncoder.encodeToBytes(new IkeMessage(h, List.of(n))).toByteArray();
    }

    /** One transform of each type: the first of ours that they offer. */
    static Optional<IkeProposal> select(IkeProposal mine, IkeProposal theirs) {
        var e = mine.encryption().stream().filter(theirs.encryption()::contains).findFirst();
        var i = mine.integrity().stream().filter(theirs.integrity()::contains).findFirst();
        var p = mine.prf().stream().filter(theirs.prf()::contains).findFirst();
        var k = mine.keyExchange().stream().filter(theirs.keyExchange()::contains).findFirst();
        if (e.isEmpty() || p.isEmpty() || k.isEmpty() || !mine.isAead() && i.isEmpty()) {
            return Optional.empty();
        }
        IkeProposal.Builder b = IkeProposal.builder().addEncryption(e.get()).addPrf(p.get()).addKeyExchange(k.get());
        i.ifPresent(b::addIntegrity);
        return Optional.of(b.build());
    }

    private byte[] v1(IkeV1Message m) {
        long cookie = m.header().initiatorCookie();
        List<IkeV1Transform> offered = m.payload(IkeV1SaPayload.class).get().proposals().get(0).transforms();
        for (IkeProposal mine : config) {
            if (mine.isAead()) {
                continue; // no AEAD in IKEv1 phase 1
            }
            List<IkeV1Transform> suites = IkeV1SaProposals.toPhase1(mine, IkeV1AuthMethod.PRE_SHARED_KEY,
                    Lifetime.ofSeconds(28800)).transforms();
            for (IkeV1Transform s : suites) {
                for (IkeV1Transform t : offered) {
                    if (suite(s).equals(suite(t))) {
                        if (aggressivePeer != null && m.header().exchangeType().equals(IkeV1ExchangeType.AGGRESSIVE)
                                && !m.payload(io.ipsec4j.ike.v1.IkeV1IdPayload.class)
                                        .flatMap(io.ipsec4j.ike.v1.IkeV1Identities::toIdentity)
                                        .equals(Optional.of(aggressivePeer))) {
                            return notification(cookie, IkeV1NotifyType.AUTHENTICATION_FAILED); // as charon does
                        }
                        successes++;
                        List<IkeV1Payload> p = new ArrayList<>();
                        p.add(IkeV1SaPayload.of(List.of(new IkeV1Proposal(1, 1, Bytes.EMPTY, List.of(t)))));
                        m.payload(IkeV1KePayload.class).ifPresent(p::add);
                        p.add(new IkeV1VendorIdPayload(IkeV1VendorIds.NAT_T_RFC3947));
                        p.add(new IkeV1VendorIdPayload(IkeV1VendorIds.DPD));
                        p.add(new IkeV1VendorIdPayload(STRONGSWAN_VID));
                        return IkeV1MessageEncoder.encodeToBytes(IkeV1Message.of(
                                IkeV1Header.of(cookie, 0x5678L, m.header().exchangeType(), 0, 0), p)).toByteArray();
                    }
                }
            }
        }
        return notification(cookie, IkeV1NotifyType.NO_PROPOSAL_CHOSEN);
    }

    private static byte[] notification(long cookie, IkeV1NotifyType type) {
        IkeV1NotificationPayload n = new IkeV1NotificationPayload(1, 1, Bytes.EMPTY, type, Bytes.EMPTY);
        return IkeV1MessageEncoder.encodeToBytes(IkeV1Message.of(
                IkeV1Header.of(cookie, 0x5678L, IkeV1ExchangeType.INFORMATIONAL, 0, 0x0badcafeL), List.of(n))).toByteArray();
    }

    private static Optional<IkeProposal> suite(IkeV1Transform t) {
        return IkeV1SaProposals.toIkeProposal(new IkeV1Proposal(1, 1, Bytes.EMPTY, List.of(t)));
    }
}
