/**
 * Reading IKE and ESP datagrams out of packet captures (pcap and pcapng), bounded and safe on any
 * input, for decoding and diagnosing what happened on the wire.
 */
package io.ipsec4j.ike.capture;
