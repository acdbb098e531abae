package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency directions of ARCHITECTURE.md true for this module by reading the
 * constant pools of the compiled classes: the model uses the JDK only, never Netty, Jackson or
 * the modules built on it; the registry does not know the tunnel values or the checks; the
 * values do not know the checks; nothing prints to the console; the module exports its three
 * packages and needs nothing but the JDK at run time.
 */
class ArchitectureTest {
    private static final List<String> FORBIDDEN_EVERYWHERE = List.of("io/netty/", "com/fasterxml/", "org/bouncycastle/",
            "io/ipsec4j/config/", "io/ipsec4j/esp/", "io/ipsec4j/crypto/", "io/ipsec4j/ike/", "Ljava/io/PrintStream;");

    private static Path root() throws URISyntaxException {
        return Path.of(Tunnel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<Path, String> classes() throws URISyntaxException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toMap(p -> root.relativize(p), p -> {
                try {
                    // Constant-pool UTF-8 entries are plain ASCII for these names.
                    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(Map<Path, String> classes, String packagePrefix, List<String> forbidden) {
        List<String> out = new ArrayList<>();
        classes.forEach((path, bytes) -> {
            String name = path.toString().replace('\\', '/');
            boolean inPackage = name.startsWith(packagePrefix) && name.indexOf('/', packagePrefix.length()) < 0;
            if (inPackage) {
                forbidden.stream().filter(bytes::contains).forEach(f -> out.add(name + " uses " + f));
            }
        });
        return out;
    }

    @Test
    void theModelUsesTheJdkOnlyAndNeverPrints() throws Exception {
        Map<Path, String> classes = classes();
        assertThat(classes).hasSizeGreaterThan(20);
        List<String> v = new ArrayList<>();
        for (String pkg : List.of("io/ipsec4j/model/", "io/ipsec4j/model/algorithm/", "io/ipsec4j/model/check/")) {
            v.addAll(violations(classes, pkg, FORBIDDEN_EVERYWHERE));
        }
        assertThat(v).isEmpty();
    }

    @Test
    void theRegistryKnowsNeitherTunnelsNorChecks() throws Exception {
        List<String> v = violations(classes(), "io/ipsec4j/model/algorithm/",
                List.of("io/ipsec4j/model/Tunnel", "io/ipsec4j/model/Phase", "io/ipsec4j/model/check/"));
        assertThat(v).isEmpty();
    }

    @Test
    void tunnelValuesDoNotDependOnChecks() throws Exception {
        assertThat(violations(classes(), "io/ipsec4j/model/", List.of("io/ipsec4j/model/check/"))).isEmpty();
    }

    @Test
    void theModuleExportsItsPackagesAndRequiresTheJdkOnly() throws Exception {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(root().resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.name()).isEqualTo("io.ipsec4j.model");
        assertThat(module.exports()).map(ModuleDescriptor.Exports::toString)
                .containsExactlyInAnyOrder("io.ipsec4j.model", "io.ipsec4j.model.algorithm", "io.ipsec4j.model.check");
        assertThat(module.requires()).filteredOn(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).containsExactly("java.base");
    }
}
