package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.ike.v2.IkeExchangeType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Many {@link IkeSession}s behind one gateway's UDP sockets: routes every received datagram to the
 * session of its IKE SA, starts a responder session (choosing among {@link IkeResponderTunnels}) for
 * each new IKE_SA_INIT request, and merges the sessions' datagrams, events and timers into one
 * queue each. Sans-IO like the sessions: fed {@code (datagram, from, to, now)} and {@code now}; no
 * threads, no sockets, no clock. Not thread-safe: one event loop owns a table and its sessions.
 *
 * <h2>Routing</h2>
 * RFC 7296 §2.6 and §3.1: an IKE SA is named by its SPI pair (SPIi, SPIr). An IKE_SA_INIT request
 * carries SPIr = 0, and so do the responder's stateless answers to it (COOKIE, INVALID_KE_PAYLOAD,
 * NO_PROPOSAL_CHOSEN); such datagrams are routed by SPIi and the peer's address, so that
 * retransmissions and an initiator's retry reach the session that has the exchange. Every other
 * datagram goes to the session that sent a datagram with the same pair, or whose IKE SA rekey
 * created it ({@link IkeEvent.IkeSaRekeyed}, §2.18); each session keeps its {@value #PAIRS_KEPT}
 * newest pairs, so that the old SA's Delete still arrives after a rekey and the table does not grow
 * with the number of rekeys.
 *
 * <h2>Bounds</h2>
 * At most {@code maxSessions} sessions. A responder session that refused an IKE_SA_INIT request
 * statelessly (a COOKIE request above the {@link IkeCookieGate}'s threshold, NO_PROPOSAL_CHOSEN,
 * INVALID_KE_PAYLOAD) is dropped at once, so refused requests cost no memory; a session that ends
 * ({@link IkeSessionState#FAILED}, {@link IkeSessionState#CLOSED}) is removed after its last event
 * is queued. Datagrams that are not IKEv2 (ESP and NAT keepalives on port 4500, IKEv1) or that name
 * no known SA change nothing; {@link Outcome} says why.
 *
 * <h2>Commands on a session</h2>
 * Commands such as {@link IkeSession#initiate}, {@link IkeSession#rekeyChildSa} or
 * {@link IkeSession#close} are called on the session itself; then {@link #update(IkeSession)} picks
 * up what the command queued to send and the session's next timer.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.6">RFC 7296 §2.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 */
public final class IkeSessionTable {
    /** How many SPI pairs of its IKE SAs (the current one and those it replaced) a session keeps routed. */
    public static final int PAIRS_KEPT = 3;
    private static final int NAT_T_PORT = 4500;
    private static final int SPI_R_OFFSET = 8;
    private static final int EXCHANGE_OFFSET = 18;
    private static final int FLAGS_OFFSET = 19;
    private static final int RESPONSE_FLAG = 0x20;

    /** What {@link #handleDatagram} did with a datagram. */
    public enum Outcome {
        /** Handed to the session of its IKE SA. */
        ROUTED,
        /** An IKE_SA_INIT request that a new responder session took (it may have refused it statelessly). */
        NEW_SESSION,
        /** Not an IKEv2 message: ESP or a NAT keepalive on port 4500, an IKEv1 or a truncated datagram. */
        NOT_IKE,
        /** An IKEv2 message of no IKE SA in the table (or a new IKE_SA_INIT with no responder configured). */
        UNKNOWN_SA,
        /** An IKE_SA_INIT request dropped because the table holds {@code maxSessions} sessions. */
        FULL
    }

    /**
     * An event of one session.
     *
     * @param session the session that emitted it
     * @param event the event
     */
    public record SessionEvent(IkeSession session, IkeEvent event) {
        /** Checks the arguments. */
        public SessionEvent {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(event, "event");
        }
    }

    private record SpiPair(long initiatorSpi, long responderSpi) {
    }

    private record InitKey(long initiatorSpi, InetAddress peer) {
    }

    /** A session with its routing keys and the time its timer is filed under. */
    private static final class Entry {
        final IkeSession session;
        final long order;
        final Deque<SpiPair> pairs = new ArrayDeque<>();
        InitKey init;
        Instant due;

        Entry(IkeSession session, long order) {
            this.session = session;
            this.order = order;
        }
    }

    private final Optional<IkeResponderTunnels> tunnels;
    private final IkeSessionOptions options;
    private final SecureRandom random;
    private final int maxSessions;
    private final Map<IkeSession, Entry> entries = new IdentityHashMap<>();
    private final Map<SpiPair, Entry> bySpis = new HashMap<>();
    private final Map<InitKey, Entry> byInit = new HashMap<>();
    /** Responder sessions the caller added that wait for their first IKE_SA_INIT request, oldest first. */
    private final Set<Entry> waiting = new LinkedHashSet<>();
    private final TreeSet<Entry> timers = new TreeSet<>(
            Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.order));
    private final Deque<IkeTransmit> transmits = new ArrayDeque<>();
    private final Deque<SessionEvent> events = new ArrayDeque<>();
    private long added;

    private IkeSessionTable(Optional<IkeResponderTunnels> tunnels, IkeSessionOptions options, SecureRandom random,
            int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions: " + maxSessions + " (expected: >= 1)");
        }
        this.tunnels = tunnels;
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
        this.maxSessions = maxSessions;
    }

    /**
     * Returns a table that answers IKE_SA_INIT requests with responder sessions over {@code tunnels}
     * (each session picks its tunnel by the initiator's address and ID), and carries sessions
     * {@linkplain #add added} by the caller.
     *
     * @param options the options of every responder session (share an {@link IkeCookieGate} here)
     * @param random the randomness of the responder sessions
     * @param maxSessions the most sessions at once, at least 1
     */
    public static IkeSessionTable responder(IkeResponderTunnels tunnels, IkeSessionOptions options,
            SecureRandom random, int maxSessions) {
        return new IkeSessionTable(Optional.of(Objects.requireNonNull(tunnels, "tunnels")), options, random,
                maxSessions);
    }

    /**
     * Returns a table that carries only sessions {@linkplain #add added} by the caller: new
     * IKE_SA_INIT requests go to an added responder that waits for one, else are UNKNOWN_SA.
     */
    public static IkeSessionTable withoutResponder(int maxSessions) {
        return new IkeSessionTable(Optional.empty(), IkeSessionOptions.defaults(), new SecureRandom(), maxSessions);
    }

    /**
     * Adds a session the caller made and takes what it has queued: an initiator, or a responder
     * (with one tunnel or its own {@link IkeResponderTunnels}) that answers the next new
     * IKE_SA_INIT request before the table would start a session of its own; a responder that
     * refuses a request statelessly waits for the next.
     *
     * @throws IllegalStateException if the table is full or already holds the session
     */
    public void add(IkeSession session) {
        Objects.requireNonNull(session, "session");
        if (entries.containsKey(session)) {
            throw new IllegalStateException("the table already holds " + session);
        }
        if (entries.size() >= maxSessions) {
            throw new IllegalStateException("the table is full: " + maxSessions + " sessions");
        }
        Entry e = new Entry(session, added++);
        entries.put(session, e);
        if (!session.isInitiator() && session.state() == IkeSessionState.IDLE) {
            waiting.add(e);
        }
        collect(e);
    }

    /** Takes what {@code session} queued after a command called on it, and files its next timer. */
    public void update(IkeSession session) {
        Entry e = entries.get(Objects.requireNonNull(session, "session"));
        if (e == null) {
            throw new IllegalArgumentException("not in this table: " + session);
        }
        collect(e);
    }

    /** Returns the sessions in the table, in the order they were added. */
    public List<IkeSession> sessions() {
        List<Entry> ordered = new ArrayList<>(entries.values());
        ordered.sort(Comparator.comparingLong(e -> e.order));
        return ordered.stream().map(e -> e.session).toList();
    }

    /** Routes one received UDP payload that arrived from {@code from} at {@code to}; never throws for any bytes. */
    public Outcome handleDatagram(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        int start = IkeDatagramDecoder.NON_ESP_MARKER_LENGTH;
        boolean marker = datagram.length > start && datagram[0] == 0 && datagram[1] == 0 && datagram[2] == 0
                && datagram[3] == 0;
        int at = marker ? start : 0;
        if (datagram.length - at < IkeHeaders.HEADER_LENGTH
                || (datagram[at + IkeHeaders.VERSION_OFFSET] & 0xFF) >>> 4 != IkeHeaders.MAJOR_VERSION_2
                || (!marker && to.getPort() == NAT_T_PORT)) { // ESP or a keepalive (RFC 3948 §2.2)
            return Outcome.NOT_IKE;
        }
        ByteBuffer header = ByteBuffer.wrap(datagram);
        long spiI = header.getLong(at);
        long spiR = header.getLong(at + SPI_R_OFFSET);
        boolean init = (datagram[at + EXCHANGE_OFFSET] & 0xFF) == IkeExchangeType.IKE_SA_INIT.code();
        boolean response = (datagram[at + FLAGS_OFFSET] & RESPONSE_FLAG) != 0;
        Entry e = spiR == 0 ? null : bySpis.get(new SpiPair(spiI, spiR));
        if (e == null && init) {
            e = byInit.get(new InitKey(spiI, from.getAddress()));
        }
        if (e != null) {
            e.session.handleDatagram(datagram, from, to, now);
            collect(e);
            return Outcome.ROUTED;
        }
        if (!init || response || spiR != 0 || spiI == 0) {
            return Outcome.UNKNOWN_SA;
        }
        if (!waiting.isEmpty()) { // a responder session the caller added takes the first request
            answer(waiting.iterator().next(), spiI, datagram, from, to, now);
            return Outcome.ROUTED;
        }
        if (tunnels.isEmpty()) {
            return Outcome.UNKNOWN_SA;
        }
        if (entries.size() >= maxSessions) {
            return Outcome.FULL;
        }
        IkeSession s = IkeSession.responder(tunnels.get(), to, options, random);
        e = new Entry(s, added++);
        entries.put(s, e);
        if (!answer(e, spiI, datagram, from, to, now)) {
            remove(e); // refused statelessly: keep nothing (RFC 7296 §2.6)
        }
        return Outcome.NEW_SESSION;
    }

    /**
     * Hands a new IKE_SA_INIT request to an idle responder session; returns {@code false} if the
     * session refused it statelessly (COOKIE, NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD) and is still idle.
     */
    private boolean answer(Entry e, long spiI, byte[] datagram, InetSocketAddress from, InetSocketAddress to,
            Instant now) {
        e.init = new InitKey(spiI, from.getAddress());
        byInit.put(e.init, e);
        e.session.handleDatagram(datagram, from, to, now);
        collect(e);
        if (e.session.state() == IkeSessionState.IDLE) {
            byInit.remove(e.init, e);
            e.init = null;
            return false;
        }
        waiting.remove(e);
        return true;
    }

    /** Runs the timers of every session due at {@code now}. */
    public void handleTimeout(Instant now) {
        Objects.requireNonNull(now, "now");
        while (!timers.isEmpty() && !timers.first().due.isAfter(now)) {
            Entry e = timers.pollFirst();
            e.due = null;
            e.session.handleTimeout(now);
            collect(e);
        }
    }

    /** Returns the next datagram to send, of any session. */
    public Optional<IkeTransmit> pollTransmit() {
        return Optional.ofNullable(transmits.poll());
    }

    /** Returns the next event, of any session. */
    public Optional<SessionEvent> pollEvent() {
        return Optional.ofNullable(events.poll());
    }

    /** Returns when {@link #handleTimeout} is next due, if any session has a timer. */
    public Optional<Instant> pollTimeout() {
        return timers.isEmpty() ? Optional.empty() : Optional.of(timers.first().due);
    }

    /** Drains the session's datagrams and events, learns its SPI pairs, refiles its timer, removes it once it ended. */
    private void collect(Entry e) {
        IkeSession s = e.session;
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            learn(e, t.get());
            transmits.add(t.get());
        }
        for (Optional<IkeEvent> ev = s.pollEvent(); ev.isPresent(); ev = s.pollEvent()) {
            if (ev.get() instanceof IkeEvent.IkeSaRekeyed r) {
                route(e, new SpiPair(r.initiatorSpi(), r.responderSpi()));
            }
            events.add(new SessionEvent(s, ev.get()));
        }
        if (e.due != null) {
            timers.remove(e);
            e.due = null;
        }
        IkeSessionState state = s.state();
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            remove(e);
            return;
        }
        Optional<Instant> next = s.pollTimeout();
        if (next.isPresent()) {
            e.due = next.get();
            timers.add(e);
        }
    }

    /** Learns the SPI pair of a datagram the session sends (SPIr = 0: an IKE_SA_INIT request of ours). */
    private void learn(Entry e, IkeTransmit t) {
        byte[] d = t.datagram();
        int at = d.length > IkeDatagramDecoder.NON_ESP_MARKER_LENGTH && d[0] == 0 && d[1] == 0 && d[2] == 0
                && d[3] == 0 ? IkeDatagramDecoder.NON_ESP_MARKER_LENGTH : 0;
        if (d.length - at < IkeHeaders.HEADER_LENGTH) {
            return;
        }
        ByteBuffer header = ByteBuffer.wrap(d);
        long spiI = header.getLong(at);
        long spiR = header.getLong(at + SPI_R_OFFSET);
        if (spiR != 0) {
            route(e, new SpiPair(spiI, spiR));
        } else {
            InitKey key = new InitKey(spiI, t.destination().getAddress());
            if (!key.equals(e.init)) { // our first IKE_SA_INIT request, or a retry under a new SPIi
                if (e.init != null) {
                    byInit.remove(e.init, e);
                }
                e.init = key;
                byInit.put(key, e);
            }
        }
    }

    private void route(Entry e, SpiPair pair) {
        if (e.pairs.contains(pair)) {
            return;
        }
        Entry holder = bySpis.get(pair);
        if (holder != null && holder != e) {
            return; // another session's SA: first come keeps it (SPIs are random, a clash is an attack or a bug)
        }
        e.pairs.addLast(pair);
        bySpis.put(pair, e);
        if (e.pairs.size() > PAIRS_KEPT) {
            bySpis.remove(e.pairs.removeFirst());
        }
    }

    private void remove(Entry e) {
        entries.remove(e.session);
        waiting.remove(e);
        if (e.due != null) {
            timers.remove(e);
            e.due = null;
        }
        e.pairs.forEach(p -> bySpis.remove(p, e));
        e.pairs.clear();
        if (e.init != null) {
            byInit.remove(e.init, e);
        }
    }

    /** Returns how many sessions the table holds. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "IkeSessionTable[" + entries.size() + " of " + maxSessions + " sessions, " + bySpis.size()
                + " IKE SAs routed]";
    }
}
