package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.fixtures.ModuleApi;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module's API what ARCHITECTURE.md says: the module exports its API packages only,
 * and no public signature of an exported package mentions an internal type nor BouncyCastle or
 * Jackson.
 */
class ModuleApiTest {
    private static final ModuleApi API = ModuleApi.of(IkeDatagramDecoder.class);

    @Test
    void exportsTheApiPackagesOnly() {
        assertThat(API.name()).isEqualTo("io.ipsec4j.ike");
        assertThat(API.exportedPackages()).containsExactlyInAnyOrder("io.ipsec4j.ike", "io.ipsec4j.ike.capture",
                "io.ipsec4j.ike.doctor", "io.ipsec4j.ike.probe", "io.ipsec4j.ike.v1", "io.ipsec4j.ike.v2");
        assertThat(API.internalPackages()).containsExactlyInAnyOrder("io.ipsec4j.ike.internal");
    }

    @Test
    void noExportedSignatureMentionsAnInternalType() {
        assertThat(API.leaks("org.bouncycastle.", "com.fasterxml.")).isEmpty();
    }
}
