package io.ipsec4j.ike.probe;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.probe.IkeProbeQuestion.Kind;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The order of a probe's questions, shared by both IKE versions, and the bookkeeping of the
 * current one; subclasses build the requests and read the answers.
 *
 * <p>First each key exchange method, then — against the accepted groups only — each encryption,
 * integrity and PRF transform, one type narrowed to a single value at a time and the other types
 * left wide; then the preference (everything offered); then, for accepted ciphers that no chosen
 * suite contains yet, the suite the responder chooses with that cipher. Nothing after the groups
 * is asked if no group is accepted, and no transform that a chosen suite already showed accepted:
 * every chosen suite costs the responder a half-open SA until it times out, and responders limit
 * those per peer (strongSwan's {@code block_threshold}, 5 by default).
 */
abstract class IkeProbePlan {
    private enum Phase { GROUPS, TRANSFORMS, PREFERENCE, COMBINATIONS, DONE }

    final IkeProbeCandidates candidates;
    final IkeProbeFindings findings = new IkeProbeFindings();
    final IkeProbeKeyShares keyShares;
    final SecureRandom random;
    private final Deque<IkeProbeQuestion> pending = new ArrayDeque<>();
    private Phase phase = Phase.GROUPS;
    private boolean phaseQueued;
    /** The question being asked, or null between questions. */
    IkeProbeQuestion current;
    private boolean versionRefused;

    IkeProbePlan(IkeProbeCandidates candidates, IkeProbeKeyShares keyShares, SecureRandom random) {
        this.candidates = candidates;
        this.keyShares = keyShares;
        this.random = random;
    }

    /** Returns the next request datagram, or null when every question is answered. */
    final Bytes nextRequest() {
        while (true) {
            if (current == null) {
                current = nextQuestion();
                if (current == null) {
                    return null;
                }
                if (!begin(current)) {
                    continue; // begin() recorded why the question cannot be asked
                }
            }
            Bytes request = request(current);
            if (request != null) {
                return request;
            }
            current = null;
        }
    }

    /** Starts asking {@code q}; returns false (after recording why) if it cannot be asked. */
    abstract boolean begin(IkeProbeQuestion q);

    /** Returns the request that asks the current question, or null (after recording why) to drop it. */
    abstract Bytes request(IkeProbeQuestion q);

    /** Reads a decoded datagram; returns {@code true} if it answered the outstanding request. */
    abstract boolean answer(IkeDatagramDecoder.Decoded decoded);

    /** The request last returned by {@link #nextRequest()} is being sent. */
    void sending() {
    }

    /** The outstanding request got no answer within the timeout. */
    final void silence() {
        if (current != null) {
            findings.unanswered(current, "no answer");
            current = null;
        }
    }

    /** Ends the current question as accepted. */
    final void accepted() {
        if (current.transform() != null && current.kind() != Kind.COMBINATION) {
            findings.accept(current.transform());
        }
        current = null;
    }

    /**
     * Ends the current question with the responder's choice: accepted (and, for the preference
     * question, the preferred suite) when the model can express it, otherwise unanswered.
     *
     * @param chosen the proposal the responder chose, as the model reads it
     * @param what what could not be expressed, for the reason
     */
    final void chose(Optional<IkeProposal> chosen, String what) {
        if (chosen.isEmpty()) {
            unanswered(what + " the model cannot express");
            return;
        }
        findings.chosen(chosen.get());
        if (current.kind() == Kind.PREFERENCE) {
            findings.preferred(chosen.get());
        }
        accepted();
    }

    /** Ends the current question as rejected. */
    final void rejected() {
        current = null;
    }

    /** Returns {@code true} once the responder answered INVALID_MAJOR_VERSION: nothing more is asked. */
    final boolean versionRefused() {
        return versionRefused;
    }

    /**
     * Reads an answer in the other IKE version's format: INVALID_MAJOR_VERSION to the outstanding
     * request ends the probe (RFC 7296 §2.5, RFC 2408 §5.1: a responder answers a version it does
     * not speak so, in the format of one it speaks); anything else is no answer.
     *
     * @param spi the initiator SPI (IKEv1 cookie) of the answer
     * @param ourSpi the outstanding request's
     * @param invalidMajorVersion whether the answer carries INVALID_MAJOR_VERSION
     * @param version the IKE version probed, for the reason
     * @return {@code true} if it answered the outstanding request
     */
    final boolean otherVersion(long spi, long ourSpi, boolean invalidMajorVersion, String version) {
        if (current == null || spi != ourSpi || !invalidMajorVersion) {
            return false;
        }
        versionRefused = true;
        unanswered("INVALID_MAJOR_VERSION: the responder does not speak " + version);
        return true;
    }

    /** Ends the current question unanswered, saying why. */
    final void unanswered(String why) {
        findings.unanswered(current, why);
        current = null;
    }

    private IkeProbeQuestion nextQuestion() {
        while (pending.isEmpty()) {
            if (phaseQueued) {
                phase = phase == Phase.DONE ? Phase.DONE : Phase.values()[phase.ordinal() + 1];
                phaseQueued = false;
            }
            if (phase == Phase.DONE) {
                return null;
            }
            queue(phase);
            phaseQueued = true;
        }
        IkeProbeQuestion q = pending.poll();
        if (q.kind() != Kind.COMBINATION && q.transform() != null && findings.isAccepted(q.transform())) {
            return nextQuestion(); // a chosen suite already showed it: no need to ask (or to leave a half-open SA)
        }
        if (q.kind() == Kind.COMBINATION
                && findings.proposals().stream().anyMatch(p -> p.encryption().contains(q.transform()))) {
            return nextQuestion(); // a chosen suite already holds this cipher
        }
        return q;
    }

    private void queue(Phase p) {
        switch (p) {
            case GROUPS -> candidates.keyExchange().forEach(k -> pending.add(new IkeProbeQuestion(Kind.KEY_EXCHANGE, k)));
            case TRANSFORMS -> {
                if (acceptedGroups().isEmpty()) {
                    phase = Phase.DONE;
                    return;
                }
                candidates.encryption().forEach(e -> pending.add(new IkeProbeQuestion(Kind.ENCRYPTION, e)));
                queueTransforms(pending);
            }
            case PREFERENCE -> pending.add(new IkeProbeQuestion(Kind.PREFERENCE, null));
            case COMBINATIONS -> findings.accepted(candidates.encryption())
                    .forEach(e -> pending.add(new IkeProbeQuestion(Kind.COMBINATION, e)));
            default -> { }
        }
    }

    /** Queues the integrity (and, where it is a type of its own, PRF) questions. */
    abstract void queueTransforms(Deque<IkeProbeQuestion> queue);

    /** The accepted key exchange methods, in candidate order. */
    final List<KeyExchangeMethod> acceptedGroups() {
        return findings.accepted(candidates.keyExchange());
    }

    /** The accepted ciphers, or all candidates if none is known. */
    final List<Encryption> acceptedOrAll(List<Encryption> all) {
        List<Encryption> a = findings.accepted(all);
        return a.isEmpty() ? all : a;
    }

    /** Fresh random bytes. */
    final Bytes randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    /** A fresh non-zero SPI or cookie. */
    final long randomSpi() {
        long v;
        do {
            v = random.nextLong();
        } while (v == 0);
        return v;
    }

    /** A group outside {@code offered} whose key share can be made (a decoy), or null. */
    final KeyExchangeMethod decoy(List<KeyExchangeMethod> offered) {
        List<KeyExchangeMethod> order = new ArrayList<>(List.of(KeyExchangeMethod.CURVE25519,
                KeyExchangeMethod.ECP_256, KeyExchangeMethod.MODP_1024, KeyExchangeMethod.MODP_2048));
        order.addAll(candidates.keyExchange());
        order.addAll(KeyExchangeMethod.knownValues());
        for (KeyExchangeMethod m : order) {
            if (!offered.contains(m) && !m.equals(KeyExchangeMethod.NONE) && keyShares.publicValue(m).isPresent()) {
                return m;
            }
        }
        return null;
    }
}
