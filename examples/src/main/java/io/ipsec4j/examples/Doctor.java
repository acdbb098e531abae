package io.ipsec4j.examples;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.doctor.Diagnosis;
import io.ipsec4j.ike.doctor.IkeDoctor;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.ike.v2.IkeWiresharkTableException;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Tunnel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says why an IKE negotiation failed, from a capture: the verdict first (failure kind, phase, one
 * sentence), then the evidence (every finding with the configured and the wire values, each IKE SA
 * with how far it got and its exchanges). See {@link IkeDoctor}.
 *
 * <p>{@code Doctor capture.pcap [--tunnel tunnel.json] [--psk-file F] [--keys table] [--ikev1-keys table]}:
 * the tunnel is
 * one end's configuration in the library's JSON document (the end's addresses say whether it is the
 * initiator or the responder); {@code --psk-file} replaces its pre-shared key (a file holding only
 * the key); {@code --keys} is a Wireshark {@code ikev2_decryption_table} (strongSwan's save-keys
 * plugin writes one) to read the encrypted IKE_AUTH and CREATE_CHILD_SA messages (SKF fragments are
 * reassembled); {@code --ikev1-keys} is a Wireshark {@code ikev1_decryption_table} to read IKEv1 Main
 * Mode 5/6, Quick Mode and informational messages. Without arguments
 * it reads the bundled capture of a PSK mismatch recorded between two strongSwan 5 charons, with the
 * responder's tunnel and the throw-away session's key table.
 */
public final class Doctor {
    static final String BUNDLED_CAPTURE = "doctor-psk-mismatch.pcapng";
    static final String BUNDLED_KEYS = "doctor-psk-mismatch.ikev2_decryption_table";
    static final String BUNDLED_TUNNEL = "doctor-psk-mismatch-responder.json";
    private static final String USAGE = "usage: Doctor capture.pcap [--tunnel tunnel.json] [--psk-file F] [--keys table]"
            + " [--ikev1-keys table]";

    private Doctor() {}

    /** Something that prints (for the Tour and the tests). */
    @FunctionalInterface
    interface Action {
        Object run(PrintStream out) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            runBundled(System.out);
            return;
        }
        byte[] capture = null;
        String tunnel = null;
        String psk = null;
        String keys = null;
        String ikev1Keys = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean option = a.equals("--tunnel") || a.equals("--psk-file") || a.equals("--keys")
                    || a.equals("--ikev1-keys");
            if (option && i + 1 == args.length || !option && (a.startsWith("--") || capture != null)) {
                System.err.println(USAGE);
                System.exit(2);
            }
            switch (a) {
                case "--tunnel" -> tunnel = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8);
                case "--psk-file" -> psk = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8).strip();
                case "--keys" -> keys = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8);
                case "--ikev1-keys" -> ikev1Keys = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8);
                default -> capture = readCapture(Path.of(a));
            }
        }
        if (capture == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        run(capture, tunnel, psk, keys, ikev1Keys, System.out);
    }

    /** Diagnoses the bundled PSK-mismatch capture with its responder tunnel and key table. */
    public static Diagnosis runBundled(PrintStream out) throws IOException {
        return run(DecodeIkeCapture.resource(BUNDLED_CAPTURE),
                new String(DecodeIkeCapture.resource(BUNDLED_TUNNEL), StandardCharsets.UTF_8), null,
                new String(DecodeIkeCapture.resource(BUNDLED_KEYS), StandardCharsets.UTF_8), out);
    }

    /**
     * Diagnoses {@code capture} (pcap or pcapng bytes) and prints the verdict, then the evidence.
     * {@code tunnelJson}, {@code psk} and {@code keyTable} may be {@code null}.
     *
     * @throws IOException if the capture, the tunnel document or the key table is malformed
     */
    public static Diagnosis run(byte[] capture, String tunnelJson, String psk, String keyTable, PrintStream out)
            throws IOException {
        return run(capture, tunnelJson, psk, keyTable, null, out);
    }

    /**
     * As {@link #run(byte[], String, String, String, PrintStream)}, with an {@code ikev1_decryption_table}
     * (may be {@code null}) to decrypt the IKEv1 messages.
     *
     * @throws IOException if the capture, the tunnel document or a key table is malformed
     */
    public static Diagnosis run(byte[] capture, String tunnelJson, String psk, String keyTable, String ikev1KeyTable,
            PrintStream out) throws IOException {
        IkeDoctor.Builder doctor = IkeDoctor.builder();
        if (tunnelJson != null) {
            try {
                Tunnel t = TunnelJson.readTunnel(tunnelJson);
                if (psk != null) {
                    t = Tunnel.builder().from(t).phaseOne(PhaseOne.builder().from(t.phaseOne())
                            .sharedSecret(Secret.of(psk)).build()).build();
                }
                doctor.tunnel(t);
            } catch (ConfigParseException e) {
                throw new IOException("tunnel: " + e.getMessage(), e);
            }
        }
        if (keyTable != null) {
            try {
                doctor.keys(IkeWiresharkKeys.readIkev2DecryptionTable(keyTable));
            } catch (IkeWiresharkTableException e) {
                throw new IOException("key table: " + e.getMessage(), e);
            }
        }
        if (ikev1KeyTable != null) {
            try {
                doctor.ikev1Keys(IkeWiresharkKeys.readIkev1DecryptionTable(ikev1KeyTable));
            } catch (IkeWiresharkTableException e) {
                throw new IOException("IKEv1 key table: " + e.getMessage(), e);
            }
        }
        Diagnosis d = doctor.build().diagnose(PcapUdpReader.read(capture));
        out.print(d);
        return d;
    }

    private static byte[] readCapture(Path path) throws IOException {
        long size = Files.size(path);
        if (size > PcapUdpReader.MAX_FILE_BYTES) {
            throw new IOException(path + ": " + size + " bytes (expected: <= " + PcapUdpReader.MAX_FILE_BYTES + ")");
        }
        return Files.readAllBytes(path);
    }
}
