package cn.luoyang.pollution.complaint.monitoring;

import java.util.concurrent.CompletionStage;

/** Where accepted readings go; completes once the reading is safely stored (the broker has it). */
public interface ReadingPublisher {

    CompletionStage<Void> publish(Reading reading, Monitor monitor);
}
