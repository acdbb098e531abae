package io.ipsec4j.model.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor's spellings of one kind of algorithm: case-insensitive lookup, the printed name of
 * each value (the first spelling registered for it) and edit-distance suggestions.
 *
 * @param <T> the value type ({@link Encryption}, {@link IntegrityAlgorithm}, …)
 */
final class NameTable<T> {

    /** Suggestions are computed on at most this many characters of the input (bounds the work). */
    private static final int MAX_COMPARED = 48;
    /** At most this many suggestions are offered. */
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, T> byKey = new HashMap<>();
    private final Map<String, T> spellings = new LinkedHashMap<>();
    private final Map<T, String> printNames = new HashMap<>();

    /** Registers {@code value} under each spelling; the first spelling ever given for it is printed. */
    NameTable<T> add(T value, String... names) {
        for (String name : names) {
            T previous = byKey.putIfAbsent(normalize(name), value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalStateException(
                        "spelling " + name + " registered for " + previous + " and " + value);
            }
            if (previous == null) {
                spellings.put(name, value);
            }
            printNames.putIfAbsent(value, name);
        }
        return this;
    }

    /** Registers spellings that are accepted but never printed. */
    NameTable<T> alias(T value, String... names) {
        boolean printed = printNames.containsKey(value);
        add(value, names);
        if (!printed) {
            printNames.remove(value);
        }
        return this;
    }

    /** Returns the value spelled {@code input} (trimmed, whitespace-collapsed, any case), or null. */
    T find(String input) {
        return byKey.get(normalize(input));
    }

    Optional<String> nameOf(T value) {
        return Optional.ofNullable(printNames.get(value));
    }

    /** Returns every accepted spelling, in registration order, with its value. */
    Map<String, T> spellings() {
        return Collections.unmodifiableMap(spellings);
    }

    /** Returns up to three spellings closest to {@code input} by edit distance, closest first. */
    List<String> suggestions(String input) {
        String key = normalize(input);
        if (key.length() > MAX_COMPARED) {
            key = key.substring(0, MAX_COMPARED);
        }
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (String spelling : spellings.keySet()) {
            scored.add(Map.entry(spelling, editDistance(key, normalize(spelling))));
        }
        scored.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, String.CASE_INSENSITIVE_ORDER));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && out.size() < MAX_SUGGESTIONS; i++) {
            out.add(scored.get(i).getKey());
        }
        return out;
    }

    /** Trims, collapses runs of whitespace to one space and lower-cases (Locale.ROOT). */
    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance with two rows. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
