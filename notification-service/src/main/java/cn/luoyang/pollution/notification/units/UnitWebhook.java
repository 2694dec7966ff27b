package cn.luoyang.pollution.notification.units;

/** POSTs an alert to a unit's endpoint. */
public interface UnitWebhook {

    /** @throws RuntimeException when the endpoint did not answer 2xx */
    void post(UnitAlert alert);
}
