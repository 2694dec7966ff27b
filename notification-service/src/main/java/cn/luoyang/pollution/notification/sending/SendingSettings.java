package cn.luoyang.pollution.notification.sending;

import java.time.Duration;

/**
 * How the sender works through the queue.
 *
 * @param batch        messages claimed per round
 * @param lease        how long a claim holds before another sender may take the message again
 * @param contactWait  how long a message waits for its reporter's contact (the registration event
 *                     travels on another topic and may arrive later) before it fails
 * @param retry        the wait after the gateway did not take a message
 * @param giveUpAfter  a message the gateway has not taken for this long fails
 * @param surveyWindow how long after the closure message a "1/2/3" reply counts as the answer
 */
public record SendingSettings(int batch, Duration lease, Duration contactWait, Backoff retry, Duration giveUpAfter,
        Duration surveyWindow) {

    public static SendingSettings defaults() {
        return new SendingSettings(50, Duration.ofMinutes(2), Duration.ofHours(1),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)), Duration.ofDays(2), Duration.ofDays(7));
    }
}
