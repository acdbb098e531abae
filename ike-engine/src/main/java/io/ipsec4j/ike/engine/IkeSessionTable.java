package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.model.DpdAction;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
 * created it ({@link IkeEvent.IkeSaRekeyed}, §2.18); each session keeps its
 * {@value IkeSpiRoutes#PAIRS_KEPT} newest pairs, so that the old SA's Delete still arrives after a rekey and the table does not grow
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
 * <h2>Keeping initiated tunnels up</h2>
 * For the initiator sessions it holds, the table re-authenticates (RFC 7296 §2.8.3): on
 * {@link #reauthenticate} or, with {@link #reauthenticateEvery}, that long after each IKE SA was
 * established, it starts a new session for the same tunnel, which authenticates afresh with new
 * keys and new CHILD SAs, and closes the old session (Delete) once the new one has its first CHILD
 * SA: make before break, so traffic never lacks an SA. A session that ends with
 * {@link IkeEvent.DeadPeerDetected} for a tunnel whose DPD action is {@link DpdAction#RESTART} is
 * replaced by a new session at once (one attempt per detection: if the peer stays silent, the new
 * session fails with a retransmission timeout and the table leaves it there).
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
    /** What {@link #handleDatagram} did with a datagram. */
    public enum Outcome {
        /** Handed to the session of its IKE SA. */
        ROUTED,
        /** An IKE_SA_INIT request that a new responder session took (it may have refused it statelessly). */
        NEW_SESSION,
        /** Not an IKEv2 message: ESP or a NAT keepalive on port 4500, an IKEv1 or a truncated datagram. */
        NOT_IKE,
        /** An IKEv2 message of no IKE SA in the table (or a new IKE_SA_INIT with no responder to take it). */
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

    /** A session with its timer and, for an initiator, where it started (to start it again). */
    private static final class Entry {
        final IkeSession session;
        final long order;
        final InetSocketAddress startLocal;
        final InetSocketAddress startRemote;
        /** The session this one replaces, closed once this one has a CHILD SA; or null. */
        IkeSession replacing;
        Instant reauthAt;
        Instant due;
        boolean restart;

        Entry(IkeSession session, long order) {
            this.session = session;
            this.order = order;
            this.startLocal = session.isInitiator() ? session.local : null;
            this.startRemote = session.isInitiator() ? session.remote : null;
        }
    }

    private final Optional<IkeResponderTunnels> tunnels;
    private final IkeSessionOptions options;
    private final SecureRandom random;
    private final int maxSessions;
    private final Map<IkeSession, Entry> entries = new IdentityHashMap<>();
    private final IkeSpiRoutes<Entry> routes = new IkeSpiRoutes<>();
    /** Responder sessions the caller added that wait for their first IKE_SA_INIT request, oldest first. */
    private final Set<Entry> waiting = new LinkedHashSet<>();
    private final TreeSet<Entry> timers = new TreeSet<>(
            Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.order));
    private final Deque<IkeTransmit> transmits = new ArrayDeque<>();
    private final Deque<SessionEvent> events = new ArrayDeque<>();
    private Optional<Duration> reauthInterval = Optional.empty();
    private Instant clock = Instant.EPOCH;
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
     * Re-authenticates each initiator session {@code interval} after its IKE SA was established
     * (like strongSwan's {@code reauth_time}); see the class comment.
     *
     * @return this table
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public IkeSessionTable reauthenticateEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.reauthInterval = Optional.of(interval);
        return this;
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
        checkRoom();
        Entry e = new Entry(session, added++);
        entries.put(session, e);
        if (!session.isInitiator() && session.state() == IkeSessionState.IDLE) {
            waiting.add(e);
        }
        collect(e);
    }

    private void checkRoom() {
        if (entries.size() >= maxSessions) {
            throw new IllegalStateException("the table is full: " + maxSessions + " sessions");
        }
    }

    /** Takes what {@code session} queued after a command called on it, and files its next timer. */
    public void update(IkeSession session) {
        collect(entry(session));
    }

    private Entry entry(IkeSession session) {
        Entry e = entries.get(Objects.requireNonNull(session, "session"));
        if (e == null) {
            throw new IllegalArgumentException("not in this table: " + session);
        }
        return e;
    }

    /**
     * Re-authenticates the established initiator session {@code old}: starts a new session for its
     * tunnel and closes {@code old} once the new one has its first CHILD SA (RFC 7296 §2.8.3).
     *
     * @return the new session, already in the table
     * @throws IllegalArgumentException if {@code old} is not an initiator session of this table
     * @throws IllegalStateException if {@code old} is not established or the table is full
     */
    public IkeSession reauthenticate(IkeSession old, Instant now) {
        Entry e = entry(old);
        if (e.startLocal == null) {
            throw new IllegalArgumentException("only initiator sessions re-authenticate: " + old);
        }
        if (old.state() != IkeSessionState.ESTABLISHED) {
            throw new IllegalStateException("re-authenticate: the IKE SA is " + old.state());
        }
        clock = Objects.requireNonNull(now, "now");
        return restart(e, true);
    }

    /** Starts a new initiator session for {@code e}'s tunnel, replacing {@code e} once up if {@code makeBeforeBreak}. */
    private IkeSession restart(Entry e, boolean makeBeforeBreak) {
        checkRoom();
        IkeSession old = e.session;
        IkeSession s = IkeSession.initiator(old.tunnel(), e.startLocal, e.startRemote, old.options, old.random);
        s.initiate(clock);
        Entry n = new Entry(s, added++);
        n.replacing = makeBeforeBreak ? old : null;
        entries.put(s, n);
        collect(n);
        return s;
    }

    /** Returns the sessions in the table, in the order they were added. */
    public List<IkeSession> sessions() {
        List<Entry> ordered = new ArrayList<>(entries.values());
        ordered.sort(Comparator.comparingLong(e -> e.order));
        return ordered.stream().map(e -> e.session).toList();
    }

    /** Returns how many sessions the table holds. */
    public int size() {
        return entries.size();
    }

    /** Routes one received UDP payload that arrived from {@code from} at {@code to}; never throws for any bytes. */
    public Outcome handleDatagram(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        clock = Objects.requireNonNull(now, "now");
        boolean marker = EspUdpEncapsulation.hasNonEspMarker(datagram);
        if (!marker && to.getPort() == EspUdpEncapsulation.PORT) {
            return Outcome.NOT_IKE; // ESP or a keepalive (RFC 3948 §2.2)
        }
        Optional<IkeSpiRoutes.Header> header = IkeSpiRoutes.Header.of(datagram, marker);
        if (header.isEmpty()) {
            return Outcome.NOT_IKE;
        }
        IkeSpiRoutes.Header h = header.get();
        boolean init = h.exchangeType() == IkeExchangeType.IKE_SA_INIT.code();
        Entry e = routes.find(h.initiatorSpi(), h.responderSpi(), init, from.getAddress());
        if (e != null) {
            e.session.handleDatagram(datagram, from, to, now);
            collect(e);
            return Outcome.ROUTED;
        }
        if (!init || h.response() || h.responderSpi() != 0 || h.initiatorSpi() == 0) {
            return Outcome.UNKNOWN_SA;
        }
        if (!waiting.isEmpty()) { // a responder session the caller added takes the first request
            answer(waiting.iterator().next(), h.initiatorSpi(), datagram, from, to);
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
        if (!answer(e, h.initiatorSpi(), datagram, from, to)) {
            remove(e); // refused statelessly: keep nothing (RFC 7296 §2.6)
        }
        return Outcome.NEW_SESSION;
    }

    /**
     * Hands a new IKE_SA_INIT request to an idle responder session; returns {@code false} if the
     * session refused it statelessly (COOKIE, NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD) and is still idle.
     */
    private boolean answer(Entry e, long spiI, byte[] datagram, InetSocketAddress from, InetSocketAddress to) {
        routes.routeInit(e, spiI, from.getAddress());
        e.session.handleDatagram(datagram, from, to, clock);
        collect(e);
        if (e.session.state() == IkeSessionState.IDLE) {
            routes.unrouteInit(e);
            return false;
        }
        waiting.remove(e);
        return true;
    }

    /** Runs the timers due at {@code now}: the sessions' own and the table's re-authentications. */
    public void handleTimeout(Instant now) {
        clock = Objects.requireNonNull(now, "now");
        while (!timers.isEmpty() && !timers.first().due.isAfter(now)) {
            Entry e = timers.pollFirst();
            e.due = null;
            if (e.reauthAt != null && !e.reauthAt.isAfter(now)) {
                e.reauthAt = null;
                if (e.session.state() == IkeSessionState.ESTABLISHED && entries.size() < maxSessions) {
                    restart(e, true);
                }
            }
            if (e.session.pollTimeout().filter(t -> !t.isAfter(now)).isPresent()) {
                e.session.handleTimeout(now);
            }
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

    /**
     * Drains the session's datagrams and events, learns its SPI pairs, acts on its events (closing
     * what it replaces, re-authentication and restart timers), refiles its timer, removes it once it ended.
     */
    private void collect(Entry e) {
        IkeSession s = e.session;
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            routes.learn(e, t.get().datagram(), t.get().destination().getAddress());
            transmits.add(t.get());
        }
        for (Optional<IkeEvent> ev = s.pollEvent(); ev.isPresent(); ev = s.pollEvent()) {
            events.add(new SessionEvent(s, ev.get()));
            onEvent(e, ev.get());
        }
        IkeSessionState state = s.state();
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            remove(e);
            if (e.restart) {
                e.restart = false;
                restart(e, false);
            }
            return;
        }
        Instant next = s.pollTimeout().orElse(null);
        if (e.reauthAt != null && (next == null || e.reauthAt.isBefore(next))) {
            next = e.reauthAt;
        }
        if (Objects.equals(next, e.due)) {
            return; // filed already
        }
        if (e.due != null) {
            timers.remove(e);
        }
        e.due = next;
        if (next != null) {
            timers.add(e);
        }
    }

    private void onEvent(Entry e, IkeEvent event) {
        if (event instanceof IkeEvent.IkeSaRekeyed r) {
            routes.route(e, r.initiatorSpi(), r.responderSpi());
        } else if (event instanceof IkeEvent.IkeSaEstablished && e.startLocal != null && reauthInterval.isPresent()) {
            e.reauthAt = clock.plus(reauthInterval.get());
        } else if (event instanceof IkeEvent.ChildSaInstalled && e.replacing != null) {
            Entry old = entries.get(e.replacing);
            e.replacing = null;
            if (old != null && old.session.state() == IkeSessionState.ESTABLISHED) {
                old.session.close(clock); // make before break: the new SA is up
                collect(old);
            }
        } else if (event instanceof IkeEvent.DeadPeerDetected d && d.action() == DpdAction.RESTART
                && e.startLocal != null) {
            e.restart = true;
        }
    }

    private void remove(Entry e) {
        entries.remove(e.session);
        waiting.remove(e);
        if (e.due != null) {
            timers.remove(e);
            e.due = null;
        }
        routes.forget(e);
    }

    @Override
    public String toString() {
        return "IkeSessionTable[" + entries.size() + " of " + maxSessions + " sessions, " + routes.size()
                + " IKE SAs routed]";
    }
}
