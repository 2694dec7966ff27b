package cn.luoyang.pollution.enforcement.architecture;

import cn.luoyang.pollution.testing.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (test-support's {@link ArchitectureRules}) over enforcement-service. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitectureRules() {
        ArchitectureRules.forService("cn.luoyang.pollution.enforcement",
                "..enforcement.cases..", "..enforcement.clocks..", "..enforcement.officers..",
                "..enforcement.statistics..", "..enforcement.supervision..", "..enforcement.accounts..").kitOutsideTheDomain().check();
    }
}
