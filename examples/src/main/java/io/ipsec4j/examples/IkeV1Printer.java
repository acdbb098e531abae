package io.ipsec4j.examples;

import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v1.IkeV1DeletePayload;
import io.ipsec4j.ike.v1.IkeV1Header;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageDecoder;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1Payload;
import io.ipsec4j.ike.v1.IkeV1Proposal;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIdPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIds;
import io.netty.buffer.Unpooled;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * Prints one IKEv1 (ISAKMP) message of a capture for {@link DecodeIkeCapture}: the header, then
 * each plaintext payload, or the size of the encrypted body.
 *
 * <p>Decrypting IKEv1 needs more than a key table row: every exchange's IV is chained from the
 * previous message (RFC 2409 Appendix B), so an encrypted body is shown as such.
 */
final class IkeV1Printer {
    /** Stateless and thread-safe: one serves every message. */
    private static final IkeV1MessageDecoder DECODER = new IkeV1MessageDecoder();

    private IkeV1Printer() {
    }

    /** Decodes {@code ike} (the IKE message, after any non-ESP marker) and prints it. */
    static void print(byte[] ike, PrintStream out) {
        IkeV1Message m;
        try {
            m = DECODER.decode(Unpooled.wrappedBuffer(ike));
        } catch (IkeProtocolException e) {
            out.println("  not a valid IKEv1 message: " + e.getMessage());
            return;
        }
        IkeV1Header h = m.header();
        out.printf("  IKEv1 %s, cookies %016x/%016x, message ID %08x%s%s%n", h.exchangeType(), h.initiatorCookie(),
                h.responderCookie(), h.messageId(), h.commit() ? ", commit" : "",
                h.authenticationOnly() ? ", authentication only" : "");
        if (h.encrypted()) {
            out.printf("  encrypted body: %d bytes, first payload %s (IKEv1 decryption needs the chained IVs)%n",
                    m.ciphertext().length(), m.firstPayloadType());
            return;
        }
        for (IkeV1Payload p : m.payloads()) {
            out.println("  " + describe(p));
        }
    }

    static String describe(IkeV1Payload p) {
        if (p instanceof IkeV1SaPayload sa) {
            return "SA: " + sa.proposals().stream().map(IkeV1Printer::proposal).collect(Collectors.joining("; "));
        }
        if (p instanceof IkeV1VendorIdPayload v) {
            return "VID: " + IkeV1VendorIds.name(v).orElse("unknown " + v.vendorId().length() + "-byte ID");
        }
        if (p instanceof IkeV1NotificationPayload n) {
            return "N: " + n.notifyType();
        }
        if (p instanceof IkeV1DeletePayload d) {
            return "D: protocol " + d.protocolId() + ", " + d.spis().size() + " SPI(s)";
        }
        return p.type().toString();
    }

    private static String proposal(IkeV1Proposal p) {
        return "proposal " + p.number() + " (protocol " + p.protocolId() + "), " + p.transforms().size()
                + " transform(s)";
    }
}
