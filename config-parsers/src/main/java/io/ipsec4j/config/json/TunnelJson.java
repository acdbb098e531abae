package io.ipsec4j.config.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.util.Objects;

/**
 * Writes and reads the library's own JSON tunnel document, schema version 1.
 *
 * <p>Field names are stable; every object is closed (an unknown field is an error at its JSON
 * pointer). Algorithms are strongSwan proposal strings, selectors and networks their text form,
 * durations numbers of seconds. Pre-shared keys are redacted unless the caller passes
 * {@link SecretOutput#REVEAL}.
 *
 * <pre>
 * { "schemaVersion": 1,
 *   "tunnels": [ TUNNEL ],
 *   "redundantTunnels": [ { "name", "tunnel1": TUNNEL, "tunnel2": TUNNEL } ] }
 * TUNNEL = { "name", "gateway", "routing": "ROUTE_BASED" | "POLICY_BASED",
 *   "phaseOne": { "ikeVersion": "IKEV2" | "IKEV1_MAIN" | "IKEV1_AGGRESSIVE",
 *                 "sharedSecret": "…" | { "redacted": true, "length": 32 },
 *                 "remotePublicIp", "localPublicIp"?, "remoteId"?, "localId"?,
 *                 "lifetime": LIFETIME, "proposals": [ "aes256gcm16-prfsha256-modp2048" ] },
 *   "phaseTwo": { "localSubnets": [ "0.0.0.0/0" ], "remoteSubnets": [ … ], "lifetime": LIFETIME,
 *                 "dpd"?: { "delaySeconds", "timeoutSeconds", "action": "CLEAR" | "HOLD" | "RESTART" | "NONE" },
 *                 "proposals": [ "aes256gcm16-modp2048" ], "mode": "TUNNEL" | "TRANSPORT", "replayWindow" },
 *   "tunnelInterface"?: { "localAddress", "remoteAddress", "prefixLength" },
 *   "routes": [ "10.0.0.0/16" ],
 *   "bgp"?: { "localAsn", "peerAsn", "neighbor", "kind"?: "INSIDE" | "MULTIHOP", "localAddress"?,
 *             "multihopTtl"? (2..255, MULTIHOP only), "holdTimeSeconds" } }
 * LIFETIME = { "seconds", "bytes"?, "packets"?, "rekeyMarginSeconds"?, "rekeyFuzzPercent" }
 * </pre>
 */
public final class TunnelJson {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.IPSEC4J_TUNNEL_JSON;
    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private TunnelJson() {}

    /** The document as indented JSON. */
    public static String write(TunnelDocument document, SecretOutput secrets) {
        Objects.requireNonNull(document, "document");
        return text(new TunnelJsonWriter(Objects.requireNonNull(secrets, "secrets")).document(document));
    }

    /** A document holding one tunnel. */
    public static String write(Tunnel tunnel, SecretOutput secrets) {
        return write(TunnelDocument.of(Objects.requireNonNull(tunnel, "tunnel")), secrets);
    }

    /** A document holding one redundant pair. */
    public static String write(RedundantTunnels pair, SecretOutput secrets) {
        return write(TunnelDocument.of(Objects.requireNonNull(pair, "pair")), secrets);
    }

    private static String text(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** Reads a document. */
    public static TunnelDocument read(String json) throws ConfigParseException {
        return read(ConfigText.of(Objects.requireNonNull(json, "json")));
    }

    /** Reads a document from bytes (BOM, UTF-16 and the size limit as for cloud files). */
    public static TunnelDocument read(byte[] json) throws ConfigParseException {
        return read(ConfigText.decode(Objects.requireNonNull(json, "json")));
    }

    private static TunnelDocument read(ConfigText text) throws ConfigParseException {
        return TunnelJsonReader.document(JsonInput.readExact(text.text(), FORMAT));
    }

    /** Reads a document that must hold exactly one single tunnel. */
    public static Tunnel readTunnel(String json) throws ConfigParseException {
        TunnelDocument d = read(json);
        if (d.tunnels().size() != 1 || !d.redundantTunnels().isEmpty()) {
            throw new ConfigParseException(FORMAT, io.ipsec4j.config.SourceLocation.jsonPointer(""),
                    d.tunnels().size() + " tunnels and " + d.redundantTunnels().size() + " pairs", "exactly one tunnel");
        }
        return d.tunnels().get(0);
    }
}
