package io.ipsec4j.config.strongswan;

import java.util.Objects;

/**
 * Choices for writing swanctl.conf that the tunnel model does not make: what the daemon does with a
 * connection when it is loaded and when the peer closes it, how route-based tunnels are bound to
 * their interface, and whether ESP is always UDP-encapsulated.
 *
 * @param startAction what to do when the configuration is loaded ({@code start_action})
 * @param closeAction what to do when the peer closes the CHILD SA ({@code close_action})
 * @param interfaceStyle how a route-based tunnel's SAs are tied to its interface
 * @param firstInterfaceId the XFRM interface id or VTI mark of the first route-based tunnel; the
 *     next ones count up from it (1..0xfffffff0)
 * @param forceEncapsulation write {@code encap = yes}: UDP-encapsulate ESP even without NAT
 *     (userspace ESP, some firewalls)
 * @see <a href="https://docs.strongswan.org/docs/5.9/swanctl/swanctlConf.html">swanctl.conf</a>
 */
public record SwanctlOptions(Action startAction, Action closeAction, InterfaceStyle interfaceStyle,
        long firstInterfaceId, boolean forceEncapsulation) {
    /** What charon does with a CHILD SA: nothing, install a trap policy, or initiate it. */
    public enum Action {
        /** {@code none}: wait for the peer or a {@code swanctl --initiate}. */
        NONE("none"),
        /** {@code trap}: negotiate on the first matching packet. */
        TRAP("trap"),
        /** {@code start}: initiate at once (and, as close action, again when the peer closes it). */
        START("start");

        private final String keyword;

        Action(String keyword) {
            this.keyword = keyword;
        }

        /** The swanctl.conf keyword. */
        public String keyword() {
            return keyword;
        }
    }

    /** How a route-based tunnel's SAs are bound to its interface on Linux. */
    public enum InterfaceStyle {
        /** XFRM interfaces (Linux 4.19+): {@code if_id_in}/{@code if_id_out}. */
        XFRM_INTERFACE,
        /** VTI devices: {@code mark_in}/{@code mark_out} matching the VTI's key, as AWS's strongSwan sample does. */
        VTI_MARK
    }

    /** Validates. */
    public SwanctlOptions {
        Objects.requireNonNull(startAction, "startAction");
        Objects.requireNonNull(closeAction, "closeAction");
        Objects.requireNonNull(interfaceStyle, "interfaceStyle");
        if (firstInterfaceId < 1 || firstInterfaceId > 0xfffffff0L) {
            throw new IllegalArgumentException("firstInterfaceId: " + firstInterfaceId + " (expected: 1..0xfffffff0)");
        }
    }

    /** Start at once, nothing on close, XFRM interfaces from id 1, no forced encapsulation. */
    public static SwanctlOptions defaults() {
        return new SwanctlOptions(Action.START, Action.NONE, InterfaceStyle.XFRM_INTERFACE, 1, false);
    }

    /** These options with another start action. */
    public SwanctlOptions withStartAction(Action action) {
        return new SwanctlOptions(action, closeAction, interfaceStyle, firstInterfaceId, forceEncapsulation);
    }

    /** These options with another close action. */
    public SwanctlOptions withCloseAction(Action action) {
        return new SwanctlOptions(startAction, action, interfaceStyle, firstInterfaceId, forceEncapsulation);
    }

    /** These options with another interface style. */
    public SwanctlOptions withInterfaceStyle(InterfaceStyle style) {
        return new SwanctlOptions(startAction, closeAction, style, firstInterfaceId, forceEncapsulation);
    }

    /** These options with UDP encapsulation forced on or off. */
    public SwanctlOptions withForceEncapsulation(boolean force) {
        return new SwanctlOptions(startAction, closeAction, interfaceStyle, firstInterfaceId, force);
    }
}
