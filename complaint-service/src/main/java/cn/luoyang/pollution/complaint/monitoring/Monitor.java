package cn.luoyang.pollution.complaint.monitoring;

/**
 * A registered online monitor (在线监测设备): its MN, the hash of its access password (never the password),
 * the source it watches (a construction site or enterprise) and the unit responsible for that source.
 */
public record Monitor(String mn, String passwordHash, String sourceId, String responsibleUnit) {
}
