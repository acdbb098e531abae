package io.ipsec4j.ike.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeProbeTest {
    static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 40500);
    static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.2", 500);
    static final String CONFIG = "aes256-sha256-modp2048, aes128gcm16-prfsha256-ecp256";
    /** Key shares shared by all tests of this module (generating MODP values is not free). */
    static final IkeProbeKeyShares SHARES = synchronizedShares();

    private static IkeProbeKeyShares synchronizedShares() {
        IkeProbeKeyShares g = IkeProbeKeyShares.generating(seeded(7));
        return m -> {
            synchronized (IkeProbeTest.class) {
                return g.publicValue(m);
            }
        };
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static IkeProbe.Builder probe(IkeVersion version) {
        return IkeProbe.builder(LOCAL, REMOTE).version(version).keyShares(SHARES).random(seeded(1))
                .limits(IkeProbeLimits.defaults().withDelay(Duration.ZERO));
    }

    static io.ipsec4j.ike.v2.IkeMessage decodeV2(byte[] datagram) throws Exception {
        return new io.ipsec4j.ike.IkeDatagramDecoder().decode(io.netty.buffer.Unpooled.wrappedBuffer(datagram), false)
                .ikeV2().orElseThrow();
    }

    private static List<String> normalised(String proposals) {
        return java.util.Arrays.stream(proposals.split(",")).map(s -> IkeProposal.parse(s.trim()).toStrongSwan()).toList();
    }

    @Test
    void anIkeV2ProbeReturnsExactlyTheResponderProposalsAndItsPreference() throws Exception {
        FakeResponder responder = new FakeResponder(CONFIG);
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV2).build(), responder::answer);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.COMPLETE);
        assertThat(r.toStrongSwan()).containsExactlyInAnyOrderElementsOf(normalised(CONFIG));
        assertThat(r.preferred()).contains(IkeProposal.parse("aes256-sha256-modp2048"));
        assertThat(r.encryption()).containsExactlyInAnyOrder(Encryption.AES256_CBC, Encryption.AES128_GCM_16);
        assertThat(r.keyExchange()).containsExactly(KeyExchangeMethod.ECP_256, KeyExchangeMethod.MODP_2048);
        assertThat(r.integrity()).extracting(Object::toString).containsExactly("HMAC_SHA2_256_128(12)");
        assertThat(r.prf()).containsExactly(io.ipsec4j.model.algorithm.PrfAlgorithm.HMAC_SHA2_256);
        assertThat(r.fragmentation()).contains(true);
        assertThat(r.natTraversal()).contains(true);
        assertThat(r.vendorIds()).anySatisfy(v -> assertThat(v.name()).contains("strongSwan"));
        assertThat(r.unanswered()).isEmpty();
        // acceptance is asked with a decoy key share: only the preference and one more suite left half-open SAs
        assertThat(responder.successes).isEqualTo(2);
        assertThat(r.datagramsSent()).isEqualTo(responder.requests).isLessThanOrEqualTo(IkeProbeLimits.defaults().maxProbes());
    }

    @Test
    void anIkeV1MainModeProbeReturnsExactlyTheResponderSuites() throws Exception {
        String config = "aes256-sha256-modp2048, aes128-sha1-modp3072";
        FakeResponder responder = new FakeResponder(config);
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV1_MAIN).build(), responder::answer);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.COMPLETE);
        assertThat(r.toStrongSwan()).containsExactlyInAnyOrderElementsOf(normalised(config));
        assertThat(r.encryption()).containsExactly(Encryption.AES256_CBC, Encryption.AES128_CBC);
        assertThat(r.keyExchange()).containsExactly(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.MODP_3072);
        assertThat(r.preferred()).contains(IkeProposal.parse("aes256-sha256-modp2048"));
        assertThat(r.natTraversal()).contains(true);
        // every accepted IKEv1 question leaves a half-open SA: only the groups and the preference did
        assertThat(responder.successes).isEqualTo(3);
        assertThat(r.vendorIds()).extracting(v -> v.name().orElse("?"))
                .contains("RFC 3947 NAT-T", "Dead Peer Detection", "strongSwan");
    }

    @Test
    void anIkeV1AggressiveProbeSendsOneGroupPerRequestAndFindsTheSuites() throws Exception {
        String config = "aes128-sha1-modp2048, 3des-md5-modp1024";
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV1_AGGRESSIVE).build(), new FakeResponder(config)::answer);

        assertThat(r.toStrongSwan()).containsExactlyInAnyOrderElementsOf(normalised(config));
    }

    @Test
    void anIkeV1AggressiveProbePresentsTheConfiguredIdentityAndNeverAHash() throws Exception {
        String config = "aes128-sha1-modp2048";
        io.ipsec4j.model.Identity peer = io.ipsec4j.model.Identity.parse("a@interop.test");
        FakeResponder strict = new FakeResponder(config);
        strict.aggressivePeer = peer;
        IkeProbeResult anonymous = ProbeLoop.run(probe(IkeVersion.IKEV1_AGGRESSIVE).build(), strict::answer);
        assertThat(anonymous.acceptsAnything()).isFalse();
        assertThat(anonymous.unanswered()).isNotEmpty().allSatisfy(u -> assertThat(u)
                .contains("AUTHENTICATION_FAILED(24): the responder refused the identity ike-probe.ipsec4j.invalid"));

        List<byte[]> requests = new java.util.ArrayList<>();
        IkeProbeResult named = ProbeLoop.run(probe(IkeVersion.IKEV1_AGGRESSIVE).ikeV1AggressiveIdentity(peer).build(),
                request -> {
                    requests.add(request);
                    return strict.answer(request);
                });
        assertThat(named.toStrongSwan()).containsExactlyElementsOf(normalised(config));
        assertThat(named.unanswered()).isEmpty();
        for (byte[] request : requests) {
            io.ipsec4j.ike.v1.IkeV1Message m = new io.ipsec4j.ike.IkeDatagramDecoder()
                    .decode(io.netty.buffer.Unpooled.wrappedBuffer(request), false).ikeV1().orElseThrow();
            assertThat(m.header().messageId()).isZero();
            assertThat(m.header().encrypted()).isFalse();
            assertThat(m.header().exchangeType()).isEqualTo(io.ipsec4j.ike.v1.IkeV1ExchangeType.AGGRESSIVE);
            assertThat(m.payloads()).noneMatch(p -> p instanceof io.ipsec4j.ike.v1.IkeV1HashPayload);
            assertThat(m.payload(io.ipsec4j.ike.v1.IkeV1IdPayload.class).flatMap(
                    io.ipsec4j.ike.v1.IkeV1Identities::toIdentity)).contains(peer);
        }
    }

    @Test
    void aCookieDemandIsAnsweredByRepeatingTheRequestWithTheCookie() throws Exception {
        FakeResponder responder = new FakeResponder(CONFIG);
        responder.demandCookie = true;
        // every question costs a second datagram now
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV2).limits(IkeProbeLimits.defaults()
                .withDelay(Duration.ZERO).withMaxProbes(200)).build(), responder::answer);

        assertThat(r.toStrongSwan()).as(r.toText()).containsExactlyInAnyOrderElementsOf(normalised(CONFIG));
        assertThat(r.unanswered()).isEmpty();
        assertThat(r.datagramsSent()).isEqualTo(responder.requests);
        assertThat(responder.cookiesSent).isPositive();
        assertThat(r.cookiesReceived()).isEqualTo(responder.cookiesSent);
        assertThat(r.cookiesAnswered()).isEqualTo(responder.cookiesSent);
        assertThat(r.toText()).contains("COOKIE: asked " + responder.cookiesSent + " times, answered "
                + responder.cookiesSent + " times");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"IKEV2, 1", "IKEV1_MAIN, 2", "IKEV1_AGGRESSIVE, 2"})
    void aResponderRefusingTheIkeVersionEndsTheProbeAtOnce(IkeVersion version, int spoken) throws Exception {
        FakeResponder responder = new FakeResponder(CONFIG);
        responder.onlyVersion = spoken;
        IkeProbeResult r = ProbeLoop.run(probe(version).build(), responder::answer);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.VERSION_UNSUPPORTED);
        assertThat(r.datagramsSent()).isEqualTo(1);
        assertThat(r.acceptsAnything()).isFalse();
        assertThat(r.unanswered()).singleElement().asString().contains("INVALID_MAJOR_VERSION");
        assertThat(r.toText()).contains("(version unsupported, 1 datagrams sent)");
    }

    @Test
    void silenceStopsTheProbeAfterTheConfiguredNumberOfUnansweredRequests() throws Exception {
        IkeProbe probe = probe(IkeVersion.IKEV2).limits(IkeProbeLimits.defaults().withMaxSilences(3)).build();
        IkeProbeResult r = ProbeLoop.run(probe, request -> null);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.SILENCE);
        assertThat(r.datagramsSent()).isEqualTo(3);
        assertThat(r.unanswered()).hasSize(3).allSatisfy(u -> assertThat(u).contains("no answer"));
        assertThat(r.acceptsAnything()).isFalse();
    }

    @Test
    void theProbeLimitIsNeverExceeded() throws Exception {
        FakeResponder responder = new FakeResponder(CONFIG);
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV2).limits(IkeProbeLimits.defaults().withMaxProbes(5)
                .withDelay(Duration.ZERO)).build(), responder::answer);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.PROBE_LIMIT);
        assertThat(responder.requests).isEqualTo(5);
        assertThat(r.unanswered()).singleElement().asString().contains("probe limit reached");
    }

    @Test
    void noDatagramLeavesBeforeTheDelayHasPassed() throws Exception {
        IkeProbe probe = probe(IkeVersion.IKEV2).limits(IkeProbeLimits.defaults().withDelay(Duration.ofSeconds(1))).build();
        FakeResponder responder = new FakeResponder(CONFIG);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<byte[]> first = probe.tick(t0);
        assertThat(first).hasSize(1);
        assertThat(probe.handleDatagram(responder.answer(first.get(0)), t0.plusMillis(10))).isEmpty();
        assertThat(probe.tick(t0.plusMillis(999))).isEmpty();
        assertThat(probe.nextTick()).contains(t0.plusSeconds(1));
        assertThat(probe.tick(t0.plusSeconds(1))).hasSize(1);
    }

    @Test
    void datagramsThatAnswerNothingAreIgnored() throws Exception {
        IkeProbe probe = probe(IkeVersion.IKEV2).build();
        Instant t0 = Instant.EPOCH;
        byte[] request = probe.tick(t0).get(0);
        FakeResponder other = new FakeResponder(CONFIG);
        byte[] answer = other.answer(request);
        answer[0] ^= 1; // another initiator SPI
        assertThat(probe.handleDatagram(answer, t0)).isEmpty();
        assertThat(probe.handleDatagram(new byte[] {1, 2, 3}, t0)).isEmpty();
        assertThat(probe.handleDatagram(request, t0)).isEmpty(); // our own request reflected
        assertThat(probe.datagramsSent()).isEqualTo(1);
        assertThat(probe.isFinished()).isFalse();
    }

    @Test
    void aResponderAcceptingNothingIsReportedAsSuch() throws Exception {
        IkeProbeCandidates few = IkeProbeCandidates.of(List.of(IkeProposal.parse("aes128-sha1-modp1024-modp1536")));
        IkeProbeResult r = ProbeLoop.run(probe(IkeVersion.IKEV2).candidates(few).build(),
                new FakeResponder(CONFIG)::answer);

        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.COMPLETE);
        assertThat(r.acceptsAnything()).isFalse();
        assertThat(r.datagramsSent()).isEqualTo(2); // the two groups, then nothing is left to ask
        assertThat(r.toText()).contains("accepted proposals: none");
    }

    @Test
    void ikeV1MainModeRequestsOfTheDefaultCandidatesAskAboutAGroupInOneUnfragmentedDatagram() {
        IkeProbe probe = probe(IkeVersion.IKEV1_MAIN).build();
        byte[] first = probe.tick(Instant.EPOCH).get(0);
        assertThat(first.length).isLessThanOrEqualTo(IkeV1ProbePlan.MAX_REQUEST_BYTES);
        assertThat(first.length).isGreaterThan(35 * 32); // all 7 x 5 suites of the first group
    }
}
