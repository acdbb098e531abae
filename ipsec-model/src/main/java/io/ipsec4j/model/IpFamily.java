package io.ipsec4j.model;

/** The two IP address families, with their address sizes. */
public enum IpFamily {
    /** IPv4: 4-byte addresses. */
    IPV4(4),
    /** IPv6: 16-byte addresses. */
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** Address length in bytes. */
    public int addressLength() {
        return addressLength;
    }

    /** Address length in bits: the longest prefix. */
    public int bits() {
        return addressLength * 8;
    }
}
