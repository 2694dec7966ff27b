package cn.luoyang.pollution.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * record headers with the {@code ce_} prefix, values as UTF-8 bytes; the record value is the JSON
 * payload and the record key is the aggregate id.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Dead-letter headers: why a record could not be taken, and where it came from. */
    public static final String DLT_REASON = "x-dlt-reason";
    public static final String DLT_DETAIL = "x-dlt-detail";
    public static final String DLT_ORIGINAL_TOPIC = "x-dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "x-dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "x-dlt-original-offset";

    private CloudEventHeaders() {
    }
}
