package io.ipsec4j.config.strongswan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One section of a libstrongswan settings file (swanctl.conf): its key/value pairs and subsections in
 * file order, each with the line it came from, and the {@code # ipsec4j.key = value} annotations
 * written inside it. As in strongSwan, a repeated section is merged and a repeated key keeps its
 * last value.
 */
final class SettingsSection {
    /** A value and the line it was read from. */
    record Setting(String key, String value, boolean quoted, int line) {}

    private final String name;
    private final int line;
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, SettingsSection> sections = new LinkedHashMap<>();
    private final Map<String, Setting> annotations = new LinkedHashMap<>();

    SettingsSection(String name, int line) {
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    /** The line of the section's first opening. */
    int line() {
        return line;
    }

    /** Stores a setting; returns the one it replaces, if any. */
    Optional<Setting> put(Setting s) {
        return Optional.ofNullable(settings.put(s.key(), s));
    }

    void annotate(Setting s) {
        annotations.put(s.key(), s);
    }

    /** The subsection {@code name}, created (at {@code line}) when new. */
    SettingsSection section(String sectionName, int at) {
        return sections.computeIfAbsent(sectionName, n -> new SettingsSection(n, at));
    }

    Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    Optional<String> value(String key) {
        return get(key).map(Setting::value);
    }

    Optional<Setting> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    Optional<SettingsSection> subsection(String sectionName) {
        return Optional.ofNullable(sections.get(sectionName));
    }

    /** The settings in file order. */
    List<Setting> settings() {
        return Collections.unmodifiableList(new ArrayList<>(settings.values()));
    }

    /** The subsections in file order. */
    List<SettingsSection> sections() {
        return Collections.unmodifiableList(new ArrayList<>(sections.values()));
    }
}
