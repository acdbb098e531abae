package io.ipsec4j.examples;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v2.IkeAuthPayload;
import io.ipsec4j.ike.v2.IkeConfigAttribute;
import io.ipsec4j.ike.v2.IkeConfigPayload;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSkCodec;
import io.ipsec4j.ike.v2.IkeSkPayload;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.ike.v2.IkeTrafficSelector;
import io.ipsec4j.ike.v2.IkeTransform;
import io.ipsec4j.ike.v2.IkeTsPayload;
import io.ipsec4j.ike.v2.IkeVendorPayload;
import io.ipsec4j.ike.v2.IkeWiresharkKeyRow;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.ike.v2.IkeWiresharkTableException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.TransformType;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decodes the IKEv2 and IKEv1 messages of a capture and prints each as a tree: the header, then every
 * payload with its main fields; with a Wireshark {@code ikev2_decryption_table} file (rows as
 * {@link IkeWiresharkKeys#ikev2DecryptionRowWithKeys} and strongSwan's {@code save-keys} write them)
 * the SK payloads are decrypted and their inner payloads printed too. IKEv1 (ISAKMP) messages are
 * recognised by their major version and printed by {@link IkeV1Printer}; with an
 * {@code ikev1_decryption_table} file (rows as
 * {@link io.ipsec4j.ike.v1.IkeV1WiresharkKeys#ikev1DecryptionRowWithKeys} and {@code save-keys} write
 * them) their encrypted bodies are decrypted by an {@link io.ipsec4j.ike.v1.IkeV1CaptureDecryptor}.
 *
 * <p>{@code DecodeIkeCapture [capture.pcap|pcapng] [ikev2_decryption_table] [--ikev1-keys
 * ikev1_decryption_table]}: UDP 500 and 4500 (non-ESP marker stripped; ESP and NAT-keepalives
 * counted, not decoded). Without arguments it reads the two bundled captures and their key tables,
 * made by the interop harness: a strongSwan 5 ↔ strongSwan IKEv2 session (IKE_SA_INIT, IKE_AUTH,
 * CREATE_CHILD_SA, INFORMATIONAL and two ESP packets, NAT-T on 4500) and an IKEv1 session (main mode
 * aes128-sha1-modp2048 PSK, quick mode, ESP, DPD and the deletes). <b>The key tables hold secret
 * keys</b>: only of those throw-away test sessions here.
 */
public final class DecodeIkeCapture {
    static final String BUNDLED_CAPTURE = "strongswan-ikev2.pcapng";
    static final String BUNDLED_KEYS = "strongswan-ikev2.ikev2_decryption_table";
    static final String BUNDLED_IKEV1_CAPTURE = "strongswan-ikev1.pcapng";
    static final String BUNDLED_IKEV1_KEYS = "strongswan-ikev1.ikev1_decryption_table";
    private static final String USAGE = "usage: DecodeIkeCapture [capture.pcap|capture.pcapng] "
            + "[ikev2_decryption_table] [--ikev1-keys ikev1_decryption_table]";

    /** Where the messages decoded but not shown go. */
    private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    private DecodeIkeCapture() {}

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>(List.of(args));
        int option = positional.indexOf("--ikev1-keys");
        String ikev1Keys = option >= 0 && option + 1 < positional.size() ? positional.remove(option + 1) : null;
        if (option >= 0 && ikev1Keys != null) {
            positional.remove(option);
        }
        if (positional.size() > 2 || positional.contains("--ikev1-keys") || positional.isEmpty() && ikev1Keys != null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        if (positional.isEmpty()) {
            runBundled(System.out, Integer.MAX_VALUE);
            System.out.println();
            runBundledIkeV1(System.out, 0, Integer.MAX_VALUE);
            return;
        }
        byte[] capture = readFile(Path.of(positional.get(0)));
        String keys = positional.size() > 1 ? Files.readString(Path.of(positional.get(1)), StandardCharsets.UTF_8) : null;
        String v1Keys = ikev1Keys == null ? null : Files.readString(Path.of(ikev1Keys), StandardCharsets.UTF_8);
        run(capture, keys, v1Keys, 0, Integer.MAX_VALUE, System.out);
    }

    /** Decodes the bundled capture with its keys, printing at most {@code maxMessages} IKE messages. */
    public static int runBundled(PrintStream out, int maxMessages) throws IOException {
        return run(resource(BUNDLED_CAPTURE), new String(resource(BUNDLED_KEYS), StandardCharsets.UTF_8),
                maxMessages, out);
    }

    /**
     * Decodes the bundled IKEv1 capture with its {@code ikev1_decryption_table}, printing at most
     * {@code maxMessages} IKE messages after the first {@code skipMessages} (decrypted but not shown).
     */
    public static int runBundledIkeV1(PrintStream out, int skipMessages, int maxMessages) throws IOException {
        return run(resource(BUNDLED_IKEV1_CAPTURE), null,
                new String(resource(BUNDLED_IKEV1_KEYS), StandardCharsets.UTF_8), skipMessages, maxMessages, out);
    }

    /**
     * Prints the first {@code maxMessages} IKE messages of {@code capture} (pcap or pcapng bytes),
     * decrypting with the rows of the Wireshark {@code ikev2_decryption_table} {@code keyTable} when
     * not {@code null}, then counts the rest; returns the number of IKE messages printed.
     *
     * @throws IOException if the capture or the key table is malformed
     */
    public static int run(byte[] capture, String keyTable, int maxMessages, PrintStream out) throws IOException {
        return run(capture, keyTable, null, 0, maxMessages, out);
    }

    /**
     * Prints IKE messages of {@code capture} (pcap or pcapng bytes): the first {@code skipMessages}
     * are decoded (IKEv1 ones decrypted, so that later IVs chain) but not shown, then at most
     * {@code maxMessages} are printed and the rest counted. IKEv2 SK payloads are decrypted with the
     * rows of the {@code ikev2_decryption_table} {@code keyTable}, IKEv1 messages with those of the
     * {@code ikev1_decryption_table} {@code ikev1KeyTable} (each {@code null} when not given);
     * returns the number of IKE messages printed.
     *
     * @throws IOException if the capture or a key table is malformed
     */
    public static int run(byte[] capture, String keyTable, String ikev1KeyTable, int skipMessages, int maxMessages,
            PrintStream out) throws IOException {
        Map<String, IkeWiresharkKeyRow> keys = keyTable == null ? Map.of() : parseKeys(keyTable);
        IkeV1Printer ikeV1Printer = IkeV1Printer.withKeyTable(ikev1KeyTable);
        List<UdpDatagram> datagrams = PcapUdpReader.read(capture);
        IkeMessageDecoder decoder = new IkeMessageDecoder();
        int ikeMessages = 0;
        int printed = 0;
        int esp = 0;
        int keepalives = 0;
        for (UdpDatagram d : datagrams) {
            boolean natT = d.sourcePort() == 4500 || d.destinationPort() == 4500;
            if (!natT && d.sourcePort() != 500 && d.destinationPort() != 500) {
                continue;
            }
            byte[] ike = d.payload();
            if (natT) {
                if (ike.length == 1 && ike[0] == (byte) 0xFF) {
                    keepalives++;
                    continue;
                }
                if (ike.length < 4 || ike[0] != 0 || ike[1] != 0 || ike[2] != 0 || ike[3] != 0) {
                    esp++;
                    continue;
                }
                ike = Arrays.copyOfRange(ike, 4, ike.length);
            }
            ikeMessages++;
            boolean ikeV1 = IkeHeaders.majorVersion(Unpooled.wrappedBuffer(ike)) == IkeHeaders.MAJOR_VERSION_1;
            if (ikeMessages <= skipMessages) {
                if (ikeV1) {
                    ikeV1Printer.print(ike, NOWHERE);
                }
                continue;
            }
            if (printed >= maxMessages) {
                continue;
            }
            if (printed == 0 && skipMessages > 0) {
                out.printf("(%d earlier IKE message(s) not shown)%n", skipMessages);
            }
            printed++;
            out.printf("#%d %s%s, %d bytes%n", d.frame(), d.endpoints(), natT ? " (non-ESP marker)" : "", ike.length);
            if (ikeV1) {
                ikeV1Printer.print(ike, out);
                continue;
            }
            IkeMessage m;
            try {
                m = decoder.decode(Unpooled.wrappedBuffer(ike));
            } catch (IkeProtocolException e) {
                out.println("  not a valid IKEv2 message: " + e.getMessage());
                continue;
            }
            printHeader(m.header(), out);
            for (IkePayload p : m.payloads()) {
                printPayload(p, "  ", out);
                if (p instanceof IkeSkPayload || p instanceof IkeSkfPayload) {
                    decrypt(ike, m, keys, keyTable != null, out);
                }
            }
        }
        int after = ikeMessages - Math.min(ikeMessages, skipMessages) - printed;
        if (after > 0) {
            out.printf("(%d more IKE message(s) not shown)%n", after);
        }
        out.printf("%d IKE message(s), %d ESP packet(s), %d NAT-keepalive(s) in %d UDP datagram(s)%n", ikeMessages,
                esp, keepalives, datagrams.size());
        return printed;
    }

    private static void printHeader(IkeHeader h, PrintStream out) {
        out.printf("  %s %s, MID %d, from the original %s%n", h.exchangeType().name(),
                h.response() ? "response" : "request", h.messageId(), h.initiator() ? "initiator" : "responder");
        out.printf("    SPIi %016x, SPIr %016x, version 2.%d%s%n", h.initiatorSpi(), h.responderSpi(),
                h.minorVersion(), h.versionFlag() ? ", version flag" : "");
    }

    private static void decrypt(byte[] ike, IkeMessage m, Map<String, IkeWiresharkKeyRow> keys, boolean keysGiven,
            PrintStream out) {
        IkeHeader h = m.header();
        IkeWiresharkKeyRow row = keys.get(spis(h.initiatorSpi(), h.responderSpi()));
        if (row == null) {
            out.println(keysGiven ? "    (no key row for these SPIs: not decrypted)" : "    (no keys given: not decrypted)");
            return;
        }
        if (row.integrity().isEmpty()) {
            out.println("    (integrity " + row.integrityName() + " is no IKEv2 transform: not decrypted)");
            return;
        }
        boolean fromInitiator = h.initiator();
        IntegrityAlgorithm integrity = row.integrity().get();
        try (IkeSkCodec codec = IkeSkCodec.create(row.encryption(), integrity,
                fromInitiator ? row.skEi() : row.skEr(),
                row.encryption().isAead() ? null : fromInitiator ? row.skAi() : row.skAr(),
                CryptoProviders.defaults())) {
            if (m.payload(IkeSkfPayload.class).isPresent()) {
                Bytes content = codec.decryptFragment(ike, m);
                out.printf("    decrypted fragment: %d bytes (reassemble all fragments to decode)%n", content.length());
                return;
            }
            List<IkePayload> inner = codec.decrypt(ike, m);
            out.printf("    decrypted with SK_e%s/SK_a%s: %d inner payload(s)%n", fromInitiator ? "i" : "r",
                    fromInitiator ? "i" : "r", inner.size());
            for (IkePayload p : inner) {
                printPayload(p, "      ", out);
            }
        } catch (CryptoException | IkeProtocolException | IllegalArgumentException e) {
            out.println("    cannot decrypt: " + e.getMessage());
        }
    }

    static void printPayload(IkePayload p, String indent, PrintStream out) {
        out.println(indent + "- " + describe(p));
        if (p instanceof IkeSaPayload sa) {
            for (IkeSaProposal proposal : sa.proposals()) {
                out.printf("%s    proposal #%d %s%s: %s%n", indent, proposal.number(), proposal.protocol().name(),
                        proposal.spi().isEmpty() ? "" : " SPI " + proposal.spi().toHex(),
                        proposal.transforms().stream().map(DecodeIkeCapture::transform)
                                .collect(Collectors.joining(", ")));
            }
        } else if (p instanceof IkeTsPayload ts) {
            for (IkeTrafficSelector s : ts.selectors()) {
                out.printf("%s    %s%n", indent, selector(s));
            }
        } else if (p instanceof IkeConfigPayload cp) {
            for (IkeConfigAttribute a : cp.attributes()) {
                out.printf("%s    %s %s%n", indent, a.attributeType().name(), a.value().isEmpty() ? "(empty)"
                        : a.value().toHex());
            }
        }
    }

    private static String describe(IkePayload p) {
        String type = p.type().name();
        if (p instanceof IkeSaPayload sa) {
            return type + ": " + sa.proposals().size() + " proposal(s)";
        } else if (p instanceof IkeKePayload ke) {
            return type + ": " + ke.method() + ", " + ke.data().length() + " bytes";
        } else if (p instanceof IkeNoncePayload n) {
            return type + ": " + n.nonce().length() + " bytes " + shortHex(n.nonce());
        } else if (p instanceof IkeNotifyPayload n) {
            StringBuilder s = new StringBuilder(type).append(": ").append(n.notifyType().name());
            if (n.isError()) {
                s.append(" (error)");
            }
            if (!n.spi().isEmpty()) {
                s.append(", ").append(n.protocol().name()).append(" SPI ").append(n.spi().toHex());
            }
            if (!n.data().isEmpty()) {
                s.append(", data ").append(shortHex(n.data()));
            }
            return s.toString();
        } else if (p instanceof IkeIdPayload id) {
            String value = id.address().map(Object::toString).or(id::name).orElseGet(() -> shortHex(id.data()));
            return type + ": " + id.idType().name() + " " + value;
        } else if (p instanceof IkeAuthPayload auth) {
            return type + ": " + auth.method().name() + ", " + auth.data().length() + " bytes";
        } else if (p instanceof IkeTsPayload ts) {
            return type + ": " + ts.selectors().size() + " selector(s)";
        } else if (p instanceof IkeSkPayload sk) {
            return type + ": " + sk.encrypted().length() + " bytes (IV, ciphertext, ICV), first inner payload "
                    + sk.firstPayloadType().name();
        } else if (p instanceof IkeSkfPayload skf) {
            return type + ": fragment " + skf.fragmentNumber() + "/" + skf.totalFragments();
        } else if (p instanceof IkeDeletePayload del) {
            return type + ": " + del.protocol().name() + (del.spis().isEmpty() ? " (the IKE SA)"
                    : " SPIs " + del.spis().stream().map(Bytes::toHex).collect(Collectors.joining(", ")));
        } else if (p instanceof IkeVendorPayload v) {
            return type + ": " + shortHex(v.vendorId());
        } else if (p instanceof IkeConfigPayload cp) {
            return type + ": " + cp.cfgType().name() + ", " + cp.attributes().size() + " attribute(s)";
        }
        return type;
    }

    private static String transform(IkeTransform t) {
        TransformType type = t.transformType();
        String name;
        if (type.equals(TransformType.ENCR)) {
            name = EncryptionAlgorithm.valueOf(t.id()).name();
        } else if (type.equals(TransformType.INTEG)) {
            name = IntegrityAlgorithm.valueOf(t.id()).name();
        } else if (type.equals(TransformType.PRF)) {
            name = io.ipsec4j.model.algorithm.PrfAlgorithm.valueOf(t.id()).name();
        } else if (type.equals(TransformType.KE)) {
            name = io.ipsec4j.model.algorithm.KeyExchangeMethod.valueOf(t.id()).name();
        } else {
            name = Integer.toString(t.id());
        }
        return type.name() + " " + name + t.keyLength().stream().mapToObj(k -> "-" + k).collect(Collectors.joining());
    }

    private static String selector(IkeTrafficSelector s) {
        if (!s.isAddressRange()) {
            return s.tsType().name() + " " + s.rest().toHex();
        }
        String ports = s.startPort() == 0 && s.endPort() == 65535 ? "any port"
                : s.startPort() == s.endPort() ? "port " + s.startPort() : "ports " + s.startPort() + "-" + s.endPort();
        return s.startAddress() + " - " + s.endAddress() + ", " + (s.protocol() == 0 ? "any protocol"
                : "protocol " + s.protocol()) + ", " + ports;
    }

    private static String shortHex(Bytes b) {
        String hex = b.toHex();
        return hex.length() <= 40 ? hex : hex.substring(0, 32) + "..";
    }

    private static String spis(long spiI, long spiR) {
        return String.format("%016x,%016x", spiI, spiR);
    }

    /** Reads a Wireshark {@code ikev2_decryption_table} (header, comments and blank lines allowed). */
    static Map<String, IkeWiresharkKeyRow> parseKeys(String table) throws IOException {
        Map<String, IkeWiresharkKeyRow> rows = new LinkedHashMap<>();
        try {
            for (IkeWiresharkKeyRow row : IkeWiresharkKeys.readIkev2DecryptionTable(table)) {
                rows.put(spis(row.initiatorSpi(), row.responderSpi()), row);
            }
        } catch (IkeWiresharkTableException e) {
            throw new IOException("key table: " + e.getMessage(), e);
        }
        return rows;
    }

    private static byte[] readFile(Path path) throws IOException {
        long size = Files.size(path);
        if (size > PcapUdpReader.MAX_FILE_BYTES) {
            throw new IOException(path + ": " + size + " bytes (expected: <= " + PcapUdpReader.MAX_FILE_BYTES + ")");
        }
        return Files.readAllBytes(path);
    }

    static byte[] resource(String name) {
        try (InputStream in = DecodeIkeCapture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
