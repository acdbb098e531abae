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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decodes the IKEv2 messages of a capture and prints each as a tree: the header, then every payload
 * with its main fields; with a Wireshark {@code ikev2_decryption_table} file (rows as
 * {@link IkeWiresharkKeys#ikev2DecryptionRowWithKeys} and strongSwan's {@code save-keys} write them)
 * the SK payloads are decrypted and their inner payloads printed too. IKEv1 (ISAKMP) messages are
 * recognised by their major version and printed by {@link IkeV1Printer}: header and plaintext
 * payloads; their encrypted bodies are not decrypted.
 *
 * <p>{@code DecodeIkeCapture [capture.pcap|pcapng] [keys]}: UDP 500 and 4500 (non-ESP marker
 * stripped; ESP and NAT-keepalives counted, not decoded). Without arguments it reads the bundled
 * capture of a strongSwan 5 ↔ strongSwan session (IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA,
 * INFORMATIONAL and two ESP packets, NAT-T on 4500) and its key table, both made by the esp-crypto
 * interop harness. <b>The key table holds secret keys</b>: only of that throw-away test session here.
 */
public final class DecodeIkeCapture {
    static final String BUNDLED_CAPTURE = "strongswan-ikev2.pcapng";
    static final String BUNDLED_KEYS = "strongswan-ikev2.ikev2_decryption_table";

    private DecodeIkeCapture() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            System.err.println("usage: DecodeIkeCapture [capture.pcap|capture.pcapng] [ikev2_decryption_table]");
            System.exit(2);
        }
        byte[] capture = args.length > 0 ? readFile(Path.of(args[0])) : resource(BUNDLED_CAPTURE);
        String keys = args.length > 1 ? Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)
                : args.length == 0 ? new String(resource(BUNDLED_KEYS), StandardCharsets.UTF_8) : null;
        run(capture, keys, Integer.MAX_VALUE, System.out);
    }

    /** Decodes the bundled capture with its keys, printing at most {@code maxMessages} IKE messages. */
    public static int runBundled(PrintStream out, int maxMessages) throws IOException {
        return run(resource(BUNDLED_CAPTURE), new String(resource(BUNDLED_KEYS), StandardCharsets.UTF_8),
                maxMessages, out);
    }

    /**
     * Prints the first {@code maxMessages} IKE messages of {@code capture} (pcap or pcapng bytes),
     * decrypting with the rows of the Wireshark {@code ikev2_decryption_table} {@code keyTable} when
     * not {@code null}, then counts the rest; returns the number of IKE messages printed.
     *
     * @throws IOException if the capture or the key table is malformed
     */
    public static int run(byte[] capture, String keyTable, int maxMessages, PrintStream out) throws IOException {
        Map<String, IkeWiresharkKeyRow> keys = keyTable == null ? Map.of() : parseKeys(keyTable);
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
            if (printed >= maxMessages) {
                continue;
            }
            printed++;
            out.printf("#%d %s%s, %d bytes%n", d.frame(), d.endpoints(), natT ? " (non-ESP marker)" : "", ike.length);
            if (IkeHeaders.majorVersion(Unpooled.wrappedBuffer(ike)) == IkeHeaders.MAJOR_VERSION_1) {
                IkeV1Printer.print(ike, out);
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
        if (ikeMessages > printed) {
            out.printf("(%d more IKE message(s) not shown)%n", ikeMessages - printed);
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
