package cn.luoyang.pollution.complaint.monitoring.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import org.junit.jupiter.api.Test;

/** One open case per monitor and fault: an exceedance per factor, offline per monitor. */
class EpisodeKeyTest {

    @Test
    void exceedancesOfTwoFactorsOfOneMonitorAreTwoEpisodes() {
        assertThat(Episode.keyOf("LY0001", FaultKind.EXCEEDANCE, "a34002"))
                .isEqualTo("LY0001|EXCEEDANCE|a34002")
                .isNotEqualTo(Episode.keyOf("LY0001", FaultKind.EXCEEDANCE, "LA"));
    }

    @Test
    void aMonitorIsOfflineInOneEpisodeWhateverTheFaultNames() {
        assertThat(Episode.keyOf("LY0001", FaultKind.OFFLINE, null)).isEqualTo("LY0001|OFFLINE")
                .isEqualTo(Episode.keyOf("LY0001", FaultKind.OFFLINE, "a34002"));
    }

    @Test
    void theSameFaultOfTwoMonitorsIsTwoEpisodes() {
        assertThat(Episode.keyOf("LY0001", FaultKind.EXCEEDANCE, "a34002"))
                .isNotEqualTo(Episode.keyOf("LY0002", FaultKind.EXCEEDANCE, "a34002"));
    }
}
