package cn.luoyang.pollution.complaint.monitoring.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.monitoring.cases.*}: how a monitor's fault becomes a complaint.
 *
 * @param categories the complaint category per HJ 212 factor code ({@code a34002}, {@code LA}, …), and for a monitor
 *                   gone silent under the key {@code OFFLINE}
 */
@ConfigurationProperties("complaints.monitoring.cases")
public record MonitorCasesProperties(Map<String, String> categories) {

    public MonitorCasesProperties {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }
}
