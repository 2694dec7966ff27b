package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes realistic reports: the 12369 category mix, a point inside one of Luoyang's districts
 * (urban ones more often), a mainland mobile number, and, on request, a second report of an
 * incident already reported (a few metres and minutes from the first, another reporter), which
 * dispatch should merge into the first report's case.
 */
public final class ReportFactory {

    private static final Map<String, List<String>> PHRASES = Map.of(
            "AIR", List.of("空气中有刺鼻的气味, 持续很久", "工地扬尘很大, 没有洒水也没有覆盖", "烟囱冒黑烟, 味道很呛"),
            "NOISE", List.of("夜里十一点以后还在施工, 噪音很大", "厂房机器噪声一直不停", "广场舞音响太响, 影响休息"),
            "WATER", List.of("河里有一个排污口在排黑水", "池塘发黑发臭, 有死鱼"),
            "SOIL", List.of("路边倾倒了大量建筑垃圾", "有人在偷偷倾倒桶装废液", "树林被砍了一大片"));
    private static final List<String> SOURCES = List.of("hotline-12369", "hotline-12345", "wechat-miniapp");

    private final CategoryMix mix = CategoryMix.load();
    private final Districts districts = Districts.load();
    private final Random random;
    private final Clock clock;
    private final String runId;
    private long sequence;

    public ReportFactory(long seed, Clock clock, String runId) {
        this.random = new Random(seed);
        this.clock = clock;
        this.runId = runId;
    }

    public synchronized Report next() {
        String category = mix.pick(random);
        Districts.District district = districts.pick(random);
        double[] point = Districts.pointIn(district, random);
        String source = SOURCES.get(random.nextInt(SOURCES.size()));
        Channel channel = switch (source) {
            case "hotline-12369" -> Channel.HOTLINE_12369;
            case "hotline-12345" -> Channel.HOTLINE_12345;
            default -> Channel.WECHAT;
        };
        Instant now = clock.instant();
        return new Report(source, runId + "-" + (++sequence), channel, category, phrase(category),
                point[0], point[1], "洛阳市" + district.name(), now.minus(Duration.ofMinutes(random.nextInt(30))),
                phone());
    }

    /** Another reporter's report of the same incident: same category, within ~30 m, a few minutes later. */
    public synchronized Report duplicateOf(Report first) {
        double metres = 30;
        double dLat = (random.nextDouble() - 0.5) * 2 * metres / 111_000.0;
        double dLon = (random.nextDouble() - 0.5) * 2 * metres / (111_000.0 * Math.cos(Math.toRadians(first.latitude())));
        return new Report(first.sourceSystem(), runId + "-" + (++sequence), first.channel(), first.category(),
                first.description() + " (又一位群众反映)", first.longitude() + dLon, first.latitude() + dLat,
                first.addressText(), first.observedAt().plus(Duration.ofMinutes(random.nextInt(5))), phone());
    }

    /**
     * One valid 12369 report of {@code category} at a point inside the district {@code districtCode},
     * observed ten minutes ago, from a 139 number; {@code random} picks the point and the number.
     */
    public static Report inDistrict(String ticketPrefix, String districtCode, String category, String description,
                                    Random random) {
        Districts.District district = Districts.load().all().stream().filter(d -> d.code().equals(districtCode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no district " + districtCode));
        double[] point = Districts.pointIn(district, random);
        return new Report("system-tests", ticketPrefix + "-" + UUID.randomUUID(), Channel.HOTLINE_12369, category, description,
                point[0], point[1], "洛阳市" + district.name(), Instant.now().minusSeconds(600),
                "139" + String.format("%08d", random.nextInt(100_000_000)));
    }

    public synchronized Random random() {
        return random;
    }

    public List<Districts.District> districts() {
        return districts.all();
    }

    private String phrase(String category) {
        List<String> options = PHRASES.get(category.substring(0, category.indexOf('_')));
        return options.get(random.nextInt(options.size()));
    }

    /** A mainland mobile number as the kit reads it (some 1[3-9]x prefixes are not allotted to mobiles: drawn again). */
    private String phone() {
        while (true) {
            int second = 3 + random.nextInt(7);
            String candidate = "1" + second + String.format("%09d", random.nextInt(1_000_000_000));
            if (PhoneNumbers.isMainlandMobile(candidate)) {
                return candidate;
            }
        }
    }
}
