package io.ipsec4j.ike.doctor;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * What a capture shows: the IKE SAs with how far each got, and the findings, most severe first.
 * {@link #verdict()} is the one line to print first; the rest is the evidence.
 */
public final class Diagnosis {
    private final List<IkeSaSummary> sas;
    private final List<Finding> findings;
    private final int ikeMessages;
    private final int espPackets;
    private final int skipped;

    Diagnosis(List<IkeSaSummary> sas, List<Finding> findings, int ikeMessages, int espPackets, int skipped) {
        this.sas = List.copyOf(sas);
        this.findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
        this.ikeMessages = ikeMessages;
        this.espPackets = espPackets;
        this.skipped = skipped;
    }

    /** The IKE SAs in order of their first message. */
    public List<IkeSaSummary> sas() {
        return sas;
    }

    /** Every finding, errors first. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings of severity ERROR. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** IKE messages and ESP packets seen; datagrams not decodable as IKE. */
    public int ikeMessages() {
        return ikeMessages;
    }

    public int espPackets() {
        return espPackets;
    }

    public int undecodable() {
        return skipped;
    }

    /** One line: the most severe finding's code, phase and sentence, or that nothing failed. */
    public String verdict() {
        if (findings.isEmpty() || findings.get(0).severity() != Severity.ERROR) {
            if (sas.isEmpty()) {
                return "NO IKE: the capture holds no IKE message";
            }
            return "OK: no failure seen (" + sas.get(sas.size() - 1).progress() + ")";
        }
        Finding f = findings.get(0);
        return f.code() + " [" + f.phase().displayName() + "]: " + f.message();
    }

    /** The verdict, then the findings and the SAs, one per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(verdict()).append('\n');
        findings.forEach(f -> sb.append("  ").append(f).append('\n'));
        sas.forEach(s -> {
            sb.append("  ").append(s).append('\n');
            s.exchanges().forEach(e -> sb.append("    ").append(e).append('\n'));
        });
        sb.append(String.format("  %d IKE message(s), %d ESP packet(s), %d undecodable%n", ikeMessages, espPackets,
                skipped));
        return sb.toString();
    }
}
