package cn.luoyang.pollution.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: allowed exactly when the table says so. */
class PublicStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "RECEIVED>DISPATCHED", "RECEIVED>MERGED", "RECEIVED>AWAITING_MANUAL_DISPATCH",
            "DISPATCHED>DISPATCHED", "DISPATCHED>ACCEPTED", "DISPATCHED>AWAITING_MANUAL_DISPATCH", "DISPATCHED>CLOSED",
            "MERGED>DISPATCHED", "MERGED>ACCEPTED", "MERGED>AWAITING_MANUAL_DISPATCH", "MERGED>CLOSED",
            "AWAITING_MANUAL_DISPATCH>DISPATCHED", "AWAITING_MANUAL_DISPATCH>MERGED",
            "ACCEPTED>DISPATCHED", "ACCEPTED>CLOSED",
            "CLOSED>REOPENED",
            "REOPENED>DISPATCHED", "REOPENED>ACCEPTED", "REOPENED>CLOSED");

    static Stream<Arguments> pairs() {
        return Stream.of(PublicStatus.values()).flatMap(from -> Stream.of(PublicStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(PublicStatus from, PublicStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void onlyClosedCountsAsClosedForOpen311(PublicStatus status) {
        assertThat(status.isOpen()).isEqualTo(status != PublicStatus.CLOSED);
        assertThat(status.zh()).isNotBlank();
        assertThat(status.en()).isNotBlank();
    }

    static Stream<PublicStatus> everyStatus() {
        return Stream.of(PublicStatus.values());
    }
}
