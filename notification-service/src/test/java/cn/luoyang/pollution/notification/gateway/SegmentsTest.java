package cn.luoyang.pollution.notification.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void seventyCharactersFitInOneMessage() {
        assertThat(Segments.split("洛".repeat(70))).hasSize(1);
    }

    @Test
    void seventyOneCharactersNeedTwoSegmentsOfAtMost67() {
        assertThat(Segments.split("洛".repeat(71))).extracting(String::length).containsExactly(67, 4);
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        List<String> parts = Segments.split(text);
        assertThat(parts.get(0)).endsWith("a").hasSize(66);
        assertThat(parts.get(1)).startsWith("😀");
    }

    @Test
    void concatenationHeaderNamesReferenceTotalAndSequence() {
        byte[] segment = Segments.withUdh(0x2A, 3, 2, "好");
        assertThat(segment).containsExactly(0x05, 0x00, 0x03, 0x2A, 0x03, 0x02, 0x59, 0x7D);
    }
}
