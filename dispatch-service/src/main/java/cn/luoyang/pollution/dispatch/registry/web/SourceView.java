package cn.luoyang.pollution.dispatch.registry.web;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import java.time.Instant;
import java.util.List;

/**
 * A registered source as the registry's API answers it: everything the registry keeps, but the responsible
 * person's mobile only masked ({@code 139****0001}); its sealed form never leaves the service but for the one
 * event that tells notification-service whom to text.
 */
public record SourceView(String id, String type, String name, double longitude, double latitude, String districtCode,
        String address, String responsibleUnit, String responsibleLeader, String responsiblePerson, String responsibleMobile,
        Long investmentWanYuan, String ownerSystem, String waterBody, Instant registeredAt, List<String> monitors) {

    static SourceView of(PollutionSource s) {
        return new SourceView(s.id(), s.type().name(), s.name(), s.longitude(), s.latitude(), s.districtCode(), s.address(),
                s.responsibleUnit(), s.responsibleLeader(), s.responsiblePerson(),
                s.responsibleMobile() == null ? null : s.responsibleMobile().masked(), s.investmentWanYuan(), s.ownerSystem(),
                s.waterBody(), s.registeredAt(), s.monitors());
    }
}
