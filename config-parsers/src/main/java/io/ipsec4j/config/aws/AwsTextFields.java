package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.EspMode;
import java.util.Locale;

/**
 * The field catalogue of the AWS Generic text (CONFIG-FORMATS.md §1.2.2): which normalised label,
 * in which section, fills which value. Labels unique in the file are accepted in any section (docs
 * copies move lines around); the repeated ones are scoped by section and sub-header.
 */
final class AwsTextFields {
    private final ValueReader values;

    AwsTextFields(ValueReader values) {
        this.values = values;
    }

    void routing(AwsTunnelDraft d, String heading, SourceLocation at) {
        RoutingType r = AwsGenericTextParser.routingOf(heading);
        if (r != RoutingType.UNKNOWN) {
            d.tunnel.routing(r);
            d.at(CloudField.ROUTING, at);
        }
    }

    /**
     * Applies one {@code - label : value} line; {@code label} is normalised, {@code scoped} is the
     * label prefixed with the #3 sub-header ({@code outside customer gateway}) when there is one.
     */
    void field(AwsTunnelDraft d, int section, String label, String scoped, String value, SourceLocation at)
            throws ConfigParseException {
        if (value.isBlank() && !label.equals("pre-shared key")) {
            values.warn(ConfigWarning.Kind.EMPTY_VALUE, at, "\"" + ValueReader.shorten(label) + "\" is empty");
            return;
        }
        if (unique(d, label, value, at)) {
            return;
        }
        switch (section) {
            case 1 -> ike(d, label, value, at);
            case 2 -> ipsec(d, label, value, at);
            case 3 -> tunnelInterface(d, scoped, value, at);
            default -> unknown(label, at);
        }
    }

    private boolean unique(AwsTunnelDraft d, String label, String value, SourceLocation at) throws ConfigParseException {
        switch (label) {
            case "ike version" -> {
                String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (!v.equals("ikev1") && !v.equals("ikev2")) {
                    throw values.error(at, "IKE version \"" + ValueReader.shorten(value.trim()) + "\"", "IKEv1 or IKEv2");
                }
                d.ikeMajor = v.equals("ikev2") ? 2 : 1;
                d.at(CloudField.IKE_VERSION, at);
            }
            case "phase 1 negotiation mode" -> {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("main") && !v.equals("aggressive")) {
                    throw values.error(at, "Phase 1 negotiation mode \"" + ValueReader.shorten(value.trim()) + "\"", "main or aggressive");
                }
                d.ikeMode = v;
                d.at(CloudField.PHASE1_MODE, at);
            }
            case "authentication method" -> {
                d.phase1.authenticationMethod(value.trim());
                if (!value.trim().equalsIgnoreCase("pre-shared key")) {
                    values.warn(ConfigWarning.Kind.MISSING_INFORMATION, at,
                            "authentication method \"" + ValueReader.shorten(value.trim()) + "\": only pre-shared keys are read");
                }
            }
            case "pre-shared key" -> {
                values.secret("Pre-Shared Key of tunnel " + d.number, value, at).ifPresent(d.tunnel::preSharedKey);
                d.at(CloudField.PRE_SHARED_KEY, at);
            }
            case "diffie-hellman" -> {
                d.phase1.addDhGroupNames(value.trim());
                d.at(CloudField.PHASE1_DH_GROUPS, at);
            }
            case "dpd interval" -> values.intInRange("DPD interval", value, at, 0, 86_400).ifPresent(v -> {
                d.tunnel.dpdIntervalSeconds(v);
                d.at(CloudField.DPD_INTERVAL, at);
            });
            case "dpd retries" -> values.intInRange("DPD retries", value, at, 0, 1000).ifPresent(v -> {
                d.tunnel.dpdRetries(v);
                d.at(CloudField.DPD_RETRIES, at);
            });
            case "tcp mss adjustment" -> values.intInRange("TCP MSS adjustment", value, at, 0, 65_535).ifPresent(v -> {
                d.tunnel.tcpMssAdjustment(v);
                d.at(CloudField.TCP_MSS, at);
            });
            case "tunnel interface mtu" -> values.intInRange("tunnel interface MTU", value, at, 0, 65_535).ifPresent(v -> {
                d.tunnel.mtu(v);
                d.at(CloudField.MTU, at);
            });
            case "customer gateway asn" -> values.asn("Customer Gateway ASN", value, at).ifPresent(v -> {
                d.tunnel.customerAsn(v);
                d.at(CloudField.CUSTOMER_ASN, at);
            });
            case "virtual private gateway asn", "vpn gateway asn", "transit gateway asn" ->
                    values.asn("Virtual Private Gateway ASN", value, at).ifPresent(v -> {
                        d.tunnel.cloudAsn(v);
                        d.at(CloudField.CLOUD_ASN, at);
                    });
            case "neighbor ip address" -> values.address("Neighbor IP Address", value, at).ifPresent(v -> {
                d.tunnel.bgpNeighborAddress(v);
                d.at(CloudField.BGP_NEIGHBOR, at);
            });
            case "neighbor hold time" -> values.intInRange("Neighbor Hold Time", value, at, 0, 65_535).ifPresent(v -> {
                d.tunnel.bgpHoldTimeSeconds(v);
                d.at(CloudField.BGP_HOLD_TIME, at);
            });
            case "next hop" -> values.address("Next hop", value, at).ifPresent(v -> {
                d.tunnel.staticNextHop(v);
                d.at(CloudField.STATIC_NEXT_HOP, at);
            });
            case "clear don't fragment bit", "clear don’t fragment bit", "fragmentation" -> {
                // Device advice with no counterpart in the tunnel model.
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void ike(AwsTunnelDraft d, String label, String value, SourceLocation at) throws ConfigParseException {
        switch (label) {
            case "authentication algorithm" -> {
                d.phase1.addIntegrityNames(value.trim());
                d.at(CloudField.PHASE1_INTEGRITY, at);
            }
            case "encryption algorithm" -> {
                d.phase1.addEncryptionNames(value.trim());
                d.at(CloudField.PHASE1_ENCRYPTION, at);
            }
            case "lifetime" -> values.number("IKE lifetime", value, at).ifPresent(v -> {
                d.phase1.lifetimeSeconds(v);
                d.at(CloudField.PHASE1_LIFETIME, at);
            });
            // 2009 XSL: the IKE DH group printed as "Perfect Forward Secrecy : Diffie-Hellman Group 2".
            case "perfect forward secrecy" -> {
                d.phase1.addDhGroupNames(value.trim());
                d.at(CloudField.PHASE1_DH_GROUPS, at);
            }
            default -> unknown(label, at);
        }
    }

    private void ipsec(AwsTunnelDraft d, String label, String value, SourceLocation at) throws ConfigParseException {
        switch (label) {
            case "protocol" -> {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("esp")) {
                    throw values.error(at, "IPsec protocol \"" + ValueReader.shorten(value.trim()) + "\"", "esp");
                }
                d.phase2.protocol(v);
                d.at(CloudField.PHASE2_PROTOCOL, at);
            }
            case "authentication algorithm" -> {
                d.phase2.addIntegrityNames(value.trim());
                d.at(CloudField.PHASE2_INTEGRITY, at);
            }
            case "encryption algorithm" -> {
                d.phase2.addEncryptionNames(value.trim());
                d.at(CloudField.PHASE2_ENCRYPTION, at);
            }
            case "lifetime" -> values.number("IPsec lifetime", value, at).ifPresent(v -> {
                d.phase2.lifetimeSeconds(v);
                d.at(CloudField.PHASE2_LIFETIME, at);
            });
            case "mode" -> {
                d.phase2.mode(espMode(value, at));
                d.at(CloudField.PHASE2_MODE, at);
            }
            case "perfect forward secrecy" -> {
                d.phase2.addPfsGroupNames(value.trim());
                d.at(CloudField.PHASE2_PFS_GROUPS, at);
            }
            default -> unknown(label, at);
        }
    }

    private EspMode espMode(String value, SourceLocation at) throws ConfigParseException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("tunnel")) {
            return EspMode.TUNNEL;
        } else if (v.equals("transport")) {
            return EspMode.TRANSPORT;
        }
        throw values.error(at, "IPsec mode \"" + ValueReader.shorten(value.trim()) + "\"", "tunnel or transport");
    }

    private void tunnelInterface(AwsTunnelDraft d, String label, String value, SourceLocation at) throws ConfigParseException {
        switch (label) {
            case "outside customer gateway" -> values.address("outside Customer Gateway address", value, at).ifPresent(v -> {
                d.tunnel.customerOutsideAddress(v);
                d.at(CloudField.CUSTOMER_OUTSIDE_ADDRESS, at);
            });
            case "outside virtual private gateway", "outside vpn gateway", "outside transit gateway" ->
                    values.address("outside Virtual Private Gateway address", value, at).ifPresent(v -> {
                        d.tunnel.cloudOutsideAddress(v);
                        d.at(CloudField.CLOUD_OUTSIDE_ADDRESS, at);
                    });
            case "inside customer gateway" -> values.insideAddress("inside Customer Gateway address", value, at).ifPresent(v -> {
                d.tunnel.customerInsideAddress(v);
                d.at(CloudField.CUSTOMER_INSIDE_ADDRESS, at);
            });
            case "inside virtual private gateway", "inside vpn gateway", "inside transit gateway" ->
                    values.insideAddress("inside Virtual Private Gateway address", value, at).ifPresent(v -> {
                        d.tunnel.cloudInsideAddress(v);
                        d.at(CloudField.CLOUD_INSIDE_ADDRESS, at);
                    });
            default -> unknown(label, at);
        }
    }

    private void unknown(String label, SourceLocation at) {
        values.warn(ConfigWarning.Kind.UNKNOWN_FIELD, at, "unknown field \"" + ValueReader.shorten(label) + "\" ignored");
    }

    /** Infers the routing from the fields when no {@code #4:} heading said it. */
    void complete(AwsTunnelDraft d) {
        if (!d.has(CloudField.ROUTING)) {
            if (d.has(CloudField.CUSTOMER_ASN) || d.has(CloudField.CLOUD_ASN) || d.has(CloudField.BGP_NEIGHBOR)) {
                d.tunnel.routing(RoutingType.BGP);
                d.at(CloudField.ROUTING, d.location);
            } else if (d.has(CloudField.STATIC_NEXT_HOP)) {
                d.tunnel.routing(RoutingType.STATIC);
                d.at(CloudField.ROUTING, d.location);
            }
        }
    }
}
