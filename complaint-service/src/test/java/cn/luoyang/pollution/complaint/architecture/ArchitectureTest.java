package cn.luoyang.pollution.complaint.architecture;

import cn.luoyang.pollution.testing.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (test-support's {@link ArchitectureRules}) over complaint-service. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitectureRules() {
        ArchitectureRules.forService("cn.luoyang.pollution.complaint",
                "..complaint.intake..", "..complaint.tracking..", "..complaint.open311..",
                "..complaint.media..", "..complaint.publication..", "..complaint.confidentiality..", "..complaint.monitoring..").check();
    }
}
