package io.ipsec4j.config;

import io.ipsec4j.config.aws.AwsApiJsonParser;
import io.ipsec4j.config.aws.AwsGenericTextParser;
import io.ipsec4j.config.aws.AwsTunnelOptionsParser;
import io.ipsec4j.config.aws.AwsXmlParser;
import io.ipsec4j.config.azure.AzureConnectionJsonParser;
import io.ipsec4j.config.azure.AzureDeviceScriptParser;
import io.ipsec4j.config.azure.AzureVwanJsonParser;
import io.ipsec4j.config.gcp.GcpVpnTunnelParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The entry point: hand it what AWS, Azure or GCP gave you and get a {@link CloudVpnConnection}.
 *
 * <p>The bytes are decoded ({@link ConfigText}: BOMs, UTF-16, CRLF/CR, the
 * {@link ConfigText#MAX_INPUT_BYTES} limit), the format is detected from the content
 * ({@link CloudConfigDetector}), and the matching parser runs. Inputs that are recognised but carry
 * no importable configuration (AWS vendor-specific downloads, AWS and Azure XSLT templates) are refused
 * with a message that says which file to use instead. Nothing but {@link ConfigParseException} (and
 * {@link IOException} for files and streams) ever escapes.
 *
 * <pre>{@code
 * CloudVpnConnection c = CloudConfigReader.read(Path.of("vpn-0e69d9ffe151c77f1.txt"));
 * c.tunnels().forEach(t -> System.out.println(t.cloudOutsideAddress()));
 * c.warnings().forEach(System.out::println);
 * }</pre>
 */
public final class CloudConfigReader {
    private CloudConfigReader() {}

    /** Reads a file (at most {@link ConfigText#MAX_INPUT_BYTES}). */
    public static CloudVpnConnection read(Path path) throws IOException, ConfigParseException {
        return read(ConfigText.read(path));
    }

    /** Reads a stream (at most {@link ConfigText#MAX_INPUT_BYTES}); the caller closes it. */
    public static CloudVpnConnection read(InputStream in) throws IOException, ConfigParseException {
        return read(ConfigText.read(in));
    }

    /** Reads raw bytes. */
    public static CloudVpnConnection read(byte[] bytes) throws ConfigParseException {
        return read(ConfigText.decode(bytes));
    }

    /** Reads text that is already decoded. */
    public static CloudVpnConnection read(String text) throws ConfigParseException {
        return read(ConfigText.of(text));
    }

    /** Detects the format of {@code text} and parses it. */
    public static CloudVpnConnection read(ConfigText text) throws ConfigParseException {
        Objects.requireNonNull(text, "text");
        CloudConfigFormat format = CloudConfigDetector.detect(text);
        return parserFor(format).orElseThrow(() -> refusal(format, text)).parse(text);
    }

    /** The parser of an importable format; empty for the others. */
    public static java.util.Optional<CloudConfigParser> parserFor(CloudConfigFormat format) {
        CloudConfigParser p = switch (Objects.requireNonNull(format, "format")) {
            case AWS_GENERIC_TEXT -> new AwsGenericTextParser();
            case AWS_XML -> new AwsXmlParser();
            case AWS_API_JSON -> new AwsApiJsonParser();
            case AWS_TUNNEL_OPTIONS_JSON -> new AwsTunnelOptionsParser();
            case AZURE_VWAN_JSON -> new AzureVwanJsonParser();
            case AZURE_DEVICE_SCRIPT -> new AzureDeviceScriptParser();
            case AZURE_CONNECTION_JSON -> new AzureConnectionJsonParser();
            case GCP_VPN_TUNNEL_JSON -> new GcpVpnTunnelParser();
            case AWS_VENDOR_TEXT, AWS_XSLT_TEMPLATE, AZURE_XSLT_TEMPLATE, IPSEC4J_TUNNEL_JSON,
                    STRONGSWAN_SWANCTL_CONF, STRONGSWAN_IPSEC_CONF, UNKNOWN -> null;
        };
        return java.util.Optional.ofNullable(p);
    }

    private static ConfigParseException refusal(CloudConfigFormat format, ConfigText text) {
        switch (format) {
            case AWS_VENDOR_TEXT:
                return new ConfigParseException(format, SourceLocation.line(1),
                        "this is the AWS configuration download for " + CloudConfigDetector.awsVendorOf(text.text())
                                + ": device commands, not the Generic description",
                        "the Generic file: in the AWS console choose Download configuration with Vendor \"Generic\","
                                + " Platform \"Generic\", Software \"Vendor Agnostic\" (or the output of"
                                + " aws ec2 describe-vpn-connections)");
            case AWS_XSLT_TEMPLATE:
                return new ConfigParseException(format, SourceLocation.line(CloudConfigDetector.xsltRootLine(text.text())),
                        "this is an XSLT stylesheet (the source AWS renders a download from), not a configuration",
                        "the rendered file: in the AWS console choose Download configuration with Vendor \"Generic\","
                                + " or the CustomerGatewayConfiguration XML (aws ec2 describe-vpn-connections)");
            case AZURE_XSLT_TEMPLATE:
                return new ConfigParseException(format, SourceLocation.line(CloudConfigDetector.xsltRootLine(text.text())),
                        "this is an XSLT device template (the source a script is generated from), not a configuration",
                        "the generated script: in the Azure portal open the connection and choose Download configuration,"
                                + " or the Virtual WAN \"Download VPN configuration\" JSON");
            default:
                return new ConfigParseException(CloudConfigFormat.UNKNOWN, SourceLocation.line(1),
                        "unrecognised input (" + text.encoding() + ", " + text.lines().size() + " lines)",
                        "an AWS Generic text, AWS XML or describe-vpn-connections JSON, an Azure Virtual WAN JSON,"
                                + " device script or connection JSON, or a GCP vpnTunnel JSON");
        }
    }
}
