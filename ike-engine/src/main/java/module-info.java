/** The sans-IO IKEv2 initiator and responder over {@code io.ipsec4j.ike} and {@code io.ipsec4j.esp}. */
module io.ipsec4j.ike.engine {
    requires transitive io.ipsec4j.model;
    requires transitive io.ipsec4j.esp;
    requires transitive io.ipsec4j.ike;
    requires io.netty.buffer;
    requires static org.immutables.value;

    exports io.ipsec4j.ike.engine;
}
