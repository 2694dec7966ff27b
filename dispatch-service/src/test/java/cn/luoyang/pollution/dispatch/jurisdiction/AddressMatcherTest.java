package cn.luoyang.pollution.dispatch.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.support.Luoyang;
import org.junit.jupiter.api.Test;

class AddressMatcherTest {

    private final AddressMatcher matcher = new AddressMatcher(Luoyang.jurisdiction().districts(), Luoyang.jurisdiction().divisions());

    private AddressMatch.Matched matched(String text) {
        AddressMatch match = matcher.match(text);
        assertThat(match).as(text).isInstanceOf(AddressMatch.Matched.class);
        return (AddressMatch.Matched) match;
    }

    @Test
    void fullDistrictNameIsFound() {
        assertThat(matched("河南省洛阳市涧西区长安路与中州西路交叉口").district().code()).isEqualTo("410305");
    }

    @Test
    void shortFormOfADistrictIsFound() {
        assertThat(matched("涧西长安路南段工地").district().code()).isEqualTo("410305");
        assertThat(matched("瀍河塔湾附近").district().code()).isEqualTo("410304");
    }

    @Test
    void townshipShortFormNamesItsDistrictToo() {
        AddressMatch.Matched m = matched("白马寺东边的麦地里有人烧秸秆");

        assertThat(m.township().name()).isEqualTo("白马寺镇");
        assertThat(m.district().code()).isEqualTo("410304");
    }

    @Test
    void communityIsFoundWithItsStreetAndDistrict() {
        AddressMatch.Matched m = matched("承福门社区门口烧烤摊");

        assertThat(m.village().code()).isEqualTo("410302001001");
        assertThat(m.district().code()).isEqualTo("410302");
    }

    @Test
    void townshipNameSharedByCountiesIsAmbiguousAlone() {
        AddressMatch match = matcher.match("城关镇北街");

        assertThat(match).isInstanceOf(AddressMatch.Ambiguous.class);
        assertThat(((AddressMatch.Ambiguous) match).candidates()).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(c -> c.contains("410325100"));
    }

    @Test
    void districtNarrowsASharedTownshipName() {
        AddressMatch.Matched m = matched("嵩县城关镇北街");

        assertThat(m.township().code()).isEqualTo("410325100");
    }

    @Test
    void contradictingNamesAreAmbiguous() {
        AddressMatch match = matcher.match("涧西区白马寺镇");

        assertThat(match).isInstanceOf(AddressMatch.Ambiguous.class);
        assertThat(((AddressMatch.Ambiguous) match).detail()).contains("contradict");
    }

    @Test
    void addressOutsideTheCityIsUnmatched() {
        assertThat(matcher.match("广州市天河区体育西路")).isInstanceOf(AddressMatch.Unmatched.class);
        assertThat(matcher.match("")).isInstanceOf(AddressMatch.Unmatched.class);
    }
}
