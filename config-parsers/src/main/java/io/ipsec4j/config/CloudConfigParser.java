package io.ipsec4j.config;

/**
 * A parser for one {@link CloudConfigFormat}, for callers who know what they have. Callers who do
 * not use {@link CloudConfigReader}, which detects the format.
 *
 * <p>Implementations are stateless and thread-safe. Whatever the input, they return a
 * {@link CloudVpnConnection} or throw {@link ConfigParseException}: never another exception.
 */
public interface CloudConfigParser {
    /** The format this parser reads. */
    CloudConfigFormat format();

    /** Parses decoded text. */
    CloudVpnConnection parse(ConfigText text) throws ConfigParseException;

    /** Decodes (BOM, UTF-16, line endings, size limit) and parses raw bytes. */
    default CloudVpnConnection parse(byte[] bytes) throws ConfigParseException {
        return parse(ConfigText.decode(bytes));
    }

    /** Parses a string. */
    default CloudVpnConnection parse(String text) throws ConfigParseException {
        return parse(ConfigText.of(text));
    }
}
