package io.ipsec4j.examples;

import io.ipsec4j.ike.engine.IkeEvent;
import io.ipsec4j.ike.engine.IkeSession;
import io.ipsec4j.ike.engine.IkeSessionTable;
import io.ipsec4j.ike.engine.IkeTransmit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A JDK {@link DatagramChannel} driver for one {@link IkeSession} or a gateway's
 * {@link IkeSessionTable}: binds the IKE port (and port 4500 when asked, for NAT traversal), sends
 * what the sessions hand out, feeds the table what arrives, fires timeouts from the wall clock and
 * passes events on. One thread, no framework: the few dozen lines an embedder would write around
 * the sans-IO engine.
 *
 * <p>Datagrams that the table finds not to be IKE and that arrive on port 4500 are ESP (RFC 3948
 * §2.2) and are passed to the ESP consumer; one-byte NAT keepalives are dropped.
 */
public final class IkeDatagramDriver implements AutoCloseable {
    private static final int MAX_DATAGRAM_BYTES = 65_535;
    private static final int NAT_T_PORT = 4500;

    private final IkeSessionTable table;
    /** The one session of a single-session driver, whose commands the driver picks up; else null. */
    private final IkeSession single;
    private final Selector selector;
    private final Map<Integer, DatagramChannel> byPort = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM_BYTES);
    private final Clock clock;
    private Consumer<byte[]> esp = d -> { };

    /**
     * Binds {@code local} for {@code session} (and {@code local}'s address on port 4500 if {@code natT}).
     *
     * @throws IOException if a port cannot be bound
     */
    public IkeDatagramDriver(IkeSession session, InetSocketAddress local, boolean natT, Clock clock) throws IOException {
        this(IkeSessionTable.withoutResponder(1), session, local, natT, clock);
    }

    /**
     * Binds {@code local} for the sessions of {@code table} (and {@code local}'s address on port
     * 4500 if {@code natT}): a gateway that answers every peer its table's tunnels serve.
     *
     * @throws IOException if a port cannot be bound
     */
    public IkeDatagramDriver(IkeSessionTable table, InetSocketAddress local, boolean natT, Clock clock)
            throws IOException {
        this(table, null, local, natT, clock);
    }

    private IkeDatagramDriver(IkeSessionTable table, IkeSession single, InetSocketAddress local, boolean natT,
            Clock clock) throws IOException {
        this.table = table;
        this.single = single;
        if (single != null) {
            table.add(single);
        }
        this.clock = clock;
        this.selector = Selector.open();
        try {
            bind(local);
            if (natT && local.getPort() != NAT_T_PORT) {
                bind(new InetSocketAddress(local.getAddress(), NAT_T_PORT));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void bind(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.bind(address);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
        byPort.put(((InetSocketAddress) channel.getLocalAddress()).getPort(), channel);
    }

    /** Sets where ESP datagrams that arrive on port 4500 go. */
    public void onEsp(Consumer<byte[]> consumer) {
        this.esp = consumer;
    }

    /**
     * Drives the session until {@code done} accepts an event, the session stops, or {@code bound}
     * passes; returns whether {@code done} was met.
     */
    public boolean runUntil(Predicate<IkeEvent> done, Duration bound, Consumer<IkeEvent> events) throws IOException {
        return serveUntil(e -> done.test(e.event()), bound, e -> events.accept(e.event()));
    }

    /**
     * Drives every session of the table until {@code done} accepts an event, a single-session
     * driver's session stops, or {@code bound} passes; returns whether {@code done} was met.
     */
    public boolean serveUntil(Predicate<IkeSessionTable.SessionEvent> done, Duration bound,
            Consumer<IkeSessionTable.SessionEvent> events) throws IOException {
        Instant end = clock.instant().plus(bound);
        while (clock.instant().isBefore(end)) {
            if (drain(done, events)) {
                return true;
            }
            if (single != null && table.size() == 0) {
                return false; // the session failed or closed
            }
            step(Duration.between(clock.instant(), end));
        }
        return drain(done, events);
    }

    /** Sends pending datagrams and passes pending events; returns whether {@code done} accepted one. */
    private boolean drain(Predicate<IkeSessionTable.SessionEvent> done, Consumer<IkeSessionTable.SessionEvent> events)
            throws IOException {
        if (single != null && table.size() > 0) {
            table.update(single); // what a command called on the session since queued
        }
        sendAll();
        boolean met = false;
        for (Optional<IkeSessionTable.SessionEvent> e = table.pollEvent(); e.isPresent(); e = table.pollEvent()) {
            events.accept(e.get());
            met |= done.test(e.get());
            sendAll();
        }
        return met;
    }

    /** Waits at most {@code maxWait} (or until the session's timeout) for datagrams and handles them. */
    public void step(Duration maxWait) throws IOException {
        Instant now = clock.instant();
        Optional<Instant> timeout = table.pollTimeout();
        long waitMillis = Math.max(1, Math.min(maxWait.toMillis(),
                timeout.map(t -> Duration.between(now, t).toMillis()).orElse(Long.MAX_VALUE)));
        if (timeout.isEmpty() || timeout.get().isAfter(now)) {
            selector.select(waitMillis);
        }
        for (SelectionKey key : selector.selectedKeys()) {
            DatagramChannel channel = (DatagramChannel) key.channel();
            for (SocketAddress from = receive(channel); from != null; from = receive(channel)) {
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                InetSocketAddress to = (InetSocketAddress) channel.getLocalAddress();
                IkeSessionTable.Outcome outcome = table.handleDatagram(datagram, (InetSocketAddress) from, to,
                        clock.instant());
                // a one-byte NAT keepalive is neither IKE nor ESP (RFC 3948 §2.3)
                if (outcome == IkeSessionTable.Outcome.NOT_IKE && to.getPort() == NAT_T_PORT && datagram.length > 1) {
                    esp.accept(datagram);
                }
            }
        }
        selector.selectedKeys().clear();
        Instant after = clock.instant();
        if (table.pollTimeout().filter(t -> !t.isAfter(after)).isPresent()) {
            table.handleTimeout(after);
        }
        sendAll();
    }

    private SocketAddress receive(DatagramChannel channel) throws IOException {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        buffer.flip();
        return from;
    }

    private void sendAll() throws IOException {
        for (Optional<IkeTransmit> t = table.pollTransmit(); t.isPresent(); t = table.pollTransmit()) {
            DatagramChannel channel = byPort.get(t.get().source().getPort());
            if (channel == null) {
                channel = byPort.values().iterator().next(); // a port we were not asked to bind
            }
            channel.send(ByteBuffer.wrap(t.get().datagram()), t.get().destination());
        }
    }

    /** Returns the address bound for the session's IKE port. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) byPort.values().iterator().next().getLocalAddress();
    }

    @Override
    public void close() throws IOException {
        for (DatagramChannel c : byPort.values()) {
            c.close();
        }
        selector.close();
    }
}
