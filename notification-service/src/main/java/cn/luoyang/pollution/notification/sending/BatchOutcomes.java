package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of one sending batch as its phases (and the workers' gateway calls) decide them, to be
 * written in one go; with the cause of each unknown outcome, counted once its write succeeded.
 */
final class BatchOutcomes {

    private final List<SmsMessage> messages = new ArrayList<>();
    private final Map<String, UnknownOutcomes.Cause> unknown = new HashMap<>();

    synchronized void add(SmsMessage message, UnknownOutcomes.Cause cause) {
        messages.add(message);
        if (cause != null) {
            unknown.put(message.id(), cause);
        }
    }

    synchronized List<SmsMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized UnknownOutcomes.Cause unknownCause(SmsMessage message) {
        return unknown.get(message.id());
    }
}
