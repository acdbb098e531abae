package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live IKEv1 scenarios beyond PSK main mode, on the {@link StrongSwanPair} namespaces with our own
 * swanctl.conf loaded over the harness's: RSA signatures with certificates made by strongSwan's
 * {@code pki} and forced IKE fragmentation, mode config and XAUTH transaction exchanges, and
 * transport mode with forced UDP encapsulation (NAT-OA). {@link IkeV1LiveChecker} checks every
 * captured datagram. Skips without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeV1StrongSwanLiveTest {
    /**
     * The plugins; kernel-libipsec (ESP in userland, as the harness) makes charon require UDP
     * encapsulation, so it fakes its own NAT-D; without it (XFRM in the namespace) every NAT-D is real.
     */
    static final String LOAD = "  load = random nonce aes sha1 sha2 md5 hmac gcm gmp openssl kdf pem pkcs1 x509 pubkey"
            + " kernel-libipsec kernel-netlink socket-default vici xauth-generic\n";
    static final String LOAD_XFRM = LOAD.replace(" kernel-libipsec", "");

    /** The swanctl.conf of a node; may put credentials into its directory (x509/, x509ca/, rsa/). */
    interface Config {
        String of(Node node, Path nodeDir) throws Exception;
    }

    /** Something to do in the pair once the child is up (traffic to capture). */
    interface Traffic {
        void send(StrongSwanPair pair) throws Exception;
    }

    /** Sends three UDP datagrams from A's {@code from} to B's {@code to} port 9 through the CHILD_SA. */
    static Traffic udp(String from, String to) {
        return pair -> pair.sendUdp(Node.A, from, 40001, to, 9, List.of("one".getBytes(StandardCharsets.US_ASCII),
                "two".getBytes(StandardCharsets.US_ASCII), "three".getBytes(StandardCharsets.US_ASCII)));
    }

    /** What a live run left: the capture and both logs. */
    record Run(List<UdpCapture.Datagram> datagrams, CharonLog logA, CharonLog logB, String textA, String textB) {}

    /**
     * Starts the pair, replaces its connections with {@code swanctl.apply(node)}, captures A's veth
     * while A initiates the child "net" and until {@code done} holds, then stops everything.
     */
    static Run run(String charonExtra, Config swanctl, Path keep, Await.Condition done, Traffic traffic,
            StrongSwanPair[] live) throws Exception {
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child("net", "aes128-sha1", 1)))) {
            live[0] = pair;
            pair.strongswanConfExtra(charonExtra.contains("load =") ? charonExtra : LOAD + charonExtra);
            pair.start();
            for (Node node : Node.values()) {
                Path conf = pair.directory().resolve(node.name()).resolve("swanctl-live.conf");
                Files.writeString(conf, swanctl.of(node, conf.getParent()), StandardCharsets.UTF_8);
                String out = HostCommand.check(30, HostCommand.inNamespace(pair.namespace(node), "swanctl",
                        "--load-all", "--file", conf.toString(), "--uri", vici(pair, node)));
                if (keep != null) {
                    Files.writeString(Path.of(keep + ".load-" + node.name()), out);
                }
            }
            UdpCapture capture = pair.capture(Node.A, pair.veth(Node.A), "ike-a");
            HostCommand.run(60, HostCommand.inNamespace(pair.namespace(Node.A), "swanctl", "--initiate", "--child",
                    "net", "--uri", vici(pair, Node.A)));
            if (Await.poll(Duration.ofSeconds(10), done) && traffic != null) {
                traffic.send(pair);
            }
            List<UdpCapture.Datagram> datagrams = capture.stop();
            if (keep != null) {
                Files.copy(pair.directory().resolve("ike-a.pcapng"), keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                for (Node n : Node.values()) {
                    Files.copy(pair.directory().resolve(n.name()).resolve("charon.log"),
                            Path.of(keep + "." + n.name() + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Run(datagrams, pair.log(Node.A), pair.log(Node.B), logText(pair, Node.A), logText(pair, Node.B));
        }
    }

    /** KEYMAT (PSK) from {@link IkeV1CaptureChecker}: the ESP packets of the capture it opens. */
    static int openEsp(Run r) throws Exception {
        IkeV1CaptureChecker k = new IkeV1CaptureChecker();
        k.check(r.datagrams(), r.logA(), r.logB(), "192.0.2.1");
        return k.openEsp(r.datagrams());
    }

    private static String r0(StrongSwanPair[] live) throws java.io.IOException {
        return logText(live[0], Node.A);
    }

    static String vici(StrongSwanPair pair, Node node) {
        return "unix://" + pair.directory().resolve(node.name()).resolve("charon.vici");
    }

    static String logText(StrongSwanPair pair, Node node) throws java.io.IOException {
        return Files.readString(pair.directory().resolve(node.name()).resolve("charon.log"));
    }

    /** One connection "interop" with child "net"; {@code local}/{@code remote} are the auth sections' bodies. */
    static String connection(Node node, String extra, String local, String remote, String child, String secrets) {
        boolean a = node == Node.A;
        return "connections {\n  interop {\n    version = 1\n"
                + "    local_addrs = " + (a ? "192.0.2.1" : "192.0.2.2") + "\n"
                + "    remote_addrs = " + (a ? "192.0.2.2" : "192.0.2.1") + "\n"
                + "    proposals = aes128-sha256-modp2048\n" + extra
                + local + remote
                + "    children {\n      net {\n        esp_proposals = aes128-sha1\n" + child + "      }\n    }\n"
                + "  }\n}\n" + secrets;
    }

    /** Certificates by strongSwan's {@code pki}: a CA and one end certificate per node (DNs as PrintableStrings). */
    static final String PKI_SCRIPT = String.join("\n", "set -e", "cd \"$1\"",
            "pki --gen --type rsa --size 2048 --outform pem > ca.key",
            "pki --self --ca --in ca.key --dn 'C=CH, O=ipsec4j, CN=ipsec4j interop CA' --outform pem > ca.crt",
            "for n in a b; do",
            "  pki --gen --type rsa --size 2048 --outform pem > $n.key",
            "  pki --pub --in $n.key | pki --issue --cacert ca.crt --cakey ca.key"
                    + " --dn \"C=CH, O=ipsec4j, OU=interop, CN=$n.interop.test\" --san $n.interop.test --outform pem > $n.crt",
            "done", "");
    /** The same with OpenSSL where strongswan-pki is not installed ({@code string_mask = default}: PrintableStrings). */
    static final String OPENSSL_SCRIPT = String.join("\n", "set -e", "cd \"$1\"",
            "printf '[req]\\ndistinguished_name = dn\\nstring_mask = default\\n[dn]\\n' > req.cnf",
            "openssl genrsa -traditional -out ca.key 2048 2>/dev/null",
            "openssl req -config req.cnf -new -x509 -key ca.key -days 2 -subj '/C=CH/O=ipsec4j/CN=ipsec4j interop CA'"
                    + " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -out ca.crt",
            "for n in a b; do",
            "  openssl genrsa -traditional -out $n.key 2048 2>/dev/null",
            "  openssl req -config req.cnf -new -key $n.key -subj \"/C=CH/O=ipsec4j/OU=interop/CN=$n.interop.test\" -out $n.csr",
            "  printf 'subjectAltName = DNS:%s.interop.test\\n' $n > $n.ext",
            "  openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile $n.ext -out $n.crt",
            "done", "");

    private static final System.Logger LOG = System.getLogger(IkeV1StrongSwanLiveTest.class.getName());
    private static final String A_ID = "C=CH, O=ipsec4j, OU=interop, CN=a.interop.test";
    private static final String B_ID = "C=CH, O=ipsec4j, OU=interop, CN=b.interop.test";

    private static Path keep(String name) {
        String dir = System.getProperty("ipsec4j.interop.keepDir");
        return dir == null ? null : Path.of(dir, name + ".pcapng");
    }

    private static void record(String scenario, IkeV1LiveChecker c, String more) {
        LOG.log(System.Logger.Level.INFO, "{0}: datagrams decoded {1}, fragments {2} (reassembled messages {3}, "
                + "re-fragmented identically {4}), keys matched {5}, messages decrypted {6}, hashes verified {7} "
                + "(signatures {8}), NAT-D matched {9} (faked {10}), decrypted payload chains re-encoded {11}{12}", scenario,
                c.decoded, c.fragments, c.reassembled, c.fragmentsReproduced, c.keysMatched, c.decrypted, c.hashesVerified,
                c.signaturesVerified, c.natDMatched, c.natDUnmatched, c.innerReencoded, more);
    }

    private static String psk(Node node, String extraLocal, String extraRemote) {
        boolean a = node == Node.A;
        return "    local {\n      auth = psk\n      id = " + (a ? "a" : "b") + "@interop.test\n    }\n" + extraLocal
                + "    remote {\n      auth = psk\n      id = " + (a ? "b" : "a") + "@interop.test\n    }\n" + extraRemote;
    }

    private static final String PSK_SECRETS = "secrets {\n  ike-interop {\n    id-a = a@interop.test\n"
            + "    id-b = b@interop.test\n    secret = " + StrongSwanPair.PSK + "\n  }\n";

    @Test
    void mainModeRsaSignaturesWithForcedFragmentation() throws Exception {
        InteropEnvironment.assumeAvailable();
        Path certs = Files.createTempDirectory("ipsec4j-pki-");
        try {
            Path script = certs.resolve("make.sh");
            boolean pki = !Boolean.getBoolean("ipsec4j.interop.opensslCertificates")
                    && HostCommand.run(10, "sh", "-c", "command -v pki").exitCode == 0;
            Files.writeString(script, pki ? PKI_SCRIPT : OPENSSL_SCRIPT);
            LOG.log(System.Logger.Level.INFO, "certificates made by {0}", pki ? "strongSwan pki" : "OpenSSL (no pki on PATH)");
            HostCommand.check(120, "sh", script.toString(), certs.toString());
            StrongSwanPair[] live = new StrongSwanPair[1];
            Config conf = (node, dir) -> {
                String me = node == Node.A ? "a" : "b";
                for (String[] f : new String[][] {{me + ".crt", "x509"}, {"ca.crt", "x509ca"}, {me + ".key", "rsa"}}) {
                    Files.createDirectories(dir.resolve(f[1]));
                    Files.copy(certs.resolve(f[0]), dir.resolve(f[1]).resolve(f[0]));
                }
                return connection(node, "    fragmentation = force\n",
                        "    local {\n      auth = pubkey\n      certs = " + me + ".crt\n"
                                + "      id = \"" + (node == Node.A ? A_ID : B_ID) + "\"\n    }\n",
                        "    remote {\n      auth = pubkey\n      id = \"" + (node == Node.A ? B_ID : A_ID) + "\"\n    }\n",
                        "        local_ts = " + (node == Node.A ? "10.1.0.1/32" : "10.2.0.1/32") + "\n"
                                + "        remote_ts = " + (node == Node.A ? "10.2.0.1/32" : "10.1.0.1/32") + "\n",
                        "");
            };
            // 576-byte IP datagrams: charon cuts main mode messages 5 and 6 (certificate + signature).
            Run r = run(LOAD_XFRM + "  fragment_size = 576\n", conf, keep("sig"), () -> live[0].log(Node.A).childSas().size() >= 1,
                    null, live);
            IkeV1LiveChecker c = new IkeV1LiveChecker();
            c.decode(r.datagrams(), "192.0.2.1");
            c.keysAndDecrypt(r.logA(), r.logB(), null);
            c.verify();
            record("main mode RSA signatures, fragmentation = force", c, "");
            assertThat(c.keysMatched).isEqualTo(5);
            assertThat(c.reassembled).as("fragmented messages").isGreaterThanOrEqualTo(2);
            assertThat(c.fragmentsReproduced).isEqualTo(c.fragments);
            // what each charon logged as "reassembled fragmented IKE message (N bytes)"
            List<Integer> logged = java.util.stream.Stream.of(r.textA(), r.textB()).flatMap(String::lines)
                    .filter(l -> l.contains("reassembled fragmented IKE message ("))
                    .map(l -> Integer.parseInt(l.replaceAll(".*message \\((\\d+) bytes\\).*", "$1"))).toList();
            assertThat(c.reassembledLengths).containsExactlyInAnyOrderElementsOf(logged);
            assertThat(c.innerReencoded).isEqualTo(c.decrypted);
            assertThat(c.signaturesVerified).isEqualTo(2);
            assertThat(c.decrypted).isGreaterThanOrEqualTo(5);
            assertThat(c.hashesVerified).isGreaterThanOrEqualTo(5);
            assertThat(c.natDMatched).as("no NAT, no forced encapsulation: every NAT-D matches").isEqualTo(4);
            assertThat(c.natDUnmatched).isZero();
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(certs.resolve("ca.crt")));
            assertThat(c.certificates).hasSize(2).allSatisfy(cert -> cert.verify(ca.getPublicKey()));
            List<IkeV1IdPayload> ids = c.all(IkeV1IdPayload.class).stream()
                    .filter(i -> i.idType().equals(IkeV1IdType.DER_ASN1_DN)).toList();
            assertThat(ids).hasSize(2);
            for (int i = 0; i < 2; i++) {
                X509Certificate cert = c.certificates.get(i);
                assertThat(ids.get(i).data().toByteArray()).isEqualTo(cert.getSubjectX500Principal().getEncoded());
                assertThat(IkeV1Identities.toIdentity(ids.get(i))).contains(Identity.parse(i == 0 ? A_ID : B_ID));
                assertThat(IkeV1Identities.toIdPayload(Identity.parse(i == 0 ? A_ID : B_ID)).data()).isEqualTo(ids.get(i).data());
            }
            assertThat(c.all(IkeV1CertPayload.class)).allSatisfy(p -> assertThat(p.encoding()).isEqualTo(4));
        } finally {
            try (var files = Files.walk(certs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void xauthAndModeConfigTransactionExchanges() throws Exception {
        InteropEnvironment.assumeAvailable();
        StrongSwanPair[] live = new StrongSwanPair[1];
        Config conf = (node, dir) -> node == Node.A
                ? connection(node, "    vips = 0.0.0.0\n",
                        psk(node, "    local-xauth {\n      auth = xauth\n      xauth_id = alice\n    }\n", ""),
                        "", "        remote_ts = 10.2.0.1/32\n",
                        PSK_SECRETS + "  xauth-alice {\n    id = alice\n    secret = alice-xauth-password\n  }\n}\n")
                : connection(node, "    pools = vpool\n", psk(node, "", "    remote-xauth {\n      auth = xauth\n    }\n"),
                        "", "        local_ts = 10.2.0.1/32\n",
                        PSK_SECRETS + "  xauth-alice {\n    id = alice\n    secret = alice-xauth-password\n  }\n}\n"
                                + "pools {\n  vpool {\n    addrs = 10.3.0.0/28\n  }\n}\n");
        Run r = run("", conf, keep("xauth"), () -> live[0].log(Node.A).childSas().size() >= 1,
                udp("10.3.0.1", "10.2.0.1"), live);
        IkeV1LiveChecker c = new IkeV1LiveChecker();
        c.decode(r.datagrams(), "192.0.2.1");
        c.keysAndDecrypt(r.logA(), r.logB(), StrongSwanPair.PSK.getBytes(StandardCharsets.UTF_8));
        c.verify();
        List<IkeV1Message> transactions = c.opened.stream().map(IkeV1LiveChecker.Msg::message)
                .filter(m -> m.header().exchangeType().equals(IkeV1ExchangeType.TRANSACTION)).toList();
        List<IkeV1AttributePayload> attrs = c.all(IkeV1AttributePayload.class);
        int esp = openEsp(r);
        record("main mode PSK + XAUTH + mode config", c, ", transaction messages " + transactions.size()
                + ", ATTRIBUTE payloads " + attrs.size() + ", ESP packets opened " + esp);
        assertThat(esp).isGreaterThanOrEqualTo(3);
        assertThat(c.keysMatched).isEqualTo(5);
        assertThat(c.natDMatched).as("the destination's NAT-D (kernel-libipsec fakes the sender's)").isEqualTo(2);
        assertThat(transactions).as("XAUTH request/reply/set/ack, mode config request/reply").hasSizeGreaterThanOrEqualTo(6);
        assertThat(transactions).allSatisfy(m -> assertThat(m.payload(IkeV1HashPayload.class)).isPresent());
        assertThat(c.hashesVerified).as("HASH_I, HASH_R, 6 transaction HASHes, quick mode HASH(1)-(3)").isEqualTo(11);
        assertThat(c.innerReencoded).isEqualTo(c.decrypted);
        String vip = r.textA().lines().filter(l -> l.contains("installing new virtual IP"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1).trim()).findFirst().orElseThrow();
        // INTERNAL_IP4_ADDRESS (1) in the responder's REPLY
        assertThat(attrs.stream().filter(a -> a.cfgType() == IkeV1AttributePayload.REPLY)
                .flatMap(a -> a.attributes().stream()).filter(a -> a.type() == 1 && a.value().length() == 4)
                .map(a -> IpAddress.of(a.value().toByteArray()).toString())).containsExactly(vip);
        // XAUTH: XAUTH-USER-NAME (16521) and the status (16527) in SET
        assertThat(attrs.stream().flatMap(a -> a.attributes().stream()).map(IkeV1DataAttribute::type))
                .contains(16521, 16527);
    }

    @Test
    void transportModeWithForcedEncapsulationCarriesNatOa() throws Exception {
        InteropEnvironment.assumeAvailable();
        StrongSwanPair[] live = new StrongSwanPair[1];
        Config conf = (node, dir) -> connection(node, "    encap = yes\n", psk(node, "", ""), "", "        mode = transport\n",
                PSK_SECRETS + "}\n");
        // No ESP here: kernel-libipsec has no transport mode and this kernel's XFRM no ESP ("Protocol not
        // supported"), so charon negotiates the SA (quick mode with NAT-OA) but cannot install it.
        Run r = run("", conf, keep("natoa"), () -> r0(live).contains("unable to install") || live[0].log(Node.A)
                .childSas().size() >= 1, null, live);
        IkeV1LiveChecker c = new IkeV1LiveChecker();
        c.decode(r.datagrams(), "192.0.2.1");
        c.keysAndDecrypt(r.logA(), r.logB(), StrongSwanPair.PSK.getBytes(StandardCharsets.UTF_8));
        c.verify();
        List<IkeV1NatOaPayload> natOa = c.all(IkeV1NatOaPayload.class);
        record("transport mode, encap = yes", c, ", NAT-OA payloads " + natOa.size());
        assertThat(c.innerReencoded).isEqualTo(c.decrypted);
        assertThat(c.natDUnmatched).as("encap = yes: each sender fakes its own NAT-D").isEqualTo(2);
        assertThat(natOa).as("NAT-OAi and NAT-OAr in quick mode 1 and 2").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(p -> assertThat(p.type()).isEqualTo(IkeV1PayloadType.NAT_OA));
        assertThat(natOa.stream().map(p -> IpAddress.of(p.address().toByteArray()).toString()).distinct().sorted())
                .containsExactly("192.0.2.1", "192.0.2.2");
    }
}
