/**
 * The IKEv2 and IKEv1 wire formats over Netty {@code ByteBuf}s, the IKE key schedules and
 * protected payloads, the pcap/pcapng capture reader ({@code capture}), the failure diagnosis
 * ({@code doctor}) and the proposal probe ({@code probe}). {@code io.ipsec4j.ike.internal} holds
 * what both versions share and is not exported.
 */
module io.ipsec4j.ike {
    requires transitive io.ipsec4j.model;
    requires transitive io.ipsec4j.esp;
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires static org.immutables.value;

    exports io.ipsec4j.ike;
    exports io.ipsec4j.ike.capture;
    exports io.ipsec4j.ike.doctor;
    exports io.ipsec4j.ike.probe;
    exports io.ipsec4j.ike.v1;
    exports io.ipsec4j.ike.v2;
}
