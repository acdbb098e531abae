package io.ipsec4j.examples;

import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v1.IkeV1CaptureDecryptor;
import io.ipsec4j.ike.v1.IkeV1CaptureResult;
import io.ipsec4j.ike.v1.IkeV1CaptureResult.Outcome;
import io.ipsec4j.ike.v1.IkeV1DeletePayload;
import io.ipsec4j.ike.v1.IkeV1HashPayload;
import io.ipsec4j.ike.v1.IkeV1Header;
import io.ipsec4j.ike.v1.IkeV1IdPayload;
import io.ipsec4j.ike.v1.IkeV1Identities;
import io.ipsec4j.ike.v1.IkeV1KePayload;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1NoncePayload;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1Payload;
import io.ipsec4j.ike.v1.IkeV1Proposal;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIdPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIds;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.ike.v2.IkeWiresharkTableException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the IKEv1 (ISAKMP) messages of a capture for {@link DecodeIkeCapture}: the header, then
 * each payload; an encrypted body is decrypted by an {@link IkeV1CaptureDecryptor} fed every IKEv1
 * message in capture order (RFC 2409 Appendix B chains each exchange's IV from the messages before
 * it), given a Wireshark {@code ikev1_decryption_table}, and its payloads are printed too, or the
 * reason it stays encrypted.
 */
final class IkeV1Printer {
    private final IkeV1CaptureDecryptor decryptor;
    private final boolean keysGiven;

    private IkeV1Printer(Map<Long, SecretBytes> keys, boolean keysGiven) {
        this.decryptor = new IkeV1CaptureDecryptor(keys);
        this.keysGiven = keysGiven;
    }

    /**
     * Returns a printer for one capture, decrypting with the rows of the Wireshark
     * {@code ikev1_decryption_table} {@code table} (Initiator COOKIE, Encryption Key); with {@code null}
     * nothing is decrypted.
     *
     * @throws IOException if the table is malformed
     */
    static IkeV1Printer withKeyTable(String table) throws IOException {
        if (table == null) {
            return new IkeV1Printer(Map.of(), false);
        }
        try {
            return new IkeV1Printer(IkeWiresharkKeys.readIkev1DecryptionTable(table), true);
        } catch (IkeWiresharkTableException e) {
            throw new IOException("key table: " + e.getMessage(), e);
        }
    }

    /** Decodes {@code ike} (the IKE message, after any non-ESP marker), decrypts it if it can and prints it. */
    void print(byte[] ike, PrintStream out) {
        IkeV1CaptureResult r;
        try {
            r = decryptor.handleDatagram(ike);
        } catch (IkeProtocolException e) {
            out.println("  not a valid IKEv1 message: " + e.getMessage());
            return;
        }
        IkeV1Message m = r.message();
        IkeV1Header h = m.header();
        out.printf("  IKEv1 %s, cookies %016x/%016x, message ID %08x%s%s%n", h.exchangeType(), h.initiatorCookie(),
                h.responderCookie(), h.messageId(), h.commit() ? ", commit" : "",
                h.authenticationOnly() ? ", authentication only" : "");
        String indent = "  ";
        if (r.outcome() == Outcome.DECRYPTED) {
            out.printf("  decrypted with Ka and the chained IV%s: %d payload(s)%n",
                    r.retransmission() ? " (a retransmission)" : "", m.payloads().size());
            indent = "    ";
        } else if (r.outcome() != Outcome.PLAINTEXT) {
            out.printf("  encrypted body: %d bytes, first payload %s (%s)%n", m.ciphertext().length(),
                    m.firstPayloadType(), reason(r.outcome()));
            return;
        }
        for (IkeV1Payload p : m.payloads()) {
            out.println(indent + describe(p));
        }
    }

    private String reason(Outcome outcome) {
        return switch (outcome) {
            case NO_KEY -> keysGiven ? "no key row for this initiator cookie: not decrypted"
                    : "no IKEv1 keys given: not decrypted";
            case NO_KEY_EXCHANGE -> "its ISAKMP SA's KE payloads are not in the capture before it: not decrypted";
            case UNSUPPORTED_ALGORITHM -> "cipher or hash not supported: not decrypted";
            case KEY_LENGTH_MISMATCH -> "the key row's key does not fit the negotiated cipher: not decrypted";
            default -> "cannot decrypt: IKEv1 message integrity check failed";
        };
    }

    static String describe(IkeV1Payload p) {
        if (p instanceof IkeV1SaPayload sa) {
            return "SA: " + sa.proposals().stream().map(IkeV1Printer::proposal).collect(Collectors.joining("; "));
        }
        if (p instanceof IkeV1VendorIdPayload v) {
            return "VID: " + IkeV1VendorIds.name(v).orElse("unknown " + v.vendorId().length() + "-byte ID");
        }
        if (p instanceof IkeV1NotificationPayload n) {
            return "N: " + n.notifyType() + (n.spi().isEmpty() ? "" : ", SPI " + n.spi().toHex())
                    + (n.data().isEmpty() ? "" : ", data " + shortHex(n.data()));
        }
        if (p instanceof IkeV1DeletePayload d) {
            return "D: protocol " + d.protocolId() + ", " + d.spis().size() + " SPI(s) "
                    + d.spis().stream().map(IkeV1Printer::shortHex).collect(Collectors.joining(", "));
        }
        if (p instanceof IkeV1IdPayload id) {
            String value = IkeV1Identities.toTrafficSelector(id).map(Object::toString)
                    .or(() -> IkeV1Identities.toIdentity(id).map(Object::toString)).orElseGet(() -> shortHex(id.data()));
            return "ID: " + id.idType() + " " + value;
        }
        if (p instanceof IkeV1HashPayload hash) {
            return "HASH: " + hash.hash().length() + " bytes";
        }
        if (p instanceof IkeV1NoncePayload nonce) {
            return "NONCE: " + nonce.nonce().length() + " bytes";
        }
        if (p instanceof IkeV1KePayload ke) {
            return "KE: " + ke.keyExchangeData().length() + " bytes";
        }
        return p.type().toString();
    }

    private static String proposal(IkeV1Proposal p) {
        return "proposal " + p.number() + " (protocol " + p.protocolId() + (p.spi().isEmpty() ? "" : ", SPI "
                + p.spi().toHex()) + "), " + p.transforms().size() + " transform(s)";
    }

    private static String shortHex(Bytes b) {
        String hex = b.toHex();
        return hex.length() <= 40 ? hex : hex.substring(0, 32) + "..";
    }
}
