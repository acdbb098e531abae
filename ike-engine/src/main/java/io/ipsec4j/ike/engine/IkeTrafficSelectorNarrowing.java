package io.ipsec4j.ike.engine;

import io.ipsec4j.model.AddressRange;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PortRange;
import io.ipsec4j.model.TrafficSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Traffic selector narrowing: the responder answers with the intersection of what the initiator
 * proposed and what its policy allows, and the initiator checks that the answer is a subset of
 * its proposal.
 *
 * <p>RFC 7296 §2.9: "the responder is allowed to narrow the choices by selecting a subset of the
 * traffic"; if nothing is left, it answers TS_UNACCEPTABLE. The first selector of a TS payload may
 * be the packet that triggered the exchange; this engine narrows every selector alike.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
final class IkeTrafficSelectorNarrowing {
    private IkeTrafficSelectorNarrowing() {
    }

    /** Returns every non-empty intersection of a proposed selector with a policy selector, without repeats. */
    static List<TrafficSelector> narrow(List<TrafficSelector> proposed, List<TrafficSelector> policy) {
        List<TrafficSelector> out = new ArrayList<>();
        for (TrafficSelector p : proposed) {
            for (TrafficSelector q : policy) {
                intersect(p, q).filter(ts -> !out.contains(ts)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Returns {@code true} if every selector of {@code answer} lies within one of {@code proposed}. */
    static boolean isSubset(List<TrafficSelector> answer, List<TrafficSelector> proposed) {
        return !answer.isEmpty() && answer.stream().allMatch(a -> proposed.stream().anyMatch(p -> p.covers(a)));
    }

    /** Returns the traffic both selectors match, or empty. */
    static Optional<TrafficSelector> intersect(TrafficSelector a, TrafficSelector b) {
        if (a.family() != b.family()) {
            return Optional.empty();
        }
        int protocol;
        if (a.protocol() == b.protocol() || b.protocol() == TrafficSelector.ANY_PROTOCOL) {
            protocol = a.protocol();
        } else if (a.protocol() == TrafficSelector.ANY_PROTOCOL) {
            protocol = b.protocol();
        } else {
            return Optional.empty();
        }
        IpAddress start = max(a.addresses().start(), b.addresses().start());
        IpAddress end = min(a.addresses().end(), b.addresses().end());
        int portStart = Math.max(a.ports().start(), b.ports().start());
        int portEnd = Math.min(a.ports().end(), b.ports().end());
        if (start.compareTo(end) > 0 || portStart > portEnd) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrafficSelector.of(AddressRange.of(start, end), protocol, PortRange.of(portStart, portEnd)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // ports without a protocol that has ports: nothing both can express
        }
    }

    private static IpAddress max(IpAddress a, IpAddress b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static IpAddress min(IpAddress a, IpAddress b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
