package io.ipsec4j.ike.capture;

import java.io.IOException;

/**
 * A capture file that is not a well-formed pcap or pcapng file, or exceeds a limit of
 * {@link PcapUdpReader}; the message names the offset and what was expected.
 *
 * <p>An {@link IOException}, so that callers reading a file from disk handle both in one place.
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message} (no secrets: a capture holds none that is shown). */
    public CaptureFormatException(String message) {
        super(message);
    }
}
