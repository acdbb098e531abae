package io.ipsec4j.crypto;

/** A keyed MAC producing its full (untruncated) output; not thread-safe. */
interface MacEngine {

    /** Full MAC output length in bytes. */
    int length();

    void update(byte[] data, int offset, int length);

    /** Writes {@link #length()} bytes at {@code offset} and resets for the next message. */
    void doFinal(byte[] out, int offset);

    /** Best-effort zeroing of key schedules held by this engine. */
    void destroy();
}
