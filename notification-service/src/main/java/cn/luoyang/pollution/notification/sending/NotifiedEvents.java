package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.messages.SmsMessage;

/** Tells the platform that a message changed state ({@code ReporterNotified}). */
public interface NotifiedEvents {

    void publish(SmsMessage message);
}
