package cn.luoyang.pollution.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicProjectionTest {

    @Test
    void aPositionIsShownAsTheCentreOfItsHundredthOfADegreeCell() {
        assertThat(PublicProjection.cell(34.61974)).isEqualTo(34.62);
        assertThat(PublicProjection.cell(112.45321)).isEqualTo(112.45);
        assertThat(PublicProjection.cell(112.4551)).isEqualTo(112.46);
        assertThat(PublicProjection.cell(34.6149)).isEqualTo(34.61);
    }

    @Test
    void twoReportsFromTheSameBlockCannotBeToldApart() {
        assertThat(PublicProjection.cell(34.6171)).isEqualTo(PublicProjection.cell(34.6229));
    }
}
