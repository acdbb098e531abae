package io.ipsec4j.ike.v2;

/**
 * Thrown when a Wireshark key table ({@code ikev2_decryption_table}, {@code esp_sa}) cannot be read:
 * a row with the wrong number of fields, bad hex, an algorithm name Wireshark does not have or a key
 * of the wrong length. The message names the table and the line, never a key.
 *
 * @see IkeWiresharkKeys
 */
public final class IkeWiresharkTableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    IkeWiresharkTableException(String table, int line, String problem) {
        super(table + " line " + line + ": " + problem);
        this.line = line;
    }

    /** Returns the 1-based line of the table that failed, or 0 for the table as a whole. */
    public int line() {
        return line;
    }
}
