package io.ipsec4j.ike;

import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageDecoder;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.InvalidMajorVersionException;
import io.ipsec4j.ike.v2.InvalidSyntaxException;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point that decodes any received IKE datagram into an IKEv1 or an IKEv2 message,
 * by the major version of its header.
 *
 * <p>On port 500 the datagram is the message; on port 4500 (NAT traversal) an IKE message follows
 * the four zero bytes of the non-ESP marker, anything else being ESP (RFC 3948 §2.2, RFC 3947 §4).
 * Major version 1 goes to {@link IkeV1MessageDecoder}, 2 to {@link IkeMessageDecoder}; any other is
 * an {@link InvalidMajorVersionException}. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.5">RFC 7296 §2.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2.2">RFC 3948 §2.2</a>
 */
public final class IkeDatagramDecoder {
    /** Length of the non-ESP marker before an IKE message on port 4500. */
    public static final int NON_ESP_MARKER_LENGTH = 4;

    private final IkeV1MessageDecoder v1;
    private final IkeMessageDecoder v2;

    /** A decoded datagram: exactly one of the two messages. */
    public record Decoded(IkeV1Message ikeV1Message, IkeMessage ikeV2Message) {
        /** Validates that exactly one is present. */
        public Decoded {
            if ((ikeV1Message == null) == (ikeV2Message == null)) {
                throw new IllegalArgumentException("expected exactly one of an IKEv1 and an IKEv2 message");
            }
        }

        /** Returns the major version, 1 or 2. */
        public int majorVersion() {
            return ikeV1Message != null ? IkeHeaders.MAJOR_VERSION_1 : IkeHeaders.MAJOR_VERSION_2;
        }

        /** Returns the IKEv1 message, if it is one. */
        public Optional<IkeV1Message> ikeV1() {
            return Optional.ofNullable(ikeV1Message);
        }

        /** Returns the IKEv2 message, if it is one. */
        public Optional<IkeMessage> ikeV2() {
            return Optional.ofNullable(ikeV2Message);
        }
    }

    /** Creates a decoder with {@link IkeDecoderLimits#DEFAULT}. */
    public IkeDatagramDecoder() {
        this(IkeDecoderLimits.DEFAULT);
    }

    /** Creates a decoder with {@code limits} for both versions. */
    public IkeDatagramDecoder(IkeDecoderLimits limits) {
        Objects.requireNonNull(limits, "limits");
        this.v1 = new IkeV1MessageDecoder(limits);
        this.v2 = new IkeMessageDecoder(limits);
    }

    /**
     * Decodes a datagram received on port 500 ({@code natTraversalPort} false) or 4500 (true).
     *
     * @throws IkeProtocolException for a malformed datagram, ESP on port 4500 or an unknown major version
     */
    public Decoded decode(ByteBuf datagram, boolean natTraversalPort) throws IkeProtocolException {
        Objects.requireNonNull(datagram, "datagram");
        if (natTraversalPort) {
            if (datagram.readableBytes() < NON_ESP_MARKER_LENGTH
                    || datagram.getInt(datagram.readerIndex()) != 0) {
                throw new InvalidSyntaxException("port 4500 datagram without the non-ESP marker (expected: 4 zero bytes)");
            }
            datagram.skipBytes(NON_ESP_MARKER_LENGTH);
        }
        int major = IkeHeaders.majorVersion(datagram);
        if (major == IkeHeaders.MAJOR_VERSION_1) {
            return new Decoded(v1.decode(datagram), null);
        }
        if (major == IkeHeaders.MAJOR_VERSION_2) {
            return new Decoded(null, v2.decode(datagram));
        }
        if (major < 0) {
            throw new InvalidSyntaxException("datagram length: " + datagram.readableBytes()
                    + " (expected: >= " + IkeHeaders.HEADER_LENGTH + ")");
        }
        throw new InvalidMajorVersionException("major version: " + major + " (expected: 1 or 2)");
    }
}
