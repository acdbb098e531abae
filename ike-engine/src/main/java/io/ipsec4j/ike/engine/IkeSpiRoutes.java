package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.IkeHeaders;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The routing keys of an {@link IkeSessionTable}: which owner (a session's entry) holds which IKE
 * SA, by its SPI pair, and which holds an IKE_SA_INIT exchange still without SPIr, by SPIi and the
 * peer's address (RFC 7296 §2.6, §3.1). Each owner keeps its {@value #PAIRS_KEPT} newest pairs, so
 * the keys stay bounded however often an SA is rekeyed. A pair already held by another owner stays
 * with the first: SPIs are random, so a clash is an attack or a bug, never a reason to move an SA.
 *
 * @param <T> the owner type
 */
final class IkeSpiRoutes<T> {
    /** How many SPI pairs of its IKE SAs (the current one and those it replaced) an owner keeps routed. */
    static final int PAIRS_KEPT = 3;
    private static final int SPI_R_OFFSET = 8;
    private static final int EXCHANGE_OFFSET = 18;
    private static final int FLAGS_OFFSET = 19;
    private static final int RESPONSE_FLAG = 0x20;

    /** The fields of an IKEv2 header that routing needs. */
    record Header(long initiatorSpi, long responderSpi, int exchangeType, boolean response) {
        /** Reads them from a datagram with or without the non-ESP marker; empty if it is no IKEv2 message. */
        static Optional<Header> of(byte[] datagram) {
            return of(datagram, EspUdpEncapsulation.hasNonEspMarker(datagram));
        }

        /** Reads them from a datagram that has the non-ESP marker if {@code marker}. */
        static Optional<Header> of(byte[] datagram, boolean marker) {
            int at = marker ? EspUdpEncapsulation.NON_ESP_MARKER_BYTES : 0;
            if (datagram.length - at < IkeHeaders.HEADER_LENGTH
                    || (datagram[at + IkeHeaders.VERSION_OFFSET] & 0xFF) >>> 4 != IkeHeaders.MAJOR_VERSION_2) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(datagram);
            return Optional.of(new Header(b.getLong(at), b.getLong(at + SPI_R_OFFSET),
                    datagram[at + EXCHANGE_OFFSET] & 0xFF, (datagram[at + FLAGS_OFFSET] & RESPONSE_FLAG) != 0));
        }
    }

    private record SpiPair(long initiatorSpi, long responderSpi) {
    }

    private record InitKey(long initiatorSpi, InetAddress peer) {
    }

    /** The keys one owner holds. */
    private static final class Keys {
        final Deque<SpiPair> pairs = new ArrayDeque<>();
        InitKey init;
    }

    private final Map<SpiPair, T> bySpis = new HashMap<>();
    private final Map<InitKey, T> byInit = new HashMap<>();
    private final Map<T, Keys> keys = new IdentityHashMap<>();

    /** Returns the owner of the SA {@code (spiI, spiR)}, or of the IKE_SA_INIT exchange of {@code spiI} with {@code peer}. */
    T find(long spiI, long spiR, boolean init, InetAddress peer) {
        T owner = spiR == 0 ? null : bySpis.get(new SpiPair(spiI, spiR));
        if (owner == null && init) {
            owner = byInit.get(new InitKey(spiI, peer));
        }
        return owner;
    }

    /** Routes the SA {@code (spiI, spiR)} to {@code owner}. */
    void route(T owner, long spiI, long spiR) {
        SpiPair pair = new SpiPair(spiI, spiR);
        Keys k = keys.computeIfAbsent(owner, o -> new Keys());
        if (pair.equals(k.pairs.peekLast()) || k.pairs.contains(pair) || bySpis.containsKey(pair)) {
            return; // the newest pair first: every datagram the owner sends names it
        }
        k.pairs.addLast(pair);
        bySpis.put(pair, owner);
        if (k.pairs.size() > PAIRS_KEPT) {
            bySpis.remove(k.pairs.removeFirst());
        }
    }

    /** Routes {@code owner}'s IKE_SA_INIT exchange with {@code peer} under {@code spiI}, replacing an earlier one. */
    void routeInit(T owner, long spiI, InetAddress peer) {
        InitKey key = new InitKey(spiI, peer);
        Keys k = keys.computeIfAbsent(owner, o -> new Keys());
        if (key.equals(k.init)) {
            return;
        }
        unrouteInit(owner);
        if (byInit.putIfAbsent(key, owner) == null) {
            k.init = key;
        }
    }

    /** Forgets {@code owner}'s IKE_SA_INIT key. */
    void unrouteInit(T owner) {
        Keys k = keys.get(owner);
        if (k != null && k.init != null) {
            byInit.remove(k.init, owner);
            k.init = null;
        }
    }

    /** Learns from a datagram {@code owner} sends to {@code peer}: its SA's pair, or (SPIr 0) its IKE_SA_INIT request. */
    void learn(T owner, byte[] datagram, InetAddress peer) {
        Optional<Header> h = Header.of(datagram);
        if (h.isEmpty()) {
            return;
        }
        if (h.get().responderSpi() != 0) {
            route(owner, h.get().initiatorSpi(), h.get().responderSpi());
        } else if (!h.get().response()) {
            routeInit(owner, h.get().initiatorSpi(), peer); // our IKE_SA_INIT request, or a retry under a new SPIi
        }
    }

    /** Forgets every key of {@code owner}. */
    void forget(T owner) {
        Keys k = keys.remove(owner);
        if (k != null) {
            k.pairs.forEach(p -> bySpis.remove(p, owner));
            if (k.init != null) {
                byInit.remove(k.init, owner);
            }
        }
    }

    /** Returns how many SAs are routed. */
    int size() {
        return bySpis.size();
    }
}
