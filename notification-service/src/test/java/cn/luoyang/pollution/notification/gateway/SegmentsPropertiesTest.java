package cn.luoyang.pollution.notification.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class SegmentsPropertiesTest {

    @Property
    void segmentsJoinBackToTheTextAndEachFitsIn140Bytes(@ForAll @StringLength(max = 400) String text) {
        List<String> parts = Segments.split(text);
        assertThat(String.join("", parts)).isEqualTo(text);
        if (parts.size() > 1) {
            assertThat(parts).allSatisfy(p -> assertThat(Segments.withUdh(1, parts.size(), 1, p).length).isLessThanOrEqualTo(140));
        } else {
            assertThat(Segments.ucs2(text).length).isLessThanOrEqualTo(140);
        }
    }
}
