package cn.luoyang.pollution.notification.gateway.smpp;

import java.time.Duration;

/**
 * Where and how to bind to the SMSC (短信中心).
 *
 * @param sourceAddress   the city's sender number or short code (e.g. 10690000012369)
 * @param enquireLink     how often the link is probed when idle (enquire_link)
 * @param responseTimeout how long a submit_sm waits for its response; after it the outcome is unknown
 * @param reconnectDelay  the wait between bind attempts after the link is lost
 */
public record SmppSettings(String host, int port, String systemId, String password, String systemType,
        String sourceAddress, Duration enquireLink, Duration responseTimeout, Duration reconnectDelay) {

    @Override
    public String toString() {
        return "SmppSettings[" + systemId + "@" + host + ":" + port + ", password=<hidden>]";
    }
}
