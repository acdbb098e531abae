/**
 * The library's own JSON tunnel document ({@link io.ipsec4j.config.json.TunnelJson}): stable field
 * names, a {@code schemaVersion}, closed objects and redacted keys unless asked. The model stays
 * free of Jackson: separate reader and writer classes work over {@code JsonNode}.
 */
package io.ipsec4j.config.json;
