/** An embedder's module: requires the ipsec4j modules it uses, nothing else. */
module io.ipsec4j.consumer {
    requires io.ipsec4j.config;
    requires io.ipsec4j.esp;
    requires io.ipsec4j.ike;
    requires io.ipsec4j.ike.engine;
}
