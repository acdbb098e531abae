package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v1.IkeV1CaptureDecryptor;
import io.ipsec4j.ike.v1.IkeV1CaptureResult;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageDecoder;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeWiresharkKeyRow;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.Tunnel;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Diagnoses a captured IKE negotiation: groups the datagrams into IKE SAs (IKEv2 by the initiator's
 * SPI, IKEv1 by the initiator cookie) and exchanges (message ID and requester, retransmissions
 * counted), decrypts IKEv2 SK payloads (and reassembles SKF fragments, RFC 7383) for which a
 * Wireshark key row is given, decrypts IKEv1 messages (Main Mode 5/6, Quick Mode, informationals)
 * through {@link IkeV1CaptureDecryptor} given an {@code ikev1_decryption_table}, and says how far each
 * SA got and why it failed, as {@link Finding}s with the wire values and, given the configured
 * {@link Tunnel}, what they were compared with. Without IKEv1 keys, IKEv1 is read from its plaintext
 * parts (headers, SA/KE/notify payloads before encryption, the retransmission pattern).
 *
 * <p>Bounded whatever the input: at most {@link #MAX_SAS} SAs and {@link SaTrace#MAX_MESSAGES}
 * messages per SA are kept (the rest is counted), undecodable datagrams are counted, and no input
 * raises an exception. Immutable and thread-safe (each {@link #diagnose} keeps its own decryption
 * state). A PSK mismatch is told from an ID mismatch by the decrypted IDs against the tunnel (IKEv2),
 * by whether both ends' messages open with one key (IKEv1 with keys) or by the retransmission pattern
 * (IKEv1 without), not by verifying the AUTH payload: that needs SK_pi/SK_pr, which a Wireshark key
 * table does not hold.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.2">RFC 7296 §2.2</a> (message IDs)
 */
public final class IkeDoctor {
    /** IKE SAs tracked per capture. */
    public static final int MAX_SAS = 1024;

    final Optional<Tunnel> tunnel;
    private final Map<String, IkeWiresharkKeyRow> keys;
    private final Map<Long, SecretBytes> ikev1Keys;

    private IkeDoctor(Builder b) {
        this.tunnel = Optional.ofNullable(b.tunnel);
        this.keys = Map.copyOf(b.keys);
        this.ikev1Keys = Map.copyOf(b.ikev1Keys);
    }

    /** Returns a builder with no tunnel and no keys. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IkeDoctor}; everything is optional. */
    public static final class Builder {
        private Tunnel tunnel;
        private final Map<String, IkeWiresharkKeyRow> keys = new LinkedHashMap<>();
        private final Map<Long, SecretBytes> ikev1Keys = new LinkedHashMap<>();

        private Builder() {}

        /** The tunnel as configured on one end (ours or the peer's: the addresses tell which). */
        public Builder tunnel(Tunnel tunnel) {
            this.tunnel = Objects.requireNonNull(tunnel, "tunnel");
            return this;
        }

        /** Key rows of a Wireshark {@code ikev2_decryption_table}, to decrypt IKEv2 SK payloads. */
        public Builder keys(List<IkeWiresharkKeyRow> rows) {
            rows.forEach(r -> keys.put(V2Decryption.spis(r.initiatorSpi(), r.responderSpi()), r));
            return this;
        }

        /**
         * The Encryption Key of each ISAKMP SA by its Initiator COOKIE, as Wireshark's
         * {@code ikev1_decryption_table} holds them ({@code IkeWiresharkKeys.readIkev1DecryptionTable}),
         * to decrypt IKEv1 Main Mode 5/6, Quick Mode and informational messages.
         */
        public Builder ikev1Keys(Map<Long, SecretBytes> keysByInitiatorCookie) {
            ikev1Keys.putAll(Objects.requireNonNull(keysByInitiatorCookie, "keysByInitiatorCookie"));
            return this;
        }

        /** Returns the doctor. */
        public IkeDoctor build() {
            return new IkeDoctor(this);
        }
    }

    /** Diagnoses {@code datagrams} (in capture order); never throws for any content. */
    public Diagnosis diagnose(List<UdpDatagram> datagrams) {
        Map<String, SaTrace> sas = new LinkedHashMap<>();
        EspFlows esp = new EspFlows();
        IkeMessageDecoder v2 = new IkeMessageDecoder();
        IkeV1MessageDecoder v1 = new IkeV1MessageDecoder();
        IkeV1CaptureDecryptor v1Keys = ikev1Keys.isEmpty() ? null : new IkeV1CaptureDecryptor(ikev1Keys,
                new IkeV1CaptureDecryptor.Limits(MAX_SAS, 64, 16));
        int ike = 0;
        int undecodable = 0;
        try (V2Decryption v2Keys = new V2Decryption(keys)) {
            for (UdpDatagram d : datagrams) {
                switch (d.kind()) {
                    case ESP -> esp.add(d);
                    case IKE -> {
                        ike++;
                        byte[] bytes = d.ikeMessage();
                        boolean ok = IkeHeaders.majorVersion(Unpooled.wrappedBuffer(bytes)) == IkeHeaders.MAJOR_VERSION_1
                                ? addV1(d, bytes, v1, v1Keys, sas) : addV2(d, bytes, v2, v2Keys, sas);
                        if (!ok) {
                            undecodable++;
                        }
                    }
                    default -> { }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<IkeSaSummary> summaries = new ArrayList<>();
        for (SaTrace sa : sas.values()) {
            if (sa.version == 2) {
                summaries.add(V2Rules.apply(this, sa, sas.values(), findings));
            } else {
                summaries.add(V1Rules.apply(this, sa, findings));
            }
        }
        TrafficRules.apply(sas.values(), esp, findings);
        return new Diagnosis(summaries, dedupe(findings), ike, esp.packets(), undecodable);
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        findings.forEach(f -> unique.putIfAbsent(f.code() + "|" + f.path() + "|" + f.message(), f));
        return new ArrayList<>(unique.values());
    }

    private static SaTrace sa(Map<String, SaTrace> sas, int version, long spi) {
        String key = version + "/" + spi;
        SaTrace sa = sas.get(key);
        if (sa == null && sas.size() < MAX_SAS) {
            sa = new SaTrace(version, spi);
            sas.put(key, sa);
        }
        return sa;
    }

    private static boolean addV2(UdpDatagram d, byte[] bytes, IkeMessageDecoder decoder, V2Decryption keys,
            Map<String, SaTrace> sas) {
        IkeMessage m;
        try {
            m = decoder.decode(Unpooled.wrappedBuffer(bytes));
        } catch (IkeProtocolException | IllegalArgumentException e) {
            return false;
        }
        IkeHeader h = m.header();
        SaTrace sa = sa(sas, 2, h.initiatorSpi());
        if (sa == null) {
            return true;
        }
        if (h.responderSpi() != 0) {
            sa.responderSpi = h.responderSpi();
        }
        Optional<List<IkePayload>> inner = keys.open(d, bytes, m);
        boolean retransmission = sa.seenBefore(h.initiator(), bytes);
        sa.add(new Observed(d, bytes.length, h.initiator(), h.response(), h.messageId(), m, inner.orElse(List.of()),
                inner.isPresent(), null, retransmission, null), h.exchangeType().name());
        return true;
    }

    private static boolean addV1(UdpDatagram d, byte[] bytes, IkeV1MessageDecoder decoder, IkeV1CaptureDecryptor keys,
            Map<String, SaTrace> sas) {
        IkeV1Message m;
        try {
            m = decoder.decode(Unpooled.wrappedBuffer(bytes));
        } catch (IkeProtocolException | IllegalArgumentException e) {
            return false;
        }
        SaTrace sa = sa(sas, 1, m.header().initiatorCookie());
        if (sa == null) {
            return true;
        }
        if (m.header().responderCookie() != 0) {
            sa.responderSpi = m.header().responderCookie();
        }
        // IKEv1 has no initiator flag: the initiator is the sender of the SA's first message.
        // (by address only: NAT-T moves both ends from port 500 to 4500 at message 5)
        boolean fromInitiator = sa.first == null || d.source().equals(sa.first.source());
        boolean retransmission = sa.seenBefore(fromInitiator, bytes);
        String type = m.header().exchangeType().name();
        IkeV1CaptureResult opened = keys == null ? null : keys.handleMessage(m);
        boolean decrypted = opened != null && opened.outcome() == IkeV1CaptureResult.Outcome.DECRYPTED;
        // Phase 1 modes and Quick Mode alternate initiator/responder; "response" is the responder's turn.
        sa.add(new Observed(d, bytes.length, fromInitiator, !fromInitiator, m.header().messageId(), null, List.of(),
                decrypted, decrypted ? opened.message() : m, retransmission, opened == null ? null : opened.outcome()),
                type);
        return true;
    }
}
