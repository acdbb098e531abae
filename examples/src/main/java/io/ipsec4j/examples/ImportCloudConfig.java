package io.ipsec4j.examples;

import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.ConfigParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Imports a cloud provider's site-to-site VPN file (AWS Generic text, XML or API JSON; Azure
 * Virtual WAN JSON, device script or connection JSON; GCP vpnTunnel JSON) and prints the detected
 * format, the connection, the tunnels to create and every finding, with pre-shared keys masked.
 *
 * <p>Usage: {@code ImportCloudConfig [file]}; without a file it imports a bundled AWS Transit
 * Gateway connection with BGP.
 */
public final class ImportCloudConfig {
    /** The bundled sample: a real AWS Generic file of a TGW attachment with BGP. */
    static final String SAMPLE = "aws-generic-tgw-bgp.txt";

    private ImportCloudConfig() {}

    public static void main(String[] args) throws IOException {
        try {
            run(args.length > 0 ? CloudTunnelMapper.importFile(Path.of(args[0])) : importSample(), System.out);
        } catch (ConfigParseException e) {
            // The message names the format, the place and what was expected; it never quotes a key.
            System.err.println("cannot import: " + e.getMessage());
        }
    }

    /** Imports the bundled sample. */
    static CloudImport importSample() throws ConfigParseException {
        try (InputStream in = ImportCloudConfig.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample missing: " + SAMPLE);
            }
            return CloudTunnelMapper.importBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the import report. */
    static void run(CloudImport result, PrintStream out) {
        out.println(result);
    }
}
