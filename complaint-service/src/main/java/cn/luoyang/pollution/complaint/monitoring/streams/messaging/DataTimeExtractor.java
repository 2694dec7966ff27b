package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time is when the monitor measured (DataTime), not when the receiver or broker got the reading. */
final class DataTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof MonitorReadingReceived reading && reading.dataTime() != null) {
            return reading.dataTime().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
