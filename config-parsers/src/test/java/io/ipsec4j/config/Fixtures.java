package io.ipsec4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the real cloud files copied into {@code src/test/resources/cloud-configs/}. */
public final class Fixtures {
    /** Every fixture file. */
    public static final List<String> ALL = List.of(
            "aws-generic-1.txt", "aws-generic-3.txt", "aws-generic-doc-bgp-2018.txt", "aws-xml-1.xml", "aws-xml-3.xml",
            "azure-devicescript-cisco-ios-1.txt", "azure-vwan-1.json", "azure-vwan-doc-2018-3sites.json",
            "gcp-vpntunnel-cloudmc-1.json");

    private Fixtures() {}

    /** The bytes of {@code cloud-configs/name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cloud-configs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code cloud-configs/name} (UTF-8). */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
