package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.LabelledLine;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AWS "Generic" text download (CONFIG-FORMATS.md §1.2) in every wording version seen:
 * the 2009 XSL, the 2018 documentation copy, the 2020–2021 downloads and later ones.
 *
 * <p>A section state machine (header → tunnel N → #1 IKE → #2 IPsec → #3 interface [outside |
 * inside] → #4 BGP or static → footer) reads only {@code - label : value} list lines, so the free
 * text (which has colons and {@code !}) never matters. Labels are compared with whitespace runs,
 * tabs included, collapsed; repeated labels are scoped by section and sub-header; the stray second
 * colon of {@code Customer Gateway:        :} is absorbed; Markdown artifacts (image lines,
 * backslash escapes, missing indentation) are tolerated; placeholders and empty values become
 * warnings. The file states AWS's minimum algorithm set, not the tunnel policy: a warning says so.
 *
 * @see <a href="https://docs.aws.amazon.com/vpn/latest/s2svpn/example-configuration-files.html">AWS example configuration files</a>
 */
public final class AwsGenericTextParser implements CloudConfigParser {
    private static final Pattern TUNNEL_HEADER = Pattern.compile("(?i)^\\s*ipsec\\s+tunnel\\s*#\\s*(\\d{1,3})\\b.*$");
    private static final Pattern SECTION_HEADER = Pattern.compile("^\\s*#\\s*(\\d)\\s*:\\s*(.*)$");
    // "label : value" lines are split with LabelledLine (indexOf), not a pattern: a label class that
    // overlaps \s backtracks polynomially on a long run of spaces. Possessive quantifiers below keep
    // adjacent optional whitespace from backtracking.
    private static final Pattern OUTSIDE = Pattern.compile("(?i)^\\s*outside\\s+ip\\s+addresses\\s*+:?\\s*+$");
    private static final Pattern INSIDE = Pattern.compile("(?i)^\\s*inside\\s+ip\\s+addresses\\s*+:?\\s*+$");
    private static final Pattern FOOTER = Pattern.compile("(?i)^\\s*additional\\s+notes\\s+and\\s+questions\\s*$");
    private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([-_#*.!\\[\\]()`])");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

    /** Creates a parser (stateless). */
    public AwsGenericTextParser() {}

    @Override
    public CloudConfigFormat format() {
        return CloudConfigFormat.AWS_GENERIC_TEXT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        return new Run(text).parse();
    }

    /** Collapses whitespace runs (tabs too), trims and lower-cases a label. */
    static String normalizeLabel(String label) {
        return WHITESPACE.matcher(label).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    private enum Sub { NONE, OUTSIDE, INSIDE }

    /** The state of one parse. */
    private static final class Run {
        private final ConfigText text;
        private final ValueReader values = new ValueReader(CloudConfigFormat.AWS_GENERIC_TEXT);
        private final AwsTextFields fields = new AwsTextFields(values);
        private final List<AwsTunnelDraft> drafts = new ArrayList<>();
        private String connectionId;
        private String gatewayId;
        private boolean gatewayIdLineSeen;
        private boolean truncatedVgwId;
        private String customerGatewayId;
        private String xslVersion;
        private boolean footer;
        private boolean sawTitle;
        private AwsTunnelDraft current;
        private int section;
        private Sub sub = Sub.NONE;

        Run(ConfigText text) {
            this.text = text;
        }

        CloudVpnConnection parse() throws ConfigParseException {
            List<String> lines = text.lines(CloudConfigFormat.AWS_GENERIC_TEXT);
            for (int i = 0; i < lines.size(); i++) {
                line(clean(lines.get(i)), SourceLocation.line(i + 1));
            }
            return finish();
        }

        private static String clean(String raw) {
            return MARKDOWN_ESCAPE.matcher(raw).replaceAll("$1");
        }

        private void line(String line, SourceLocation at) throws ConfigParseException {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("![") || trimmed.startsWith("```")) {
                return;
            }
            if (trimmed.toLowerCase(Locale.ROOT).contains("vpn connection configuration")) {
                sawTitle = true;
            }
            Matcher m = TUNNEL_HEADER.matcher(line);
            if (m.matches()) {
                startTunnel(Integer.parseInt(m.group(1)), at);
                return;
            }
            if (FOOTER.matcher(line).matches()) {
                footer = true;
                current = null;
                return;
            }
            if (footer) {
                footerLine(line);
                return;
            }
            if (current == null) {
                headerLine(line, at);
                return;
            }
            m = SECTION_HEADER.matcher(line);
            if (m.matches()) {
                section = Integer.parseInt(m.group(1));
                sub = Sub.NONE;
                if (section == 4) {
                    fields.routing(current, m.group(2), at);
                }
                return;
            }
            if (OUTSIDE.matcher(line).matches()) {
                sub = Sub.OUTSIDE;
                return;
            }
            if (INSIDE.matcher(line).matches()) {
                sub = Sub.INSIDE;
                return;
            }
            Optional<LabelledLine> f = listField(line);
            if (f.isPresent()) {
                String label = normalizeLabel(f.get().label());
                String scoped = section == 3 && sub != Sub.NONE ? sub.name().toLowerCase(Locale.ROOT) + " " + label : label;
                fields.field(current, section, label, scoped, f.get().value(), at);
            }
        }

        private void startTunnel(int number, SourceLocation at) throws ConfigParseException {
            if (number < 1) {
                throw values.error(at, "tunnel number " + number, "IPSec Tunnel #1, #2, …");
            }
            for (AwsTunnelDraft d : drafts) {
                if (d.number == number) {
                    throw values.error(at, "a second \"IPSec Tunnel #" + number + "\" section", "each tunnel number once");
                }
            }
            current = new AwsTunnelDraft(number, at);
            drafts.add(current);
            section = 0;
            sub = Sub.NONE;
        }

        private void headerLine(String line, SourceLocation at) {
            // "[!#] Your … : value" (the identifiers block).
            int start = !line.isEmpty() && (line.charAt(0) == '!' || line.charAt(0) == '#') ? 1 : 0;
            String rest = line.substring(LabelledLine.skipSpace(line, start));
            Optional<LabelledLine> id = rest.startsWith("Your ") ? LabelledLine.split(rest) : Optional.empty();
            if (id.isEmpty()) {
                return;
            }
            String label = normalizeLabel(id.get().label());
            String value = id.get().value();
            switch (label) {
                case "your vpn connection id" -> connectionId = idValue("VPN connection id", value, "vpn-", at);
                case "your virtual private gateway id", "your vpn gateway id" -> {
                    gatewayIdLineSeen = true;
                    gatewayId = idValue("Virtual private gateway id", value, "vgw-", at);
                    // "vgw-" cut short by whoever shared the file still names a VGW; a TGW file leaves it empty.
                    truncatedVgwId = value.equalsIgnoreCase("vgw-");
                }
                case "your customer gateway id" -> customerGatewayId = idValue("Customer gateway id", value, "cgw-", at);
                default -> {
                    // Other "Your …:" sentences are prose.
                }
            }
        }

        private String idValue(String what, String value, String prefix, SourceLocation at) {
            Optional<String> id = values.id(what, value, at);
            if (id.isPresent() && id.get().equalsIgnoreCase(prefix)) {
                values.warn(ConfigWarning.Kind.EMPTY_VALUE, at, what + " is truncated to \"" + prefix + "\" (a redacted copy?)");
                return null;
            }
            return id.orElse(null);
        }

        private void footerLine(String line) {
            Optional<LabelledLine> f = listField(line);
            if (f.isPresent() && normalizeLabel(f.get().label()).equals("xsl version")) {
                xslVersion = f.get().value().isEmpty() ? null : f.get().value();
            }
        }

        private CloudVpnConnection finish() throws ConfigParseException {
            if (drafts.isEmpty()) {
                throw values.error(SourceLocation.unknown(), "no \"IPSec Tunnel #1\" section",
                        "the AWS Generic text download with its tunnel sections");
            }
            if (!sawTitle) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, SourceLocation.line(1),
                        "the \"VPN Connection Configuration\" title is missing: a partial copy?");
            }
            if (connectionId == null) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, SourceLocation.unknown(), "no VPN connection id");
            }
            String group = connectionId != null ? connectionId : "aws-vpn";
            List<CloudTunnel> tunnels = new ArrayList<>();
            for (AwsTunnelDraft d : drafts) {
                fields.complete(d);
                tunnels.add(d.build(group));
            }
            tunnels = new AlgorithmResolver(Vendor.AWS, values).resolveAll(tunnels);
            AwsChecks.tunnels(values, tunnels);
            AwsChecks.minimumAlgorithmSet(values, "the Generic text file");
            CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                    .format(CloudConfigFormat.AWS_GENERIC_TEXT)
                    .algorithmsAreMinimumSet(true)
                    .gatewayKind(AwsChecks.gatewayKind(truncatedVgwId ? "vgw-" : gatewayId, gatewayIdLineSeen))
                    .tunnels(tunnels)
                    .warnings(values.warnings());
            Optional.ofNullable(connectionId).ifPresent(b::connectionId);
            Optional.ofNullable(gatewayId).ifPresent(b::gatewayId);
            Optional.ofNullable(customerGatewayId).ifPresent(b::customerGatewayId);
            Optional.ofNullable(xslVersion).ifPresent(b::formatVersion);
            return b.build();
        }
    }

    /**
     * A {@code - label : value} (or {@code * label : value}) list line; the stray second colon of
     * {@code Customer Gateway:        :} is absorbed.
     */
    static Optional<LabelledLine> listField(String line) {
        Optional<String> rest = LabelledLine.afterMarker(line, '-').or(() -> LabelledLine.afterMarker(line, '*'));
        Optional<LabelledLine> f = rest.flatMap(LabelledLine::split);
        if (f.isEmpty()) {
            return f;
        }
        String value = f.get().value();
        if (value.startsWith(":") && (value.length() == 1 || LabelledLine.isSpace(value.charAt(1)))) {
            return Optional.of(new LabelledLine(f.get().label(), LabelledLine.strip(value.substring(1))));
        }
        return f;
    }

    /** Routing as stated by a {@code #4:} heading. */
    static RoutingType routingOf(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        if (h.contains("border gateway") || h.contains("bgp")) {
            return RoutingType.BGP;
        }
        return h.contains("static") ? RoutingType.STATIC : RoutingType.UNKNOWN;
    }
}
