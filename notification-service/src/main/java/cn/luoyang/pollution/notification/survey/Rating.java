package cn.luoyang.pollution.notification.survey;

import java.util.Optional;

/** The closure survey's answers (回访满意度), as reporters type them: 1, 2 or 3. */
public enum Rating {
    /** 1 满意 */
    SATISFIED("1"),
    /** 2 基本满意 */
    BASICALLY_SATISFIED("2"),
    /** 3 不满意: enforcement reopens the case. */
    UNSATISFIED("3");

    private final String digit;

    Rating(String digit) {
        this.digit = digit;
    }

    public static Optional<Rating> ofDigit(String text) {
        for (Rating rating : values()) {
            if (rating.digit.equals(text)) {
                return Optional.of(rating);
            }
        }
        return Optional.empty();
    }
}
