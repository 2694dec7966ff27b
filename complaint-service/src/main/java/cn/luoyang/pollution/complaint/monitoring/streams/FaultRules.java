package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fault rules as data: a CSV with the header
 * {@code rule,kind,factor,interval,window,limit,consecutive,hours,clear} ({@code #} starts a comment line), e.g.
 * {@code pm10-hourly,EXCEEDANCE,a34002,minute,PT1H,150,2,06-22,2} and {@code offline,OFFLINE,,,PT30M,,,,}.
 * {@code hours} is {@code HH-HH} Beijing time (empty: all day); at most one {@code OFFLINE} rule.
 */
public record FaultRules(List<FaultRule> exceedance, Optional<FaultRule> offline) {

    private static final String HEADER = "rule,kind,factor,interval,window,limit,consecutive,hours,clear";

    public static FaultRules read(Reader csv) throws IOException {
        List<FaultRule> exceedance = new ArrayList<>();
        List<FaultRule> offline = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader lines = new BufferedReader(csv);
        boolean header = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!trimmed.replace(" ", "").equals(HEADER)) {
                    throw new IllegalArgumentException("fault rules: the first line must be " + HEADER);
                }
                header = true;
                continue;
            }
            FaultRule rule = parse(trimmed.split(",", -1), number);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("fault rules line " + number + ": rule " + rule.id() + " twice");
            }
            (rule.kind() == FaultKind.OFFLINE ? offline : exceedance).add(rule);
        }
        if (offline.size() > 1) {
            throw new IllegalArgumentException("fault rules: at most one OFFLINE rule");
        }
        return new FaultRules(List.copyOf(exceedance), offline.stream().findFirst());
    }

    private static FaultRule parse(String[] f, int number) {
        if (f.length != 9) {
            throw new IllegalArgumentException("fault rules line " + number + ": 9 fields expected, got " + f.length);
        }
        try {
            FaultKind kind = FaultKind.valueOf(f[1].strip());
            int from = 0;
            int to = 24;
            if (!f[7].isBlank()) {
                String[] hours = f[7].strip().split("-");
                from = Integer.parseInt(hours[0]);
                to = Integer.parseInt(hours[1]);
            }
            return new FaultRule(f[0].strip(), kind, blankToNull(f[2]), f[3].isBlank() ? "minute" : f[3].strip(),
                    Duration.parse(f[4].strip()), f[5].isBlank() ? null : Double.valueOf(f[5].strip()),
                    f[6].isBlank() ? 1 : Integer.parseInt(f[6].strip()), from, to,
                    f[8].isBlank() ? 1 : Integer.parseInt(f[8].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fault rules line " + number + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
