package cn.luoyang.pollution.notification.survey;

import cn.luoyang.pollution.contracts.notification.Satisfaction;
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

    /** The answer as the contracts name it ({@code Satisfaction}): the same three, by name. */
    public Satisfaction satisfaction() {
        return Satisfaction.valueOf(name());
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
