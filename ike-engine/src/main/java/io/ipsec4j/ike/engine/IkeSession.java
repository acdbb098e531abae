package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IKEv2 SA as a sans-IO state machine: the driver feeds it datagrams and timeouts and sends
 * what it hands out; it has no threads, sockets or clock.
 *
 * <p>After every command ({@link #initiate}, {@link #rekeyChildSa}, {@link #close}) and every
 * {@link #handleDatagram} and {@link #handleTimeout} the driver drains
 * {@link #pollTransmit()} (datagrams to send, in order), then {@link #pollEvent()}, then asks
 * {@link #pollTimeout()} when to call {@link #handleTimeout} next. Input never throws: datagrams
 * that do not decode, do not belong to this SA, fall outside the message-ID window (RFC 7296 §2.3,
 * {@link IkeSessionOptions#windowSize()}) or fail the integrity check are dropped without any change
 * of state; a retransmitted request is answered with the cached response (§2.1), and each response
 * goes to the exchange whose request carried its message ID. Not thread-safe: one event loop owns a session.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.1">RFC 7296 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.3">RFC 7296 §2.3</a>
 */
public final class IkeSession {
    private static final System.Logger LOG = System.getLogger(IkeSession.class.getName());

    /** The tunnel; a responder with several picks it at IKE_AUTH ({@link IkeResponderTunnels}). */
    Tunnel tunnel;
    final IkeSessionOptions options;
    final SecureRandom random;
    final boolean initiator;
    /** The current IKE SA; a rekey replaces it (RFC 7296 §2.18). */
    IkeSaCrypto sa = new IkeSaCrypto();
    InetSocketAddress local;
    InetSocketAddress remote;
    boolean natT;
    /** Whether a NAT translates our own address (RFC 7296 §2.23): then we send NAT keepalives. */
    boolean behindNat;
    private final IkeNatKeepalive keepalive;

    private final Deque<IkeTransmit> transmits = new ArrayDeque<>();
    /** Message IDs and retransmission of the current IKE SA. */
    IkeOutbox outbox;
    /** IKE fragmentation (RFC 7383), once negotiated. */
    final IkeFragmentation fragments;
    /** Replaced IKE SAs kept until their Delete is exchanged (RFC 7296 §2.18). */
    final List<IkeRetiringSa> retiring = new ArrayList<>();
    private Instant clock = Instant.EPOCH;
    /** INFORMATIONAL and CREATE_CHILD_SA once the IKE SA is up. */
    IkeInformational informational;
    /** IKE_SA_INIT and IKE_AUTH of our role. */
    final IkeHandshake handshake;
    private final IkeInbound inbound = new IkeInbound(this);
    private final Deque<IkeEvent> events = new ArrayDeque<>();
    private IkeSessionState state = IkeSessionState.IDLE;
    private Instant halfOpenDeadline;

    private IkeSession(Tunnel tunnel, IkeResponderTunnels choices, InetSocketAddress local,
            InetSocketAddress remote, boolean initiator, IkeSessionOptions options, SecureRandom random) {
        this.tunnel = Objects.requireNonNull(tunnel, "tunnel");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = remote;
        this.initiator = initiator;
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
        this.keepalive = new IkeNatKeepalive(options.natKeepalive());
        IkeIdentities.toPayload(tunnel.phaseOne().effectiveRemoteId(), !initiator); // rejects unsupported IDs now
        this.fragments = new IkeFragmentation(this);
        this.outbox = new IkeOutbox(this, sa, initiator, transmits);
        this.handshake = initiator ? new IkeInitiatorHandshake(this) : new IkeResponderHandshake(this, choices);
        this.informational = new IkeInformational(this);
    }

    /** Returns a session that will bring {@code tunnel} up from {@code local} to {@code remote} on {@link #initiate}. */
    public static IkeSession initiator(Tunnel tunnel, InetSocketAddress local, InetSocketAddress remote,
            IkeSessionOptions options, SecureRandom random) {
        return new IkeSession(tunnel, null, local, Objects.requireNonNull(remote, "remote"), true, options, random);
    }

    /** Returns a session that answers one initiator of {@code tunnel} reaching us at {@code local}. */
    public static IkeSession responder(Tunnel tunnel, InetSocketAddress local, IkeSessionOptions options,
            SecureRandom random) {
        return new IkeSession(tunnel, null, local, null, false, options, random);
    }

    /**
     * Returns a session that answers one initiator of any of {@code tunnels} reaching us at {@code
     * local}: IKE_SA_INIT offers the proposals of the tunnels the initiator's address allows, and
     * IKE_AUTH picks the tunnel by the initiator's ID (and the ID it expects of us, when sent);
     * {@link #tunnel()} then returns it. An initiator no tunnel matches is refused with
     * NO_PROPOSAL_CHOSEN (IKE_SA_INIT) or AUTHENTICATION_FAILED (IKE_AUTH, {@link
     * IkeFailureReason#AUTHENTICATION_FAILED}).
     */
    public static IkeSession responder(IkeResponderTunnels tunnels, InetSocketAddress local,
            IkeSessionOptions options, SecureRandom random) {
        return new IkeSession(tunnels.tunnels().get(0), tunnels, local, null, false, options, random);
    }

    /** Returns the tunnel: for a responder of several, the one IKE_AUTH picked (the first before). */
    public Tunnel tunnel() {
        return tunnel;
    }

    /** Returns the state. */
    public IkeSessionState state() {
        return state;
    }

    /** Returns {@code true} for the original initiator of the IKE SA. */
    public boolean isInitiator() {
        return initiator;
    }

    /** Returns the peer's address and port, once known. */
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable(remote);
    }

    /**
     * Starts IKE_SA_INIT (command; initiator only, once).
     *
     * @throws IllegalStateException if this is a responder or already started
     */
    public void initiate(Instant now) {
        if (!initiator || state != IkeSessionState.IDLE) {
            throw new IllegalStateException("initiate: only once, on an initiator (state " + state + ")");
        }
        state = IkeSessionState.CONNECTING;
        clock = now;
        try {
            ((IkeInitiatorHandshake) handshake).start(now);
        } catch (CryptoException e) {
            fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "key exchange: " + e.getMessage());
        }
    }

    /**
     * Deletes the IKE SA and its CHILD SAs (command, RFC 7296 §1.4.1); {@link IkeEvent.IkeSaDeleted}
     * follows the peer's response or the last retransmission. Before the IKE SA is established the
     * session just stops.
     */
    public void close(Instant now) {
        Objects.requireNonNull(now, "now");
        clock = now;
        if (state == IkeSessionState.ESTABLISHED) {
            command(now, () -> informational.close(now));
        } else if (state != IkeSessionState.FAILED && state != IkeSessionState.CLOSED) {
            closed(false);
        }
    }

    /**
     * Rekeys the CHILD SA whose inbound SPI is {@code inboundSpi} (command, RFC 7296 §1.3.3), with a
     * key exchange when the tunnel's first ESP proposal names a PFS group; {@link
     * IkeEvent.ChildSaRekeyed} and then {@link IkeEvent.ChildSaDeleted} for the old SA follow.
     *
     * @throws IllegalStateException if the IKE SA is not established
     * @throws IllegalArgumentException if no such CHILD SA is installed
     */
    public void rekeyChildSa(int inboundSpi, Instant now) {
        Objects.requireNonNull(now, "now");
        if (state != IkeSessionState.ESTABLISHED) {
            throw new IllegalStateException("rekeyChildSa: the IKE SA is " + state);
        }
        command(now, () -> informational.rekeyChild(inboundSpi, now));
    }

    /**
     * Creates a further CHILD SA (command, RFC 7296 §1.3.1) for {@code localSelectors} and {@code
     * remoteSelectors}, e.g. a second subnet pair of the tunnel, which must lie within the tunnel's
     * phase-two subnets; the responder may narrow them (§2.9). {@link IkeEvent.ChildSaInstalled} or
     * {@link IkeEvent.ChildSaFailed} follows.
     *
     * @throws IllegalStateException if the IKE SA is not established
     * @throws IllegalArgumentException if a selector lies outside the tunnel's subnets
     */
    public void createChildSa(List<TrafficSelector> localSelectors, List<TrafficSelector> remoteSelectors,
            Instant now) {
        Objects.requireNonNull(now, "now");
        if (state != IkeSessionState.ESTABLISHED) {
            throw new IllegalStateException("createChildSa: the IKE SA is " + state);
        }
        if (localSelectors.isEmpty() || remoteSelectors.isEmpty()
                || !IkeTrafficSelectorNarrowing.isSubset(localSelectors, tunnel.phaseTwo().localSubnets())
                || !IkeTrafficSelectorNarrowing.isSubset(remoteSelectors, tunnel.phaseTwo().remoteSubnets())) {
            throw new IllegalArgumentException("createChildSa: selectors " + localSelectors + " / " + remoteSelectors
                    + " (expected: non-empty, within " + tunnel.phaseTwo().localSubnets() + " / "
                    + tunnel.phaseTwo().remoteSubnets() + ")");
        }
        command(now, () -> informational.createChild(localSelectors, remoteSelectors, now));
    }

    /**
     * Rekeys the IKE SA (command, RFC 7296 §2.18) with the key exchange method of the current SA;
     * {@link IkeEvent.IkeSaRekeyed} or {@link IkeEvent.IkeSaRekeyFailed} follows. The session also
     * rekeys by itself before the end of the tunnel's phase-one lifetime.
     *
     * @throws IllegalStateException if the IKE SA is not established
     */
    public void rekeyIkeSa(Instant now) {
        Objects.requireNonNull(now, "now");
        if (state != IkeSessionState.ESTABLISHED) {
            throw new IllegalStateException("rekeyIkeSa: the IKE SA is " + state);
        }
        command(now, () -> informational.rekeyIke(now));
    }

    /** Work of a command on the established SA, which the crypto provider may fail. */
    private interface Step {
        void run() throws CryptoException;
    }

    /** Runs {@code step} at {@code now}; a crypto failure fails the session (LOCAL_ERROR). */
    private void command(Instant now, Step step) {
        clock = now;
        try {
            step.run();
        } catch (CryptoException e) {
            fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "crypto: " + e.getMessage());
        }
    }

    /** Takes one received UDP payload that arrived from {@code from} at {@code to}; never throws. */
    public void handleDatagram(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        try {
            handleDatagramStrict(datagram, from, to, now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "datagram dropped after an internal error", e);
        }
    }

    /** Like {@link #handleDatagram} but lets internal errors through, for tests and fuzzing. */
    void handleDatagramStrict(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            return;
        }
        clock = now;
        inbound.receive(datagram, from, to, now);
    }

    /**
     * Handles the expiry of a retransmission, half-open, liveness, lifetime or NAT keepalive timer (at
     * or after {@link #pollTimeout()}).
     */
    public void handleTimeout(Instant now) {
        Objects.requireNonNull(now, "now");
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            return;
        }
        clock = now;
        for (IkeRetiringSa old : retiring) {
            if (!now.isBefore(old.timeout())) {
                old.onTimeout(now);
            }
        }
        retiring.removeIf(IkeRetiringSa::isDone);
        fragments.expire(now);
        if (halfOpenDeadline != null && !now.isBefore(halfOpenDeadline)) {
            fail(IkeFailureReason.HALF_OPEN_TIMEOUT, Optional.empty(), "no IKE_AUTH request before the timeout");
            return;
        }
        try {
            if (outbox.onTimeout(now)) {
                if (informational.isClosing()) {
                    closed(false); // §1.4.1: the SA is gone even if the peer never confirms
                } else {
                    fail(IkeFailureReason.RETRANSMISSION_TIMEOUT, Optional.empty(), "no response to "
                            + outbox.exhaustedType() + " after " + options.retransmitLimit() + " retransmissions");
                }
                return;
            }
            if (state == IkeSessionState.ESTABLISHED) {
                informational.onTimeout(now);
            }
            if (state == IkeSessionState.ESTABLISHED) {
                keepalive.onTimeout(now, local, remote).ifPresent(transmits::add);
            }
        } catch (CryptoException e) {
            fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "crypto: " + e.getMessage());
        }
    }

    /** Returns the next datagram to send, if any. */
    public Optional<IkeTransmit> pollTransmit() {
        IkeTransmit t = transmits.poll();
        if (t != null) {
            keepalive.sent(clock);
        }
        return Optional.ofNullable(t);
    }

    /** Returns the next event, if any. */
    public Optional<IkeEvent> pollEvent() {
        return Optional.ofNullable(events.poll());
    }

    /** Returns when {@link #handleTimeout} is due, if a timer runs. */
    public Optional<Instant> pollTimeout() {
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            return Optional.empty();
        }
        boolean up = state == IkeSessionState.ESTABLISHED;
        Instant next = earlier(outbox.retransmitAt().orElse(null), halfOpenDeadline);
        if (up) {
            next = earlier(earlier(next, informational.timeout().orElse(null)), keepalive.timeout().orElse(null));
        }
        for (IkeRetiringSa old : retiring) {
            next = earlier(next, old.timeout());
        }
        return Optional.ofNullable(next);
    }

    /** Returns the earlier of two times, either of which may be null (no timer). */
    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    // ---- for the handshakes ----

    /** Moves both sides to port 4500 with the non-ESP marker (RFC 7296 §2.23). */
    void switchToNatT() {
        natT = true;
        local = new InetSocketAddress(local.getAddress(), EspUdpEncapsulation.PORT);
        remote = new InetSocketAddress(remote.getAddress(), EspUdpEncapsulation.PORT);
    }

    /** The responder picked {@code chosen} at IKE_AUTH, before anything ran on the IKE SA. */
    void selectTunnel(Tunnel chosen) {
        tunnel = chosen;
        informational = new IkeInformational(this);
    }

    void connecting() {
        state = IkeSessionState.CONNECTING;
    }

    void halfOpenUntil(Instant deadline) {
        halfOpenDeadline = deadline;
        options.cookieGate().ifPresent(IkeCookieGate::opened);
    }

    void established() {
        state = IkeSessionState.ESTABLISHED;
        closeHalfOpen();
        informational.ikeSaCreated(clock);
        if (behindNat) {
            keepalive.start(clock);
        }
    }

    void emit(IkeEvent event) {
        informational.childInstalled(event, clock);
        events.add(event);
    }

    /** Returns an outbox for the IKE SA {@code next} (after a rekey, RFC 7296 §2.18) that sends with ours. */
    IkeOutbox outboxFor(IkeSaCrypto next, boolean saInitiator) {
        return new IkeOutbox(this, next, saInitiator, transmits);
    }

    /** Makes {@code next} the current IKE SA with its {@code outbox} ({@link IkeSaRekey#switchTo}). */
    void replaceSa(IkeSaCrypto next, IkeOutbox nextOutbox) {
        sa = next;
        outbox = nextOutbox;
    }

    /** The IKE SA was deleted (RFC 7296 §1.4.1): every CHILD SA goes with it. */
    void closed(boolean byPeer) {
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            return;
        }
        boolean wasEstablished = state == IkeSessionState.ESTABLISHED;
        end(IkeSessionState.CLOSED);
        if (wasEstablished) {
            events.add(new IkeEvent.IkeSaDeleted(byPeer));
        }
    }

    void fail(IkeFailureReason reason, Optional<IkeNotifyType> notify, String detail) {
        if (state == IkeSessionState.FAILED || state == IkeSessionState.CLOSED) {
            return;
        }
        end(IkeSessionState.FAILED);
        events.add(new IkeEvent.SessionFailed(reason, notify, detail));
    }

    /** Ends the session in {@code last}: stops every timer and zeroes every key. */
    private void end(IkeSessionState last) {
        state = last;
        outbox.stop();
        closeHalfOpen();
        handshake.close();
        fragments.close();
        sa.close();
        retiring.forEach(IkeRetiringSa::close);
        retiring.clear();
        informational.closeAll();
    }

    private void closeHalfOpen() {
        if (halfOpenDeadline != null) {
            halfOpenDeadline = null;
            options.cookieGate().ifPresent(IkeCookieGate::closed);
        }
    }

    @Override
    public String toString() {
        return "IkeSession[" + (initiator ? "initiator" : "responder") + ", tunnel=" + tunnel.name() + ", state="
                + state + "]";
    }
}
