package io.ipsec4j.ike.probe;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.IkeV1AuthMethod;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a remote IKE responder which proposals it accepts — sans-IO: fed the datagrams received
 * from the responder and the time, it returns the datagrams to send to it.
 *
 * <p>IKEv2 probes send IKE_SA_INIT requests, IKEv1 probes Main Mode or Aggressive Mode first
 * messages; no probe ever sends a second message of an exchange, so it never authenticates and
 * never uses a pre-shared key. The questions: each key exchange method, then each encryption,
 * integrity and PRF transform against the accepted groups (one type narrowed at a time), then the
 * responder's preference and the suite it chooses per accepted cipher. Answers read are
 * NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD, COOKIE (followed), a chosen proposal, silence, and
 * INVALID_MAJOR_VERSION (the responder does not speak the version probed: the probe ends).
 *
 * <p>The driver calls {@link #tick(Instant)} at {@link #nextTick()} (and once to start) and
 * {@link #handleDatagram(byte[], Instant)} for every datagram from the responder, sends what they
 * return, and stops when {@link #isFinished()}. The probe never returns more than
 * {@link IkeProbeLimits#maxProbes()} datagrams in all, never two closer than
 * {@link IkeProbeLimits#delay()}, and no exception escapes for any received bytes. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 */
public final class IkeProbe {
    private final IkeVersion version;
    private final IkeProbeLimits limits;
    private final IkeProbeCandidates candidates;
    private final IkeProbePlan plan;
    private final IkeDatagramDecoder decoder = new IkeDatagramDecoder();
    private Bytes outstanding;
    private Instant deadline;
    private Instant nextSend;
    private int sent;
    private int silences;
    private IkeProbeResult.Stop stop = IkeProbeResult.Stop.RUNNING;

    private IkeProbe(Builder b) {
        this.version = b.version;
        this.limits = b.limits;
        this.candidates = version.isV1() ? b.candidates.forIkeV1() : b.candidates;
        IkeProbeKeyShares shares = b.keyShares != null ? b.keyShares : IkeProbeKeyShares.generating(b.random);
        this.plan = version.isV1()
                ? new IkeV1ProbePlan(candidates, shares, b.random, version == IkeVersion.IKEV1_AGGRESSIVE, b.authMethod,
                        b.aggressiveIdentity)
                : new IkeV2ProbePlan(candidates, shares, b.random, b.local, b.remote);
    }

    /** Returns a builder for a probe of the responder at {@code remote} from {@code local}. */
    public static Builder builder(InetSocketAddress local, InetSocketAddress remote) {
        return new Builder(local, remote);
    }

    /**
     * Handles the time: sends the first or next request when the delay has passed, and counts a
     * request whose timeout has passed as unanswered.
     *
     * @return the datagrams to send now (at most one)
     */
    public List<byte[]> tick(Instant now) {
        Objects.requireNonNull(now, "now");
        if (stop != IkeProbeResult.Stop.RUNNING) {
            return List.of();
        }
        if (outstanding != null) {
            if (now.isBefore(deadline)) {
                return List.of();
            }
            outstanding = null;
            plan.silence();
            if (++silences >= limits.maxSilences()) {
                stop = IkeProbeResult.Stop.SILENCE;
                return List.of();
            }
        }
        if (nextSend != null && now.isBefore(nextSend)) {
            return List.of();
        }
        Bytes request = plan.nextRequest();
        if (request == null) {
            stop = IkeProbeResult.Stop.COMPLETE;
            return List.of();
        }
        if (sent >= limits.maxProbes()) {
            plan.unanswered("probe limit reached"); // the question that would have been next
            stop = IkeProbeResult.Stop.PROBE_LIMIT;
            return List.of();
        }
        sent++;
        plan.sending();
        outstanding = request;
        deadline = now.plus(limits.probeTimeout());
        nextSend = now.plus(limits.delay());
        return List.of(request.toByteArray());
    }

    /**
     * Handles a datagram received from the responder (the UDP payload, port 500). Anything that is
     * not the answer to the outstanding request — malformed, late, another SA's — is ignored.
     *
     * @return the datagrams to send now (at most one)
     */
    public List<byte[]> handleDatagram(byte[] datagram, Instant now) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(now, "now");
        if (stop != IkeProbeResult.Stop.RUNNING || outstanding == null) {
            return List.of();
        }
        IkeDatagramDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(Unpooled.wrappedBuffer(datagram), false);
        } catch (IkeProtocolException e) {
            return List.of(); // not an IKE message we can read: not an answer
        }
        if (!plan.answer(decoded)) {
            return List.of();
        }
        outstanding = null;
        if (plan.versionRefused()) {
            stop = IkeProbeResult.Stop.VERSION_UNSUPPORTED;
            return List.of();
        }
        silences = 0;
        return tick(now);
    }

    /** Returns when {@link #tick(Instant)} should be called next, or empty once finished. */
    public Optional<Instant> nextTick() {
        if (stop != IkeProbeResult.Stop.RUNNING) {
            return Optional.empty();
        }
        if (outstanding != null) {
            return Optional.of(deadline);
        }
        return Optional.ofNullable(nextSend).or(() -> Optional.of(Instant.EPOCH));
    }

    /** Returns {@code true} once every question is asked or a limit stopped the probe. */
    public boolean isFinished() {
        return stop != IkeProbeResult.Stop.RUNNING;
    }

    /** Returns the number of datagrams returned for sending so far. */
    public int datagramsSent() {
        return sent;
    }

    /** Returns what is known so far (final once {@link #isFinished()}). */
    public IkeProbeResult result() {
        return plan.findings.toResult(version, stop, candidates, sent);
    }

    @Override
    public String toString() {
        return "IkeProbe[" + version + ", " + sent + "/" + limits.maxProbes() + " sent, " + stop + "]";
    }

    /** Builds an {@link IkeProbe}; everything but the two addresses has a default. */
    public static final class Builder {
        private final InetSocketAddress local;
        private final InetSocketAddress remote;
        private IkeVersion version = IkeVersion.IKEV2;
        private IkeProbeLimits limits = IkeProbeLimits.defaults();
        private IkeProbeCandidates candidates = IkeProbeCandidates.defaults();
        private IkeV1AuthMethod authMethod = IkeV1AuthMethod.PRE_SHARED_KEY;
        private Identity aggressiveIdentity = IkeV1ProbePlan.PROBE_ID;
        private IkeProbeKeyShares keyShares;
        private SecureRandom random = new SecureRandom();

        private Builder(InetSocketAddress local, InetSocketAddress remote) {
            this.local = requireResolved(local, "local");
            this.remote = requireResolved(remote, "remote");
        }

        private static InetSocketAddress requireResolved(InetSocketAddress a, String what) {
            Objects.requireNonNull(a, what);
            if (a.isUnresolved()) {
                throw new IllegalArgumentException(what + " address unresolved: " + a);
            }
            return a;
        }

        /** The IKE version (and IKEv1 mode) to probe; IKEv2 by default. */
        public Builder version(IkeVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The limits; {@link IkeProbeLimits#defaults()} by default. */
        public Builder limits(IkeProbeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The transforms to ask about; {@link IkeProbeCandidates#defaults()} by default. */
        public Builder candidates(IkeProbeCandidates candidates) {
            this.candidates = Objects.requireNonNull(candidates, "candidates");
            return this;
        }

        /** The IKEv1 authentication method offered (the attribute only); pre-shared key by default. */
        public Builder ikeV1AuthMethod(IkeV1AuthMethod authMethod) {
            this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
            return this;
        }

        /**
         * The identity an IKEv1 Aggressive Mode probe presents in its first message; a reserved
         * {@code ike-probe.ipsec4j.invalid} FQDN by default. A responder selects its peer
         * configuration by this identity before it answers (strongSwan: AUTHENTICATION_FAILED when
         * none matches), so probing a gateway that only knows its peers by name needs one it knows,
         * such as a group name. The identity is no credential: nothing is ever authenticated.
         */
        public Builder ikeV1AggressiveIdentity(Identity identity) {
            this.aggressiveIdentity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** Where key shares come from; generated with esp-crypto by default. */
        public Builder keyShares(IkeProbeKeyShares keyShares) {
            this.keyShares = Objects.requireNonNull(keyShares, "keyShares");
            return this;
        }

        /** The randomness for SPIs, cookies, nonces and key shares. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Builds the probe. */
        public IkeProbe build() {
            return new IkeProbe(this);
        }
    }
}
