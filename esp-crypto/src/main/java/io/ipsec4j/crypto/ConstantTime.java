package io.ipsec4j.crypto;

/** Constant-time comparison of byte ranges (time depends on the length only). */
final class ConstantTime {
    private ConstantTime() {
    }

    static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
