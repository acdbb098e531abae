/**
 * The crypto primitives IKE and ESP share ({@code io.ipsec4j.crypto}) and the zero-copy ESP engine
 * over Netty {@code ByteBuf}s ({@code io.ipsec4j.esp}). BouncyCastle is used inside only.
 */
module io.ipsec4j.esp {
    requires transitive io.ipsec4j.model;
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires org.bouncycastle.provider;
    requires static org.immutables.value;

    exports io.ipsec4j.crypto;
    exports io.ipsec4j.esp;
}
