package io.ipsec4j.model.algorithm;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a vendor's algorithm name or a strongSwan proposal keyword is not in the registry.
 *
 * <p>The message names the vendor, what was read and the closest known spellings by edit distance,
 * for example {@code unknown AWS encryption algorithm: "AES129" (closest: AES128, AES256)}. The
 * registry never substitutes a default for a name it does not know.
 *
 * @see AlgorithmNames
 * @see StrongSwanProposals
 */
public final class UnknownAlgorithmNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Quoted input is cut to this many characters in messages. */
    private static final int MAX_QUOTED = 64;

    private final Vendor vendor;
    private final String input;
    private final List<String> suggestions;
    private final int position;

    UnknownAlgorithmNameException(Vendor vendor, String what, String input, List<String> suggestions,
            int position, String context) {
        super(message(vendor, what, input, suggestions, position, context));
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.input = Objects.requireNonNull(input, "input");
        this.suggestions = List.copyOf(suggestions);
        this.position = position;
    }

    private static String message(Vendor vendor, String what, String input, List<String> suggestions,
            int position, String context) {
        StringBuilder sb = new StringBuilder("unknown ")
                .append(vendor.displayName()).append(' ').append(what).append(": ").append(quote(input));
        if (position >= 0) {
            sb.append(" at offset ").append(position).append(" of ").append(quote(context));
        }
        if (!suggestions.isEmpty()) {
            sb.append(" (closest: ").append(String.join(", ", suggestions)).append(')');
        }
        return sb.toString();
    }

    static String quote(String s) {
        String cut = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
        return '"' + cut + '"';
    }

    /** Returns the vendor whose vocabulary was searched. */
    public Vendor vendor() {
        return vendor;
    }

    /** Returns the name or keyword that was not found, as given. */
    public String input() {
        return input;
    }

    /** Returns up to three known spellings closest to {@link #input()}, closest first. */
    public List<String> suggestions() {
        return suggestions;
    }

    /** Returns the character offset of the keyword within a proposal string, or -1 for a single name. */
    public int position() {
        return position;
    }
}
