package cn.luoyang.pollution.dispatch.rules;

/** Heavy-pollution weather alert (重污染天气预警), from none up to red. */
public enum AlertLevel {
    NONE, BLUE, YELLOW, ORANGE, RED;

    public boolean atLeast(AlertLevel other) {
        return compareTo(other) >= 0;
    }
}
