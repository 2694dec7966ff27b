package cn.luoyang.pollution.complaint.monitoring.messaging;

import cn.luoyang.pollution.complaint.monitoring.Refusal;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the TCP stream into frames at each CR LF (HJ 212 packets are ASCII lines) and passes each frame on as
 * {@code byte[]} without its CR LF. What cannot be a packet is passed on as its {@link Refusal}: a frame
 * longer than the largest packet ({@code OVERSIZED}, its bytes skipped up to the next LF, the connection
 * kept), a bare LF ({@code BAD_TERMINATOR}), bytes left when the connection ends ({@code TRUNCATED}).
 * A stream that runs on past {@code abuseBytes} without any LF is abuse: {@link Unterminated} is passed on,
 * everything after it ignored, and the next handler closes the connection, so nobody can hold a connection
 * by streaming garbage.
 */
final class FrameSplitter extends ByteToMessageDecoder {

    /** The connection was closed for an oversized frame that never ended. */
    record Unterminated(long bytes) {
    }

    private final int maxFrame;
    private final long abuseBytes;
    private long discarded = -1;
    private boolean abandoned;

    FrameSplitter(int maxFrame, long abuseBytes) {
        this.maxFrame = maxFrame;
        this.abuseBytes = abuseBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (abandoned) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (discarded >= 0 || in.readableBytes() > maxFrame + 1) {
                    discard(in, in.readableBytes(), out);
                }
                return;
            }
            int line = lf - in.readerIndex();
            if (discarded >= 0) {
                in.skipBytes(line + 1);
                discarded = -1;
                out.add(Refusal.OVERSIZED);
                continue;
            }
            boolean cr = line > 0 && in.getByte(lf - 1) == '\r';
            int frameLength = cr ? line - 1 : line;
            if (frameLength > maxFrame) {
                in.skipBytes(line + 1);
                out.add(Refusal.OVERSIZED);
            } else if (!cr) {
                in.skipBytes(line + 1);
                out.add(Refusal.BAD_TERMINATOR);
            } else {
                byte[] frame = new byte[frameLength];
                in.readBytes(frame);
                in.skipBytes(2);
                out.add(frame);
            }
        }
    }

    private void discard(ByteBuf in, int bytes, List<Object> out) {
        in.skipBytes(bytes);
        discarded = Math.max(discarded, 0) + bytes;
        if (discarded > abuseBytes) {
            out.add(new Unterminated(discarded));
            discarded = -1;
            abandoned = true;
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!abandoned && (in.isReadable() || discarded >= 0)) {
            out.add(discarded >= 0 ? Refusal.OVERSIZED : Refusal.TRUNCATED);
            in.skipBytes(in.readableBytes());
            discarded = -1;
        }
    }
}
