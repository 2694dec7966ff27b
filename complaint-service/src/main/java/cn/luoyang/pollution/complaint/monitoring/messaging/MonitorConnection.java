package cn.luoyang.pollution.complaint.monitoring.messaging;

import cn.luoyang.pollution.complaint.monitoring.DeviceSession;
import cn.luoyang.pollution.complaint.monitoring.Outcome;
import cn.luoyang.pollution.complaint.monitoring.ReadingPublisher;
import cn.luoyang.pollution.complaint.monitoring.Receiver;
import cn.luoyang.pollution.complaint.monitoring.Refusal;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's connection: hands each frame to the {@link Receiver}, counts refusals, publishes accepted
 * readings and answers the device once the broker has its reading. A bad packet is counted and answered
 * when the standard says so; the connection stays open for the next one.
 */
final class MonitorConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MonitorConnection.class);

    private final Receiver receiver;
    private final ReadingPublisher publisher;
    private final ReceiverMeters meters;
    private final Semaphore inFlight;
    private final DeviceSession session = new DeviceSession();

    MonitorConnection(Receiver receiver, ReadingPublisher publisher, ReceiverMeters meters, Semaphore inFlight) {
        this.receiver = receiver;
        this.publisher = publisher;
        this.meters = meters;
        this.inFlight = inFlight;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof byte[] frame) {
            receive(ctx, frame);
        } else if (message instanceof Refusal framing) {
            meters.refused(framing);
        } else if (message instanceof FrameSplitter.Unterminated unterminated) {
            meters.refused(Refusal.OVERSIZED);
            meters.dropped("unterminated");
            log.info("closing {}: {} bytes without a line end", ctx.channel().remoteAddress(), unterminated.bytes());
            ctx.close();
        }
    }

    private void receive(ChannelHandlerContext ctx, byte[] frame) {
        Outcome outcome = receiver.receive(frame, session);
        if (outcome instanceof Outcome.Refused refused) {
            meters.refused(refused.reason());
            refused.answer().ifPresent(answer -> ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)));
        } else if (outcome instanceof Outcome.Accepted accepted) {
            publish(ctx, accepted);
        }
    }

    private void publish(ChannelHandlerContext ctx, Outcome.Accepted accepted) {
        if (!inFlight.tryAcquire()) {
            meters.refused(Refusal.OVERLOADED);
            return;
        }
        publisher.publish(accepted.reading(), accepted.monitor()).whenComplete((stored, failure) -> {
            inFlight.release();
            if (failure != null) {
                meters.unpublished();
                log.warn("reading of {} not stored, not acknowledged: {}", accepted.reading().mn(), failure.toString());
                return;
            }
            meters.accepted();
            accepted.answer().ifPresent(answer -> ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)));
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            meters.dropped("idle");
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ctx.close();
        } else {
            log.error("receiver failed on a frame from {}; connection kept", ctx.channel().remoteAddress(), cause);
        }
    }
}
