package cn.luoyang.pollution.complaint.monitoring;

import java.util.Optional;

/** The device's flag on a value (数据标记), HJ 212-2017: what state the instrument was in when it measured. */
public enum DataFlag {
    /** 在线监控(监测)仪器仪表工作正常. */
    N,
    /** 停运. */
    F,
    /** 维护. */
    M,
    /** 手工输入的设定值. */
    S,
    /** 故障. */
    D,
    /** 校准. */
    C,
    /** 超测上限. */
    T,
    /** 通讯异常. */
    B;

    public static Optional<DataFlag> of(String text) {
        for (DataFlag flag : values()) {
            if (flag.name().equals(text)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
