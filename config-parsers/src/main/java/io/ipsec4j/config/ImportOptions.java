package io.ipsec4j.config;

import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Choices the cloud file cannot make for an import: the SASE gateways that terminate the tunnels
 * (tunnel N of a group goes to gateway N, cycling), networks the file does not state (the VPC
 * CIDRs of an AWS static connection, the SASE side's subnets of a policy-based tunnel) and a
 * pre-shared key when the input has none. {@link #toString()} masks the key.
 *
 * @param gateways SASE gateway ids, at least one; a redundant pair needs two
 * @param customerNetworks the SASE (customer) side's networks when the file has none
 * @param cloudNetworks the cloud side's networks when the file has none
 * @param preSharedKey the key for tunnels whose input has none (GCP masks it; redacted copies)
 */
public record ImportOptions(List<String> gateways, List<Cidr> customerNetworks, List<Cidr> cloudNetworks,
        Optional<Secret> preSharedKey) {
    /** Validates and copies the components. */
    public ImportOptions {
        gateways = List.copyOf(Objects.requireNonNull(gateways, "gateways"));
        customerNetworks = List.copyOf(Objects.requireNonNull(customerNetworks, "customerNetworks"));
        cloudNetworks = List.copyOf(Objects.requireNonNull(cloudNetworks, "cloudNetworks"));
        Objects.requireNonNull(preSharedKey, "preSharedKey");
        if (gateways.isEmpty() || gateways.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("gateways: " + gateways + " (expected: at least one non-blank id)");
        }
    }

    /** Gateways {@code sase-gateway-1} and {@code sase-gateway-2}, no extra networks. */
    public static ImportOptions defaults() {
        return new ImportOptions(List.of("sase-gateway-1", "sase-gateway-2"), List.of(), List.of(), Optional.empty());
    }

    /** These options with other SASE gateway ids. */
    public ImportOptions withGateways(String... ids) {
        return new ImportOptions(List.of(ids), customerNetworks, cloudNetworks, preSharedKey);
    }

    /** These options with the SASE side's networks. */
    public ImportOptions withCustomerNetworks(Cidr... networks) {
        return new ImportOptions(gateways, List.of(networks), cloudNetworks, preSharedKey);
    }

    /** These options with the cloud side's networks. */
    public ImportOptions withCloudNetworks(Cidr... networks) {
        return new ImportOptions(gateways, customerNetworks, List.of(networks), preSharedKey);
    }

    /** These options with a key for the tunnels whose input has none. */
    public ImportOptions withPreSharedKey(Secret key) {
        return new ImportOptions(gateways, customerNetworks, cloudNetworks, Optional.of(Objects.requireNonNull(key, "key")));
    }
}
