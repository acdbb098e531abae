package io.ipsec4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.fixtures.ModuleApi;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module's API what ARCHITECTURE.md says: the module exports its API packages only,
 * and no public signature of an exported package mentions an internal type, nor Jackson, Netty,
 * BouncyCastle or StAX (JsonAt once put Jackson's JsonNode into a public record).
 */
class ModuleApiTest {
    private static final ModuleApi API = ModuleApi.of(CloudConfigReader.class);

    @Test
    void exportsTheApiPackagesOnly() {
        assertThat(API.name()).isEqualTo("io.ipsec4j.config");
        assertThat(API.exportedPackages()).containsExactlyInAnyOrder("io.ipsec4j.config", "io.ipsec4j.config.aws", "io.ipsec4j.config.azure",
                "io.ipsec4j.config.gcp", "io.ipsec4j.config.json", "io.ipsec4j.config.strongswan");
        assertThat(API.internalPackages()).containsExactlyInAnyOrder("io.ipsec4j.config.internal");
    }

    @Test
    void noExportedSignatureMentionsAnInternalType() {
        assertThat(API.leaks("com.fasterxml.", "io.netty.", "org.bouncycastle.", "javax.xml.")).isEmpty();
    }
}
