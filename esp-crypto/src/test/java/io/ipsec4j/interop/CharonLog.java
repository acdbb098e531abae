package io.ipsec4j.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a charon file log written with {@code ike = 4} and {@code chd = 4}: every hex dump
 * ({@code label => N bytes @ 0x…} followed by offset lines) and the CHILD_SAs with their SPIs and
 * keys. Lines of different charon threads interleave, so dumps are collected per thread id.
 *
 * <p>The IKE codec tests reuse {@link #dumps()} for {@code SKEYSEED}, {@code Sk_d secret} and friends.
 */
public final class CharonLog {
    private static final Pattern LINE = Pattern.compile("^(?:.*? )?(\\d{2})\\[(\\w+)\\] (.*)$");
    private static final Pattern DUMP_HEADER = Pattern.compile("^(.+?) => (\\d+) bytes @ (?:0x)?[0-9a-fA-F]+$");
    private static final Pattern DUMP_LINE = Pattern.compile("^\\s*(\\d+): (.*)$");
    private static final Pattern CHILD_UP = Pattern.compile(
            "CHILD_SA (\\S+)\\{(\\d+)\\} established with SPIs ([0-9a-f]{8})_i ([0-9a-f]{8})_o");
    /** Hex bytes occupy the first 16 × 3 characters of a dump line; the ASCII column follows. */
    private static final int HEX_COLUMN_WIDTH = 48;

    /** One hex dump. */
    public static final class Dump {
        public final String thread;
        public final String label;
        public final byte[] bytes;

        Dump(String thread, String label, byte[] bytes) {
            this.thread = thread;
            this.label = label;
            this.bytes = bytes;
        }
    }

    /** A CHILD_SA as this charon installed it: its inbound and outbound SPI and the four keys. */
    public static final class ChildSa {
        public final String name;
        public final int uniqueId;
        public final int inboundSpi;
        public final int outboundSpi;
        /** Labels such as {@code encryption initiator key} → bytes. */
        public final Map<String, byte[]> keys;

        ChildSa(String name, int uniqueId, int inboundSpi, int outboundSpi, Map<String, byte[]> keys) {
            this.name = name;
            this.uniqueId = uniqueId;
            this.inboundSpi = inboundSpi;
            this.outboundSpi = outboundSpi;
            this.keys = keys;
        }

        public byte[] key(String label) {
            return keys.getOrDefault(label, new byte[0]);
        }

        @Override
        public String toString() {
            return String.format("%s{%d} in %08x out %08x", name, uniqueId, inboundSpi, outboundSpi);
        }
    }

    private final List<Dump> dumps = new ArrayList<>();
    private final List<ChildSa> childSas = new ArrayList<>();

    private CharonLog() {
    }

    /** Parses the log file. */
    public static CharonLog read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static CharonLog parse(List<String> lines) {
        CharonLog log = new CharonLog();
        Map<String, String> openLabel = new HashMap<>();
        Map<String, Integer> openLength = new HashMap<>();
        Map<String, ByteArrayOutputStream> openBytes = new HashMap<>();
        Map<String, Map<String, byte[]>> recentKeys = new HashMap<>();
        for (String raw : lines) {
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String thread = m.group(1);
            String text = m.group(3);
            Matcher dl = DUMP_LINE.matcher(text);
            if (openLabel.containsKey(thread) && dl.matches()) {
                String hex = dl.group(2);
                hex = hex.length() > HEX_COLUMN_WIDTH ? hex.substring(0, HEX_COLUMN_WIDTH) : hex;
                for (String token : hex.trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        openBytes.get(thread).write(Integer.parseInt(token, 16));
                    }
                }
                if (openBytes.get(thread).size() >= openLength.get(thread)) {
                    log.close(thread, openLabel, openBytes, recentKeys);
                }
                continue;
            }
            if (openLabel.containsKey(thread)) {
                log.close(thread, openLabel, openBytes, recentKeys);
            }
            Matcher h = DUMP_HEADER.matcher(text);
            if (h.matches()) {
                int length = Integer.parseInt(h.group(2));
                openLabel.put(thread, h.group(1).trim());
                openLength.put(thread, length);
                openBytes.put(thread, new ByteArrayOutputStream());
                if (length == 0) {
                    log.close(thread, openLabel, openBytes, recentKeys);
                }
                continue;
            }
            Matcher c = CHILD_UP.matcher(text);
            if (c.find()) {
                Map<String, byte[]> keys = recentKeys.getOrDefault(thread, new LinkedHashMap<>());
                log.childSas.add(new ChildSa(c.group(1), Integer.parseInt(c.group(2)),
                        Integer.parseUnsignedInt(c.group(3), 16), Integer.parseUnsignedInt(c.group(4), 16),
                        new LinkedHashMap<>(keys)));
                recentKeys.remove(thread);
            }
        }
        return log;
    }

    private void close(String thread, Map<String, String> label, Map<String, ByteArrayOutputStream> bytes,
            Map<String, Map<String, byte[]>> recentKeys) {
        Dump d = new Dump(thread, label.remove(thread), bytes.remove(thread).toByteArray());
        dumps.add(d);
        if (d.label.endsWith(" key")) {
            recentKeys.computeIfAbsent(thread, t -> new LinkedHashMap<>()).put(d.label, d.bytes);
        }
    }

    /** Returns every hex dump in file order. */
    public List<Dump> dumps() {
        return dumps;
    }

    /** Returns the CHILD_SAs established, in order. */
    public List<ChildSa> childSas() {
        return childSas;
    }

    /** Returns the last CHILD_SA established under {@code name}. */
    public ChildSa childSa(String name) {
        ChildSa found = null;
        for (ChildSa c : childSas) {
            if (c.name.equals(name)) {
                found = c;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no CHILD_SA " + name + " in the log (have " + childSas + ")");
        }
        return found;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
