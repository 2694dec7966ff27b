package cn.luoyang.pollution.enforcement.clocks;

import cn.luoyang.pollution.contracts.cases.ClockName;

/** The three limits a case is held to, e.g. STANDARD: sign 1wd, on site 2wd, close 15wd. */
public record DeadlineProfile(String name, TimeLimit sign, TimeLimit onsite, TimeLimit close) {

    public TimeLimit limitOf(ClockName clock) {
        return switch (clock) {
            case SIGN -> sign;
            case ONSITE -> onsite;
            case CLOSE -> close;
            case RECTIFY -> throw new IllegalArgumentException("a rectification order sets its own deadline");
        };
    }
}
