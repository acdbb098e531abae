package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code secrets.ike*} entries of a swanctl.conf and the lookup of a tunnel's pre-shared key by
 * the IDs of its two ends, the way charon picks the best-matching shared key: an entry naming the
 * peer's ID beats one naming only ours, and an entry without IDs matches any tunnel.
 */
final class SwanctlSecrets {
    /** One {@code ike} secret; {@code secret} is empty when its value could not be decoded. */
    record Entry(String section, List<Identity> ids, Optional<Secret> secret, int line) {}

    private final List<Entry> entries;

    private SwanctlSecrets(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads {@code secrets { ike… { id… = …; secret = … } }}; {@code problems} gets (line, message). */
    static SwanctlSecrets of(SettingsSection root, java.util.function.BiConsumer<Integer, String> problems) {
        List<Entry> out = new ArrayList<>();
        Optional<SettingsSection> secrets = root.subsection("secrets");
        if (secrets.isEmpty()) {
            return new SwanctlSecrets(out);
        }
        for (SettingsSection s : secrets.get().sections()) {
            if (!s.name().startsWith("ike")) {
                continue;
            }
            List<Identity> ids = new ArrayList<>();
            for (SettingsSection.Setting setting : s.settings()) {
                if ((setting.key().equals("id") || setting.key().startsWith("id-")) && !setting.value().equals("%any")) {
                    try {
                        ids.add(Identity.parse(setting.value()));
                    } catch (IllegalArgumentException e) {
                        problems.accept(setting.line(), "secret " + s.name() + ": " + e.getMessage());
                    }
                }
            }
            Optional<SettingsSection.Setting> value = s.get("secret");
            if (value.isEmpty()) {
                problems.accept(s.line(), "secret " + s.name() + " has no secret value");
                continue;
            }
            Optional<Secret> secret = decode(value.get().value());
            if (secret.isEmpty()) {
                problems.accept(value.get().line(), "secret " + s.name()
                        + ": the 0x (hex) or 0s (base64) value does not decode to UTF-8 text");
            }
            out.add(new Entry(s.name(), List.copyOf(ids), secret, value.get().line()));
        }
        return new SwanctlSecrets(out);
    }

    /** strongSwan's encodings: {@code 0x} hexadecimal, {@code 0s} base64, anything else the text itself. */
    static Optional<Secret> decode(String v) {
        byte[] bytes;
        try {
            if (v.startsWith("0x")) {
                bytes = HexFormat.of().parseHex(v.substring(2));
            } else if (v.startsWith("0s")) {
                bytes = Base64.getDecoder().decode(v.substring(2));
            } else {
                return Optional.of(Secret.of(v));
            }
            return Optional.of(Secret.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The best entry for connection {@code connection} whose peer is {@code remote} and which is
     * {@code local} (when known); between equally good entries, the one named {@code ike-<connection>}
     * (as {@link SwanctlWriter} names them), else the first.
     */
    Optional<Entry> lookup(String connection, Identity remote, Optional<Identity> local) {
        Entry best = null;
        int bestScore = -1;
        for (Entry e : entries) {
            int score;
            if (e.ids().isEmpty()) {
                score = 0;
            } else {
                score = (e.ids().contains(remote) ? 2 : 0) + (local.isPresent() && e.ids().contains(local.get()) ? 1 : 0);
                if (score == 0) {
                    continue;
                }
            }
            score = score * 2 + (e.section().equals("ike-" + connection) ? 1 : 0);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
