package io.ipsec4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.check.Compatibility;
import io.ipsec4j.model.check.TunnelMirror;
import io.ipsec4j.model.check.VendorProfile;
import io.ipsec4j.model.check.VendorProfiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tour of ipsec4j, the README's main example job: builds a redundant pair of tunnels from two
 * SASE gateways to an AWS VPN connection, checks it against the AWS and Harmony SASE profiles,
 * compares tunnel 1 with a deliberately mismatched AWS side and prints what fails and why, then
 * imports a real AWS file ({@link ImportCloudConfig}), runs a packet through the ESP engine
 * ({@link EspRoundTrip}) and decodes the IKE_SA_INIT and IKE_AUTH exchanges of a bundled strongSwan
 * capture and the encrypted main and quick mode messages of a bundled IKEv1 one ({@link DecodeIkeCapture}),
 * and exports the imported pair for our gateway and for AWS ({@link ExportTunnel}).
 *
 * <p>Run it with {@code ./run-example}. All data is made up here; no network is used.
 */
public final class Tour {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tour() {}

    public static void main(String[] args) {
        run(System.out);
    }

    /** Prints the tour to {@code out}; returns the pair it built (tests use it). */
    public static RedundantTunnels run(PrintStream out) {
        RedundantTunnels pair = RedundantTunnels.builder()
                .name("SaseToAws")
                .tunnel1(awsTunnel("aws-tunnel-1", "gw-frankfurt-1", "52.29.1.20", "3.120.45.10", "169.254.44.2/30",
                        "169.254.44.1"))
                .tunnel2(awsTunnel("aws-tunnel-2", "gw-frankfurt-2", "52.29.1.21", "18.156.7.21", "169.254.45.2/30",
                        "169.254.45.1"))
                .build();
        heading(out, "1. A redundant pair of tunnels to AWS");
        for (Tunnel t : pair.tunnels()) {
            out.printf("  %s on %s -> %s, inside %s, %s%n", t.name(), t.gateway(), t.phaseOne().remotePublicIp(),
                    t.tunnelInterface().orElseThrow(), t.bgp().orElseThrow());
            out.printf("    IKE %s %s | ESP %s%n", t.phaseOne().ikeVersion(), t.phaseOne().proposals(),
                    t.phaseTwo().proposals());
        }
        printFindings(out, "model warnings", pair.warnings());

        heading(out, "2. What AWS and Harmony SASE accept");
        for (VendorProfile profile : List.of(VendorProfiles.AWS, VendorProfiles.HARMONY_SASE)) {
            printFindings(out, profile.name(), profile.check(pair));
        }

        heading(out, "3. Our tunnel 1 against a mismatched AWS side");
        Tunnel ours = pair.tunnel1();
        Tunnel awsSide = mismatchedAwsSide(ours);
        out.println("  The AWS side was typed in with a stray space in the PSK, no PFS, a 1-hour IKE lifetime");
        out.println("  and the wrong customer gateway ASN:");
        out.print(indent(Compatibility.compare(ours, awsSide).toText()));

        heading(out, "4. Importing the file AWS hands out (ImportCloudConfig)");
        try {
            ImportCloudConfig.run(ImportCloudConfig.importSample(), out);
        } catch (ConfigParseException e) {
            out.println("  cannot import the bundled sample: " + e.getMessage());
        }

        heading(out, "5. The ESP engine: seal, open, replay (EspRoundTrip)");
        try {
            EspRoundTrip.run(out);
        } catch (GeneralSecurityException e) {
            out.println("  ESP round trip failed: " + e.getMessage());
        }

        heading(out, "6. Decoding an IKE capture (DecodeIkeCapture)");
        out.println("  A strongSwan session captured by the interop harness, decrypted with its key table:");
        try {
            DecodeIkeCapture.runBundled(out, 4);
        } catch (IOException e) {
            out.println("  cannot decode the bundled capture: " + e.getMessage());
        }
        out.println();
        out.println("  An IKEv1 session (main mode PSK, quick mode, DPD, deletes), decrypted with its ikev1_decryption_table:");
        try {
            DecodeIkeCapture.runBundledIkeV1(out, 4, 3);
        } catch (IOException e) {
            out.println("  cannot decode the bundled IKEv1 capture: " + e.getMessage());
        }

        exportStep(out);
        doctorStep(out);
        return pair;
    }

    /** The imported AWS pair (step 4's file) written for our gateway and for AWS (ExportTunnel). */
    static void exportStep(PrintStream out) {
        heading(out, "7. Exporting the imported AWS pair for our gateway (ExportTunnel)");
        try {
            CloudImport in = ImportCloudConfig.importSample();
            ExportTunnel.Export export = ExportTunnel.export(in.singleTunnels(), in.redundantPairs(),
                    ExportTunnel.CloudVendor.AWS, in.source().connectionId(), false);
            out.println("  swanctl.conf for our gateway (first lines; keys only with --secrets):");
            export.swanctl().lines().filter(l -> !l.isBlank()).skip(3).limit(8).forEach(l -> out.println("  " + l));
            out.println("  AWS tunnel options (aws ec2 modify-vpn-tunnel-options --cli-input-json):");
            export.cloud().forEach((name, json) -> out.println("    " + name + ": " + summary(json)));
            export.refusals().forEach(r -> out.println("    refused " + r));
        } catch (ConfigParseException e) {
            out.println("  cannot import the bundled sample: " + e.getMessage());
        }
    }

    /** The outside address, inside CIDR, IKE versions, Phase 1 ciphers and PFS groups of a modify request. */
    private static String summary(String json) {
        try {
            JsonNode request = JSON.readTree(json);
            JsonNode o = request.path("TunnelOptions");
            return request.path("VpnTunnelOutsideIpAddress").asText() + ", inside " + o.path("TunnelInsideCidr").asText()
                    + ", " + values(o, "IKEVersions") + ", Phase 1 " + values(o, "Phase1EncryptionAlgorithms") + "/"
                    + values(o, "Phase1IntegrityAlgorithms") + ", PFS groups " + values(o, "Phase2DHGroupNumbers");
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String values(JsonNode o, String key) {
        List<String> out = new ArrayList<>();
        o.path(key).forEach(v -> out.add(v.path("Value").asText()));
        return String.join(",", out);
    }

    /** The Doctor step: why a recorded negotiation failed, verdict first. */
    static void doctorStep(PrintStream out) {
        heading(out, "8. Why did the tunnel not come up? (Doctor)");
        out.println("  Two strongSwan charons with different pre-shared keys, captured with tshark; the doctor gets");
        out.println("  the capture, the responder's tunnel and the session's key table:");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            Doctor.runBundled(new PrintStream(text, true, StandardCharsets.UTF_8));
            out.print(indent(text.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            out.println("  cannot diagnose the bundled capture: " + e.getMessage());
        }
    }

    static Tunnel awsTunnel(String name, String gateway, String ourIp, String awsIp, String inside, String awsInside) {
        PhaseOne p1 = PhaseOne.builder()
                .ikeVersion(IkeVersion.IKEV2)
                .sharedSecret(Secret.of("Xq4._tR8pLm2VzK9wNc7"))
                .remotePublicIp(IpAddress.parse(awsIp))
                .localPublicIp(IpAddress.parse(ourIp))
                .lifetime(Lifetime.of(Duration.ofHours(8)))
                .addProposals(IkeProposal.parse("aes256gcm16-prfsha384-ecp384"), IkeProposal.parse("aes256-sha256-modp2048"))
                .build();
        PhaseTwo p2 = PhaseTwo.builder()
                .addLocalSubnets(TrafficSelector.ANY_IPV4)
                .addRemoteSubnets(TrafficSelector.ANY_IPV4)
                .lifetime(Lifetime.builder().time(Duration.ofHours(1)).rekeyMargin(Duration.ofSeconds(270))
                        .rekeyFuzzPercent(100).build())
                .dpd(Dpd.ofSeconds(10, 30, DpdAction.RESTART))
                .replayWindow(1024)
                .addProposals(EspProposal.parse("aes256gcm16-ecp384"))
                .build();
        TunnelInterface inside1 = TunnelInterface.parse(inside, awsInside);
        return Tunnel.builder().name(name).gateway(gateway).phaseOne(p1).phaseTwo(p2)
                .routing(RoutingMode.ROUTE_BASED)
                .tunnelInterface(inside1)
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                        .neighbor(inside1.remoteAddress()).build())
                .build();
    }

    /** The AWS end of {@code ours}, with the mistakes people make when they type it in. */
    static Tunnel mismatchedAwsSide(Tunnel ours) {
        Tunnel mirror = TunnelMirror.of(ours);
        return Tunnel.builder().from(mirror)
                .phaseOne(PhaseOne.builder().from(mirror.phaseOne())
                        .sharedSecret(Secret.of(ours.phaseOne().sharedSecret().reveal() + " "))
                        .lifetime(Lifetime.of(Duration.ofHours(1)))
                        .build())
                .phaseTwo(PhaseTwo.builder().from(mirror.phaseTwo())
                        .lifetime(Lifetime.of(Duration.ofMinutes(45)))
                        .proposals(List.of(EspProposal.parse("aes256gcm16")))
                        .build())
                .bgp(BgpPeering.builder().from(mirror.bgp().orElseThrow()).peerAsn(Asn.of(65010)).build())
                .build();
    }

    static void printFindings(PrintStream out, String title, List<Finding> findings) {
        out.printf("  %s: %s%n", title, findings.isEmpty() ? "no findings" : findings.size() + " finding(s)");
        findings.forEach(f -> out.println("    " + f));
    }

    private static void heading(PrintStream out, String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
