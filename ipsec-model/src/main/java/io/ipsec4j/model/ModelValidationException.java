package io.ipsec4j.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a tunnel value cannot be built: it lists every error found, not only the first,
 * each with its field path.
 */
public final class ModelValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> errors;

    public ModelValidationException(String what, List<Finding> errors) {
        super(what + ": " + errors.size() + (errors.size() == 1 ? " error: " : " errors: ")
                + errors.stream().map(f -> f.path() + ": " + f.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** The errors, each with its path and a stable code. */
    public List<Finding> errors() {
        return errors;
    }
}
