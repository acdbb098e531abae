package io.ipsec4j.ike.v2;

import io.ipsec4j.model.TrafficSelector;
import java.util.List;
import java.util.Objects;

/**
 * A TS payload's selectors split into those the model can express and those it cannot, in their
 * wire order.
 *
 * <p>The wire allows selectors the model's {@link TrafficSelector} does not (other TS types, the
 * OPAQUE port range 65535–0, ports restricted with protocol 0, a start after the end). They are kept
 * here rather than dropped: a responder that narrows the offer, or explains a TS_UNACCEPTABLE,
 * must see everything the peer proposed (RFC 7296 §2.9).
 *
 * @param selectors the selectors the model expresses
 * @param inexpressible the wire selectors it cannot express (see
 *     {@link IkeTrafficSelector#toTrafficSelector()})
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
public record IkeTsConversion(List<TrafficSelector> selectors, List<IkeTrafficSelector> inexpressible) {

    /** Copies both lists. */
    public IkeTsConversion {
        selectors = List.copyOf(Objects.requireNonNull(selectors, "selectors"));
        inexpressible = List.copyOf(Objects.requireNonNull(inexpressible, "inexpressible"));
    }

    /** Returns {@code true} if the model expresses every selector of the payload. */
    public boolean isComplete() {
        return inexpressible.isEmpty();
    }
}
