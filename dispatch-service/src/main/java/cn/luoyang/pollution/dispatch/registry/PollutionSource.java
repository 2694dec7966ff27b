package cn.luoyang.pollution.dispatch.registry;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Instant;
import java.util.List;

/**
 * A registered pollution source (台账 entry) with the three people and units who answer for it:
 * 责任单位 (unit), 责任领导 (leader), 责任人 (person). Position in GCJ-02.
 *
 * @param investmentWanYuan construction investment in 万元 (10,000 yuan), for construction sites
 * @param ownerSystem       the department code of the industry system that owns it (管行业必须管环保), if any
 * @param districtCode      the district its position lies in, found at registration
 * @param monitors          the MNs of its online monitors (在线监测设备, HJ 212), each in one source only; a
 *                          monitor's fault is routed as a complaint about this source
 * @param responsibleMobile the responsible person's mobile, sealed and masked, if the registry was given one: a
 *                          case from one of the source's monitors is told to that person by SMS
 */
public record PollutionSource(
        String id,
        SourceType type,
        String name,
        double longitude,
        double latitude,
        String districtCode,
        String address,
        String responsibleUnit,
        String responsibleLeader,
        String responsiblePerson,
        Long investmentWanYuan,
        String ownerSystem,
        String waterBody,
        Instant registeredAt,
        List<String> monitors,
        ResponsibleMobile responsibleMobile) {

    public PollutionSource {
        monitors = monitors == null ? List.of() : List.copyOf(monitors);
    }

    /** A source without a responsible person's mobile. */
    public PollutionSource(String id, SourceType type, String name, double longitude, double latitude, String districtCode,
            String address, String responsibleUnit, String responsibleLeader, String responsiblePerson,
            Long investmentWanYuan, String ownerSystem, String waterBody, Instant registeredAt, List<String> monitors) {
        this(id, type, name, longitude, latitude, districtCode, address, responsibleUnit, responsibleLeader,
                responsiblePerson, investmentWanYuan, ownerSystem, waterBody, registeredAt, monitors, null);
    }

    public LonLat position() {
        return new LonLat(longitude, latitude);
    }

    public boolean hasOwnerSystem() {
        return ownerSystem != null && !ownerSystem.isBlank();
    }
}
