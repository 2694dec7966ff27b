package cn.luoyang.pollution.dispatch.architecture;

import cn.luoyang.pollution.testing.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (test-support's {@link ArchitectureRules}) over dispatch-service. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitectureRules() {
        ArchitectureRules.forService("cn.luoyang.pollution.dispatch",
                "..dispatch.geo..", "..dispatch.common..", "..dispatch.jurisdiction..", "..dispatch.registry..",
                "..dispatch.rules..", "..dispatch.duplicates..", "..dispatch.returns..", "..dispatch.queue..",
                "..dispatch.dispatching..", "..dispatch.grids..", "..dispatch.campaigns..").kitOutsideTheDomain().check();
    }
}
