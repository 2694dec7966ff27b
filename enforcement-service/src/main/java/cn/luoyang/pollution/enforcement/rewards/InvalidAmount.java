package cn.luoyang.pollution.enforcement.rewards;

/** An approval's amount outside the rule's range: 400 naming {@code amountYuan}. */
public class InvalidAmount extends IllegalArgumentException {

    public InvalidAmount(String message) {
        super(message);
    }
}
