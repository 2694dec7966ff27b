package cn.luoyang.pollution.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code notification.smpp.*}: the SMSC to bind to when {@code notification.gateway=smpp}. */
@ConfigurationProperties("notification.smpp")
public class SmppProperties {

    private String host = "127.0.0.1";
    private int port = 2775;
    private String systemId = "";
    private String password = "";
    private String systemType = "";
    private String sourceAddress = "10690000012369";
    private Duration enquireLink = Duration.ofSeconds(30);
    private Duration responseTimeout = Duration.ofSeconds(10);
    private Duration reconnectDelay = Duration.ofSeconds(5);

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getSystemId() { return systemId; }
    public void setSystemId(String systemId) { this.systemId = systemId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSystemType() { return systemType; }
    public void setSystemType(String systemType) { this.systemType = systemType; }
    public String getSourceAddress() { return sourceAddress; }
    public void setSourceAddress(String sourceAddress) { this.sourceAddress = sourceAddress; }
    public Duration getEnquireLink() { return enquireLink; }
    public void setEnquireLink(Duration enquireLink) { this.enquireLink = enquireLink; }
    public Duration getResponseTimeout() { return responseTimeout; }
    public void setResponseTimeout(Duration responseTimeout) { this.responseTimeout = responseTimeout; }
    public Duration getReconnectDelay() { return reconnectDelay; }
    public void setReconnectDelay(Duration reconnectDelay) { this.reconnectDelay = reconnectDelay; }
}
