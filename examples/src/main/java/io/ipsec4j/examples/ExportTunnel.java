package io.ipsec4j.examples;

import io.ipsec4j.config.CloudConfigDetector;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudProvider;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.aws.AwsTunnelOptionsWriter;
import io.ipsec4j.config.azure.AzureIpsecPolicyWriter;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelDocument;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.config.strongswan.SwanctlOptions;
import io.ipsec4j.config.strongswan.SwanctlWriter;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.check.VendorProfiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exports tunnels for both ends: our gateway's swanctl.conf and the cloud side's settings.
 *
 * <p>Input is a cloud file (anything {@link CloudTunnelMapper} imports) or our tunnel JSON
 * ({@link TunnelJson}). An import already gives the tunnels from our gateway's side (their remote is
 * the cloud's outside address; the cloud's own view would be {@code TunnelMirror.of}), so they are
 * written as they are: swanctl.conf for our gateway, and for the cloud the AWS tunnel options
 * ({@code aws ec2 modify-vpn-tunnel-options --cli-input-json}) or the Azure {@code ipsecPolicies}
 * ARM JSON and {@code New-AzIpsecPolicy} line, chosen by the file's vendor (or {@code --vendor} for
 * tunnel JSON). A tunnel the vendor would refuse is reported with its findings instead. Pre-shared
 * keys are written only with {@code --secrets}.
 *
 * <p>Usage: {@code ExportTunnel [--secrets] [--vendor aws|azure|azure-vwan] file}.
 */
public final class ExportTunnel {
    /** Which cloud writer to use. */
    enum CloudVendor { AWS, AZURE, AZURE_VWAN, NONE }

    /** What an export gives: our swanctl.conf (and secrets on request) and one cloud document per tunnel. */
    record Export(String swanctl, Optional<String> secrets, Map<String, String> cloud, List<String> refusals) {}

    private ExportTunnel() {}

    public static void main(String[] args) throws IOException {
        boolean secrets = false;
        Optional<CloudVendor> vendor = Optional.empty();
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--secrets")) {
                secrets = true;
            } else if (args[i].equals("--vendor") && i + 1 < args.length) {
                vendor = Optional.of(CloudVendor.valueOf(args[++i].toUpperCase(Locale.ROOT).replace('-', '_')));
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: ExportTunnel [--secrets] [--vendor aws|azure|azure-vwan] file");
            return;
        }
        try {
            print(export(Files.readAllBytes(file), vendor, secrets), System.out);
        } catch (ConfigParseException e) {
            // The message names the format, the place and what was expected; it never quotes a key.
            System.err.println("cannot read: " + e.getMessage());
        }
    }

    /** Reads a cloud file or tunnel JSON and exports its tunnels. */
    static Export export(byte[] input, Optional<CloudVendor> vendor, boolean secrets) throws ConfigParseException {
        ConfigText text = ConfigText.decode(input);
        CloudConfigFormat format = CloudConfigDetector.detect(text);
        if (format == CloudConfigFormat.UNKNOWN && text.text().contains("\"schemaVersion\"")) {
            TunnelDocument doc = TunnelJson.read(input);
            return export(doc.tunnels(), doc.redundantTunnels(), vendor.orElse(CloudVendor.NONE), Optional.empty(), secrets);
        }
        CloudImport in = CloudTunnelMapper.importBytes(input);
        return export(in.singleTunnels(), in.redundantPairs(), vendor.orElse(vendorOf(in.source().format())),
                in.source().connectionId(), secrets);
    }

    static CloudVendor vendorOf(CloudConfigFormat format) {
        if (format == CloudConfigFormat.AZURE_VWAN_JSON) {
            return CloudVendor.AZURE_VWAN;
        }
        return switch (format.provider().orElse(CloudProvider.GCP)) {
            case AWS -> CloudVendor.AWS;
            case AZURE -> CloudVendor.AZURE;
            case GCP -> CloudVendor.NONE;
        };
    }

    /** Exports tunnels that are ours: swanctl.conf for our gateway, the cloud side's JSON per tunnel. */
    static Export export(List<Tunnel> singles, List<RedundantTunnels> pairs, CloudVendor vendor, Optional<String> connectionId,
            boolean secrets) {
        String swanctl = SwanctlWriter.connections(singles, pairs, SwanctlOptions.defaults());
        Optional<String> keys = secrets ? Optional.of(SwanctlWriter.secrets(singles, pairs)) : Optional.empty();
        SecretOutput out = secrets ? SecretOutput.REVEAL : SecretOutput.REDACT;
        Map<String, String> cloud = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        List<Tunnel> all = new ArrayList<>();
        pairs.forEach(p -> all.addAll(p.tunnels()));
        all.addAll(singles);
        for (Tunnel t : all) {
            try {
                switch (vendor) {
                    case AWS -> cloud.put(t.name(), AwsTunnelOptionsWriter.modifyRequest(t, connectionId.orElse("vpn-REPLACE-ME"),
                            AwsTunnelOptionsWriter.StartupAction.ADD, out));
                    case AZURE, AZURE_VWAN -> {
                        var profile = vendor == CloudVendor.AZURE ? VendorProfiles.AZURE : VendorProfiles.AZURE_VWAN;
                        cloud.put(t.name(), AzureIpsecPolicyWriter.connectionJson(t, profile, out)
                                + AzureIpsecPolicyWriter.powerShell(t, profile));
                    }
                    case NONE -> { }
                }
            } catch (VendorRefusedException e) {
                refusals.add(t.name() + ": " + e.getMessage());
            }
        }
        return new Export(swanctl, keys, cloud, refusals);
    }

    /** Prints the export: swanctl.conf, the secrets when asked for, each cloud document and each refusal. */
    static void print(Export e, PrintStream out) {
        out.println("# ===== swanctl.conf for our gateway =====");
        out.print(e.swanctl());
        e.secrets().ifPresent(out::print);
        e.cloud().forEach((name, doc) -> {
            out.println("# ===== cloud side of " + name + " =====");
            out.print(doc);
        });
        e.refusals().forEach(r -> out.println("# refused: " + r));
    }
}
