package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dead peer detection against a live charon: our initiator, with the tunnel's DPD delay of {@value
 * #DELAY_SECONDS} s and timeout of {@value #TIMEOUT_SECONDS} s, sends liveness checks (empty
 * INFORMATIONAL requests, RFC 7296 §2.4) that charon answers, counted on the wire and in charon's
 * log; then charon is frozen ({@code SIGSTOP}: no answer and, unlike a shutdown, no Delete), and the
 * engine must report {@link IkeEvent.DeadPeerDetected} with the tunnel's action and fail with
 * {@link IkeFailureReason#DEAD_PEER} within delay + timeout (the wait is bounded by that plus slack
 * for the driver's 100 ms polling).
 */
@Tag("interop")
class IkeEngineDpdInteropTest {
    static final int DELAY_SECONDS = 2;
    static final int TIMEOUT_SECONDS = 6;
    private static final int CHECKS = 3;
    private static final String IKE = "aes128gcm16-prfsha256-x25519";
    private static final String ESP = "aes128gcm16";
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    @ParameterizedTest(name = "DPD action {0}")
    @EnumSource(value = DpdAction.class, names = {"CLEAR", "RESTART"})
    void livenessChecksAreAnsweredAndAFrozenCharonIsDeclaredDead(DpdAction action) throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child("net", ESP, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(IKE).start();
            IkeEngineStrongSwanInteropTest.stopCharon(pair, Node.A);
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                Tunnel base = IkeEngineStrongSwanInteropTest.tunnel(IKE, ESP, child);
                Tunnel t = Tunnel.builder().from(base).phaseTwo(PhaseTwo.builder().from(base.phaseTwo())
                        .dpd(Dpd.ofSeconds(DELAY_SECONDS, TIMEOUT_SECONDS, action)).build()).build();
                IkeSession s = IkeSession.initiator(t, new InetSocketAddress(A, 500), new InetSocketAddress(B, 500),
                        IkeSessionOptions.defaults(), new SecureRandom());
                s.initiate(Instant.now());
                List<IkeEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps, () -> events.stream().anyMatch(
                        e -> e instanceof IkeEvent.ChildSaInstalled || e instanceof IkeEvent.SessionFailed));
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);

                // Liveness checks: our empty INFORMATIONAL requests and charon's responses.
                AtomicInteger requests = new AtomicInteger();
                AtomicInteger responses = new AtomicInteger();
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps,
                        () -> requests.get() >= CHECKS && responses.get() >= CHECKS,
                        d -> count(d, false, requests), d -> count(d, true, responses),
                        Duration.ofSeconds((DELAY_SECONDS + 1) * (CHECKS + 2)));
                assertThat(requests.get()).as("our liveness checks").isGreaterThanOrEqualTo(CHECKS);
                assertThat(responses.get()).as("charon's answers").isGreaterThanOrEqualTo(CHECKS);
                List<String> log = Files.readAllLines(pair.directory().resolve("B").resolve("charon.log"));
                long charonParsed = log.stream().filter(l -> l.contains("parsed INFORMATIONAL request")
                        && l.endsWith("[ ]")).count();
                assertThat(charonParsed).as("empty INFORMATIONAL requests in charon's log")
                        .isGreaterThanOrEqualTo(CHECKS);
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);

                // charon disappears: frozen, so it neither answers nor deletes.
                signal(pair, "-STOP");
                Instant frozen = Instant.now();
                int answered = responses.get();
                try {
                    IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps,
                            () -> events.stream().anyMatch(IkeEvent.SessionFailed.class::isInstance),
                            d -> { }, d -> count(d, true, responses),
                            Duration.ofSeconds(DELAY_SECONDS + TIMEOUT_SECONDS + 4));
                } finally {
                    signal(pair, "-CONT");
                }
                Duration detected = Duration.between(frozen, Instant.now());
                System.out.printf("DPD %s: %d liveness checks answered (charon's log: %d), dead peer detected %d ms"
                        + " after charon froze (delay %d s + timeout %d s)%n", action, answered, charonParsed,
                        detected.toMillis(), DELAY_SECONDS, TIMEOUT_SECONDS);
                assertThat(events).contains(new IkeEvent.DeadPeerDetected(action));
                IkeEvent.SessionFailed failed = events.stream().filter(IkeEvent.SessionFailed.class::isInstance)
                        .map(IkeEvent.SessionFailed.class::cast).findFirst().orElseThrow();
                assertThat(failed.reason()).isEqualTo(IkeFailureReason.DEAD_PEER);
                assertThat(events.indexOf(new IkeEvent.DeadPeerDetected(action))).isEqualTo(events.indexOf(failed) - 1);
                assertThat(events).noneMatch(IkeEvent.IkeSaDeleted.class::isInstance);
                assertThat(s.state()).isEqualTo(IkeSessionState.FAILED);
            }
        }
    }

    /** Counts {@code datagram} if it is an INFORMATIONAL response ({@code response}) or request. */
    private static void count(byte[] datagram, boolean response, AtomicInteger counter) {
        EngineFixtures.ike(datagram).map(m -> m.header()).filter(h -> isInformational(h, response))
                .ifPresent(h -> counter.incrementAndGet());
    }

    private static boolean isInformational(IkeHeader h, boolean response) {
        return h.exchangeType().equals(IkeExchangeType.INFORMATIONAL) && h.response() == response;
    }

    /** Sends {@code signal} to every process in B's namespace (its charon). */
    private static void signal(StrongSwanPair pair, String signal) throws Exception {
        String pids = HostCommand.check(10, "ip", "netns", "pids", pair.namespace(Node.B)).trim();
        for (String pid : pids.split("\\s+")) {
            if (!pid.isEmpty()) {
                HostCommand.run(10, "kill", signal, pid);
            }
        }
    }
}
