package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forced RFC 7383 fragmentation against a live charon, both roles: charon runs with {@code
 * fragmentation = force} and {@code charon.fragment_size = }{@value #CHARON_FRAGMENT_SIZE}, our engine
 * with fragments of at most {@value #OUR_FRAGMENT_SIZE} bytes. The IKE SA and CHILD SA come up (IKE_AUTH
 * fragmented both ways), ESP flows both ways, and a CHILD SA rekey with PFS (CREATE_CHILD_SA, fragmented
 * too) installs SAs that carry ESP. Fragments are counted on our side (SKF datagrams sent and received)
 * and in charon's log ({@code EF(n/m)} in the messages it generated and parsed), so both directions
 * are proven to have carried fragments.
 */
@Tag("interop")
class IkeEngineFragmentationInteropTest {
    static final int CHARON_FRAGMENT_SIZE = 224;
    static final int OUR_FRAGMENT_SIZE = IkeSessionOptions.MIN_FRAGMENT_SIZE;
    private static final String IKE = "aes256gcm16-prfsha384-ecp384";
    private static final String ESP = "aes256gcm16-ecp384";
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    @ParameterizedTest(name = "java initiator: {0}")
    @ValueSource(booleans = {true, false})
    void forcedFragmentationBringsTheTunnelUpAndCarriesEsp(boolean javaInitiates) throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child("net", ESP, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(IKE).strongswanConfExtra("  fragment_size = " + CHARON_FRAGMENT_SIZE)
                    .connectionExtra("    fragmentation = force").start();
            IkeEngineStrongSwanInteropTest.stopCharon(pair, Node.A);
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                Tunnel t = IkeEngineStrongSwanInteropTest.tunnel(IKE, ESP, child);
                IkeSessionOptions o = IkeSessionOptions.defaults().withFragmentSize(OUR_FRAGMENT_SIZE);
                InetSocketAddress local = new InetSocketAddress(A, 500);
                IkeSession s = javaInitiates
                        ? IkeSession.initiator(t, local, new InetSocketAddress(B, 500), o, new SecureRandom())
                        : IkeSession.responder(t, local, o, new SecureRandom());
                if (javaInitiates) {
                    s.initiate(Instant.now());
                } else {
                    HostCommand.start(pair.directory().resolve("initiate.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--initiate", "--child", child.name, "--uri", vici));
                }
                AtomicInteger sentFragments = new AtomicInteger();
                AtomicInteger receivedFragments = new AtomicInteger();
                List<IkeEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps, () -> events.stream().anyMatch(
                        e -> e instanceof IkeEvent.ChildSaInstalled || e instanceof IkeEvent.SessionFailed),
                        d -> count(d, sentFragments), d -> count(d, receivedFragments), Duration.ofSeconds(30));
                IkeEvent.ChildSaInstalled installed = events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                        .map(IkeEvent.ChildSaInstalled.class::cast).findFirst()
                        .orElseThrow(() -> new AssertionError("no CHILD SA: " + events));
                assertThat(sentFragments.get()).as("SKF datagrams we sent in IKE_AUTH").isGreaterThan(1);
                assertThat(receivedFragments.get()).as("SKF datagrams charon sent in IKE_AUTH").isGreaterThan(1);

                IkeEngineStrongSwanInteropTest.espBothWays(pair, s, relay, events, esps, installed, child, "from charon");

                // CHILD SA rekey with PFS: CREATE_CHILD_SA fragmented both ways too.
                int sentBefore = sentFragments.get();
                int receivedBefore = receivedFragments.get();
                if (javaInitiates) {
                    s.rekeyChildSa(installed.inbound().spi(), Instant.now());
                } else {
                    HostCommand.start(pair.directory().resolve("rekey.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--rekey", "--child", child.name, "--uri", vici));
                }
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps,
                        () -> events.stream().anyMatch(IkeEvent.ChildSaDeleted.class::isInstance),
                        d -> count(d, sentFragments), d -> count(d, receivedFragments), Duration.ofSeconds(30));
                IkeEvent.ChildSaRekeyed rekeyed = events.stream().filter(IkeEvent.ChildSaRekeyed.class::isInstance)
                        .map(IkeEvent.ChildSaRekeyed.class::cast).findFirst()
                        .orElseThrow(() -> new AssertionError("no CHILD SA rekey: " + events));
                assertThat(sentFragments.get()).as("SKF datagrams we sent in CREATE_CHILD_SA").isGreaterThan(sentBefore);
                assertThat(receivedFragments.get()).as("SKF datagrams charon sent in CREATE_CHILD_SA")
                        .isGreaterThan(receivedBefore);
                int newOut = rekeyed.replacement().outbound().spi();
                relay.send(4500, new InetSocketAddress(B, 4500), IkeEngineStrongSwanInteropTest.sealUdp(
                        rekeyed.replacement().outbound(), child, "after rekey"));
                Await.until("charon's inbound packets on the rekeyed SA", Duration.ofSeconds(10),
                        () -> pair.inboundCounters(Node.B, newOut)[1] > 0);

                List<String> log = Files.readAllLines(pair.directory().resolve("B").resolve("charon.log"));
                long charonGenerated = fragmentLines(log, "generating");
                long charonParsed = fragmentLines(log, "parsed");
                System.out.printf("fragmentation (java %s): SKF datagrams java->charon %d, charon->java %d;"
                        + " charon log: generated %d, parsed %d fragments%n", javaInitiates ? "initiator" : "responder",
                        sentFragments.get(), receivedFragments.get(), charonGenerated, charonParsed);
                assertThat(charonParsed).as("fragments charon parsed (IKE_AUTH and CREATE_CHILD_SA)").isGreaterThan(2);
                assertThat(charonGenerated).as("fragments charon generated (IKE_AUTH and CREATE_CHILD_SA)")
                        .isGreaterThan(2);
                s.close(Instant.now());
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps,
                        () -> events.stream().anyMatch(IkeEvent.IkeSaDeleted.class::isInstance));
            }
        }
    }

    /** Counts {@code datagram} (with or without the non-ESP marker) if it is an SKF fragment. */
    private static void count(byte[] datagram, AtomicInteger counter) {
        if (EngineFixtures.ike(datagram).flatMap(m -> m.payload(IkeSkfPayload.class)).isPresent()) {
            counter.incrementAndGet();
        }
    }

    /** Counts charon's log lines about one fragment ({@code EF(n/m)}) that it generated or parsed. */
    private static long fragmentLines(List<String> log, String verb) {
        return log.stream().filter(l -> l.contains(verb + " ") && l.contains(" EF(")).count();
    }
}
