package io.ipsec4j.config;

/** Runs a parser (and the mapper) on arbitrary bytes: only {@link ConfigParseException} may come out. */
public final class ParserHarness {
    private ParserHarness() {}

    /** Parses and prints; a runtime exception or error escapes to fail the caller. */
    public static void parseOrTypedError(CloudConfigParser parser, byte[] input) {
        try {
            CloudVpnConnection c = parser.parse(input);
            if (c.toString().isEmpty() || c.tunnels().isEmpty()) {
                throw new AssertionError("a parsed connection must have tunnels and a report");
            }
            // Mapping never throws either: what the model refuses becomes findings.
            CloudTunnelMapper.map(c).toString();
        } catch (ConfigParseException expected) {
            if (expected.getMessage() == null || expected.location() == null) {
                throw new AssertionError("a parse error must have a message and a location", expected);
            }
        }
    }

    /** Detects and parses through the entry point. */
    public static void readOrTypedError(byte[] input) {
        try {
            CloudTunnelMapper.map(CloudConfigReader.read(input)).toString();
        } catch (ConfigParseException expected) {
            // The only failure allowed.
        }
    }
}
