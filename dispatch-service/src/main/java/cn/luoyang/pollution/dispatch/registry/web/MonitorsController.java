package cn.luoyang.pollution.dispatch.registry.web;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Registry;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every registered online monitor (在线监测设备) at its source's position: the registry narrowed to what a map
 * needs (no responsible people), readable by the console's service account as well as by officers.
 */
@RestController
class MonitorsController {

    private final Registry registry;

    MonitorsController(Registry registry) {
        this.registry = registry;
    }

    /** One monitor: its MN and its source, the position in GCJ-02. */
    public record MonitorView(String mn, String sourceId, String sourceName, String sourceType, String districtCode,
            double longitude, double latitude, String datum) {
    }

    @GetMapping("/dispatch/monitors")
    public List<MonitorView> monitors() {
        return registry.all().stream()
                .flatMap(s -> s.monitors().stream().map(mn -> view(mn, s)))
                .sorted(Comparator.comparing(MonitorView::mn)).toList();
    }

    private static MonitorView view(String mn, PollutionSource s) {
        return new MonitorView(mn, s.id(), s.name(), s.type().name(), s.districtCode(), s.longitude(), s.latitude(), "GCJ02");
    }
}
