package cn.luoyang.pollution.notification.survey;

/** Tells enforcement how the reporter rated the closure ({@code ReporterFeedbackReceived}). */
public interface FeedbackEvents {

    void publish(Survey answered);
}
