package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * An ISAKMP Notification payload: an error or status about an SA, with optional data.
 *
 * <p>DOI, protocol and SPI say which SA the notification is about: for ISAKMP SA notifications
 * such as DPD's R-U-THERE the SPI is the 16 bytes of both cookies and the data a 4-byte sequence
 * number (RFC 3706 §5); INITIAL-CONTACT carries the cookies too; RESPONDER-LIFETIME the ESP SPI
 * and lifetime attributes (RFC 2407 §4.6.3.1).
 *
 * @param doi the Domain of Interpretation
 * @param protocolId the Protocol-Id
 * @param spi the SPI (0-255 bytes)
 * @param notifyType the Notify Message Type
 * @param data the Notification Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.14">RFC 2408 §3.14</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.3">RFC 2407 §4.6.3</a>
 */
public record IkeV1NotificationPayload(long doi, int protocolId, Bytes spi, IkeV1NotifyType notifyType,
        Bytes data) implements IkeV1Payload {
    /** DOI, Protocol-Id, SPI Size, Notify Message Type. */
    private static final int FIXED = 8;

    /** Validates the ranges. */
    public IkeV1NotificationPayload {
        IkeV1Wire.checkUnsignedInt(doi, "doi");
        IkeV1Wire.checkRange(protocolId, "protocol id", 0, 255);
        IkeV1Wire.checkLength(spi, "spi", 255);
        Objects.requireNonNull(notifyType, "notifyType");
        IkeV1Wire.checkLength(data, "notification data", IkeV1Wire.MAX_BODY_LENGTH - FIXED - spi.length());
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.NOTIFICATION;
    }

    @Override
    public int bodyLength() {
        return FIXED + spi.length() + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt((int) doi);
        out.writeByte(protocolId);
        out.writeByte(spi.length());
        out.writeShort(notifyType.code());
        IkeV1Wire.writeBytes(out, spi);
        IkeV1Wire.writeBytes(out, data);
    }

    static IkeV1NotificationPayload decode(ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, FIXED, "notification");
        long doi = body.readUnsignedInt();
        int protocol = body.readUnsignedByte();
        int spiSize = body.readUnsignedByte();
        IkeV1NotifyType type = IkeV1NotifyType.valueOf(body.readUnsignedShort());
        Bytes spi = IkeV1Wire.readBytes(body, spiSize, "notification spi");
        return new IkeV1NotificationPayload(doi, protocol, spi, type, IkeV1Wire.readRemaining(body));
    }
}
