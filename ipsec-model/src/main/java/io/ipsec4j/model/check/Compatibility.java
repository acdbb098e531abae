package io.ipsec4j.model.check;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the two ends of a tunnel and says precisely what does not match and why it fails.
 *
 * <p>{@code ours} is the tunnel as the SASE side has it; {@code theirs} is the remote end's own
 * view (parsed from a cloud file, or typed by a user), with "local" and "remote" from its point
 * of view. Each mismatch is a {@link Finding} with the field path (ours), both values, the
 * severity, the phase that fails and one sentence of explanation. Secrets are compared, never
 * shown. Lifetimes and DPD differences are warnings or notes: IKEv2 does not negotiate them and
 * the shorter lifetime simply wins (RFC 7296 §2.8).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.7">RFC 7296 §2.7</a> (proposal selection)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a> (traffic selectors)
 */
public final class Compatibility {
    private Compatibility() {}

    /** Every mismatch between {@code ours} and {@code theirs}. */
    public static CompatibilityReport compare(Tunnel ours, Tunnel theirs) {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        List<Finding> out = new ArrayList<>();
        phaseOne(ours.phaseOne(), theirs.phaseOne(), out);
        ProposalComparison.ike(ours.phaseOne(), theirs.phaseOne(), out);
        ProposalComparison.esp(ours.phaseOne().ikeVersion(), ours.phaseTwo(), theirs.phaseTwo(), out);
        phaseTwo(ours.phaseTwo(), theirs.phaseTwo(), out);
        SelectorComparison.compare(ours, theirs, out);
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::phase));
        return new CompatibilityReport(out);
    }

    /**
     * Compares the two tunnels of a redundant pair with the other end's two tunnels. Tunnels are
     * paired by address (our tunnel whose remote IP is the other end's local IP), because cloud
     * files do not always list the tunnels in our order; without addresses to go by, in order.
     * Paths are prefixed {@code tunnel1.} / {@code tunnel2.} after our tunnels.
     */
    public static CompatibilityReport compare(RedundantTunnels ours, RedundantTunnels theirs) {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        boolean crossed = reaches(ours.tunnel1(), theirs.tunnel2()) && reaches(ours.tunnel2(), theirs.tunnel1())
                && !reaches(ours.tunnel1(), theirs.tunnel1());
        List<Finding> out = new ArrayList<>();
        compare(ours.tunnel1(), crossed ? theirs.tunnel2() : theirs.tunnel1()).findings()
                .forEach(f -> out.add(f.withPathPrefix("tunnel1")));
        compare(ours.tunnel2(), crossed ? theirs.tunnel1() : theirs.tunnel2()).findings()
                .forEach(f -> out.add(f.withPathPrefix("tunnel2")));
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::phase));
        return new CompatibilityReport(out);
    }

    /** True when {@code ours} sends IKE to the address {@code theirs} says it has. */
    private static boolean reaches(Tunnel ours, Tunnel theirs) {
        return theirs.phaseOne().localPublicIp().map(ip -> ip.equals(ours.phaseOne().remotePublicIp())).orElse(false);
    }

    private static void phaseOne(PhaseOne ours, PhaseOne theirs, List<Finding> out) {
        if (ours.ikeVersion() != theirs.ikeVersion()) {
            boolean sameMajor = ours.ikeVersion().majorVersion() == theirs.ikeVersion().majorVersion();
            out.add(mismatch("IKE_VERSION_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.ikeVersion",
                    ours.ikeVersion(), theirs.ikeVersion(), sameMajor
                            ? "one end uses IKEv1 main mode and the other aggressive mode; the first exchange is refused"
                            : "an IKEv" + ours.ikeVersion().majorVersion() + " end and an IKEv"
                                    + theirs.ikeVersion().majorVersion() + " end never agree on an IKE SA: the responder has no"
                                    + " IKE configuration for the initiator's version and answers NO_PROPOSAL_CHOSEN"));
        }
        if (!ours.sharedSecret().equals(theirs.sharedSecret())) {
            out.add(Finding.builder().code("PSK_MISMATCH").severity(Severity.ERROR).phase(Phase.PHASE_1)
                    .path("phaseOne.sharedSecret").message("the pre-shared keys differ" + pskHint(ours, theirs)
                            + "; authentication fails (AUTHENTICATION_FAILED in IKEv2, an invalid HASH payload in IKEv1)")
                    .build());
        }
        theirs.localPublicIp().filter(ip -> !ip.equals(ours.remotePublicIp())).ifPresent(ip -> out.add(mismatch(
                "REMOTE_IP_MISMATCH", Severity.WARNING, Phase.PHASE_1, "phaseOne.remotePublicIp", ours.remotePublicIp(), ip,
                "we send IKE to " + ours.remotePublicIp() + " but the peer's own address is " + ip
                        + "; this only works when NAT maps one to the other")));
        ours.localPublicIp().filter(ip -> !ip.equals(theirs.remotePublicIp())).ifPresent(ip -> out.add(mismatch(
                "LOCAL_IP_MISMATCH", Severity.WARNING, Phase.PHASE_1, "phaseOne.localPublicIp", ip, theirs.remotePublicIp(),
                "the peer expects us at " + theirs.remotePublicIp() + " but we are at " + ip
                        + "; it will ignore or reject our IKE packets unless NAT maps one to the other")));
        Optional<Identity> ourLocal = ours.effectiveLocalId();
        if (ourLocal.isPresent() && !ourLocal.get().equals(theirs.effectiveRemoteId())) {
            out.add(mismatch("LOCAL_ID_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.localId", ourLocal.get(),
                    theirs.effectiveRemoteId(), "we identify as " + describe(ourLocal.get()) + " but the peer expects "
                            + describe(theirs.effectiveRemoteId()) + "; it finds no matching configuration and answers"
                            + " AUTHENTICATION_FAILED"));
        }
        Optional<Identity> theirLocal = theirs.effectiveLocalId();
        if (theirLocal.isPresent() && !theirLocal.get().equals(ours.effectiveRemoteId())) {
            out.add(mismatch("REMOTE_ID_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.remoteId",
                    ours.effectiveRemoteId(), theirLocal.get(), "we expect the peer to identify as "
                            + describe(ours.effectiveRemoteId()) + " but it identifies as " + describe(theirLocal.get())
                            + "; IKEv2 sends the ID we expect (IDr), the peer finds no configuration for it and answers"
                            + " AUTHENTICATION_FAILED (a peer that ignores IDr is refused by us instead)"));
        }
        long a = ours.lifetime().time().toSeconds();
        long b = theirs.lifetime().time().toSeconds();
        if (a != b) {
            out.add(mismatch("IKE_LIFETIME_DIFFERS", Severity.WARNING, Phase.NONE, "phaseOne.lifetime", a + "s", b + "s",
                    "the IKE SA lifetimes differ; the shorter one (" + Math.min(a, b) + "s) decides when it is rekeyed"
                            + (ours.ikeVersion().isV1() ? ", and strict IKEv1 responders refuse a proposal with a longer lifetime than theirs" : "")));
        }
    }

    private static void phaseTwo(PhaseTwo ours, PhaseTwo theirs, List<Finding> out) {
        if (ours.mode() != theirs.mode()) {
            out.add(mismatch("ESP_MODE_MISMATCH", Severity.ERROR, Phase.PHASE_2, "phaseTwo.mode", ours.mode(), theirs.mode(),
                    "one end wants tunnel mode and the other transport mode; the CHILD SA is refused or carries packets the other end drops"));
        }
        long a = ours.lifetime().time().toSeconds();
        long b = theirs.lifetime().time().toSeconds();
        if (a != b) {
            out.add(mismatch("CHILD_LIFETIME_DIFFERS", Severity.WARNING, Phase.NONE, "phaseTwo.lifetime", a + "s", b + "s",
                    "the CHILD SA lifetimes differ; the shorter one (" + Math.min(a, b) + "s) decides when it is rekeyed"));
        }
        if (ours.dpd().isPresent() != theirs.dpd().isPresent()) {
            out.add(mismatch("DPD_DIFFERS", Severity.INFO, Phase.NONE, "phaseTwo.dpd",
                    ours.dpd().map(Object::toString).orElse("off"), theirs.dpd().map(Object::toString).orElse("off"),
                    "only one end runs dead peer detection; the other answers its probes but notices a dead peer only when SAs expire"));
        } else if (ours.dpd().isPresent() && !ours.dpd().get().equals(theirs.dpd().get())) {
            out.add(mismatch("DPD_DIFFERS", Severity.INFO, Phase.NONE, "phaseTwo.dpd", ours.dpd().get(), theirs.dpd().get(),
                    "the ends detect a dead peer after different times and react differently; harmless, but failover times differ"));
        }
    }

    private static String pskHint(PhaseOne ours, PhaseOne theirs) {
        String a = ours.sharedSecret().reveal();
        String b = theirs.sharedSecret().reveal();
        if (a.strip().equals(b.strip())) {
            return " only in leading or trailing white space (a copy-and-paste slip)";
        }
        if (a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT))) {
            return " only in letter case";
        }
        return "";
    }

    private static String describe(Identity id) {
        return id + " (" + id.type() + ")";
    }

    static Finding mismatch(String code, Severity severity, Phase phase, String path, Object ours, Object theirs,
            String message) {
        return Finding.builder().code(code).severity(severity).phase(phase).path(path).message(message)
                .localValue(String.valueOf(ours)).remoteValue(String.valueOf(theirs)).build();
    }
}
