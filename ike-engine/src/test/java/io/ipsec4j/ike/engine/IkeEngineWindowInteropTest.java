package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our engine with a message-ID window of four against a live charon, which announces no window
 * (RFC 7296 §2.3: then it is one): charon takes our IKE_AUTH with SET_WINDOW_SIZE, and a CHILD SA
 * rekey, a second CHILD SA and an IKE SA rekey started at the same instant go to charon one request
 * at a time (every datagram checked by {@link IkeMessageIdModel} with a window of one) and all
 * complete, with charon's SAs ESTABLISHED and INSTALLED.
 */
@Tag("interop")
class IkeEngineWindowInteropTest {
    private static final String IKE = "aes128gcm16-prfsha256-x25519";
    private static final String ESP = "aes128gcm16";
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    @Test
    void aCharonWithoutAWindowGetsOneRequestAtATimeFromAWindowOfFour() throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child("net", ESP, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(IKE).start();
            IkeEngineStrongSwanInteropTest.stopCharon(pair, Node.A);
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                Tunnel t = IkeEngineStrongSwanInteropTest.tunnel(IKE, ESP, child);
                IkeSession s = IkeSession.initiator(t, new InetSocketAddress(A, 500), new InetSocketAddress(B, 500),
                        IkeSessionOptions.defaults().withWindowSize(4), new SecureRandom());
                IkeMessageIdModel model = new IkeMessageIdModel(1);
                List<IkeEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                s.initiate(Instant.now());
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps, () -> events.stream().anyMatch(
                        e -> e instanceof IkeEvent.ChildSaInstalled || e instanceof IkeEvent.SessionFailed),
                        d -> sent(model, d), d -> received(model, d), Duration.ofSeconds(30));
                assertThat(s.state()).as("events %s", events).isEqualTo(IkeSessionState.ESTABLISHED);
                IkeEvent.ChildSaInstalled first = events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                        .map(IkeEvent.ChildSaInstalled.class::cast).findFirst().orElseThrow();

                s.rekeyChildSa(first.inbound().spi(), Instant.now());
                s.createChildSa(t.phaseTwo().localSubnets(), t.phaseTwo().remoteSubnets(), Instant.now());
                s.rekeyIkeSa(Instant.now());
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps, () -> events.stream().anyMatch(
                        IkeEvent.IkeSaRekeyed.class::isInstance) && events.stream().anyMatch(
                        IkeEvent.ChildSaDeleted.class::isInstance) && events.stream().filter(
                        IkeEvent.ChildSaInstalled.class::isInstance).count() == 2
                        || events.stream().anyMatch(e -> e instanceof IkeEvent.SessionFailed
                                || e instanceof IkeEvent.ChildSaFailed || e instanceof IkeEvent.IkeSaRekeyFailed),
                        d -> sent(model, d), d -> received(model, d), Duration.ofSeconds(30));

                assertThat(events).as("events").hasAtLeastOneElementOfType(IkeEvent.ChildSaRekeyed.class)
                        .hasAtLeastOneElementOfType(IkeEvent.IkeSaRekeyed.class)
                        .noneMatch(e -> e instanceof IkeEvent.SessionFailed || e instanceof IkeEvent.ChildSaFailed
                                || e instanceof IkeEvent.IkeSaRekeyFailed);
                assertThat(events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)).hasSize(2);
                assertThat(model.maxInFlight()).as("requests outstanding at once").isEqualTo(1);
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);
                String sas = HostCommand.check(20, HostCommand.inNamespace(pair.namespace(Node.B), "swanctl",
                        "--list-sas", "--uri", vici));
                assertThat(sas).contains("ESTABLISHED").contains("INSTALLED");
                String auth = Files.readAllLines(pair.directory().resolve("B").resolve("charon.log")).stream()
                        .filter(l -> l.contains("parsed IKE_AUTH request")).findFirst().orElse("");
                System.out.printf("window 4 against charon: %d requests, at most %d outstanding; charon: %s%n",
                        model.requests(), model.maxInFlight(), auth.substring(auth.indexOf("parsed")));
                assertThat(auth).as("charon parsed our IKE_AUTH with SET_WINDOW_SIZE").contains("N(SET_WINSIZE)");
            }
        }
    }

    private static void sent(IkeMessageIdModel model, byte[] datagram) {
        model.onSent(datagram, true);
        model.onDelivered(datagram, true); // the relay in the namespace does not lose datagrams
    }

    private static void received(IkeMessageIdModel model, byte[] datagram) {
        if (EngineFixtures.ike(datagram).isPresent()) {
            model.onSent(datagram, false);
            model.onDelivered(datagram, false);
        }
    }
}
