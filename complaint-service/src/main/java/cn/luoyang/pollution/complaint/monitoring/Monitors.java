package cn.luoyang.pollution.complaint.monitoring;

import java.util.Optional;

/** The monitor registry the receiver authenticates devices against. */
public interface Monitors {

    Optional<Monitor> byMn(String mn);
}
