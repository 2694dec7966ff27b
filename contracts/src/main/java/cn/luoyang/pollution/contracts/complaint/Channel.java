package cn.luoyang.pollution.contracts.complaint;

/** How a report reached the city. */
public enum Channel {
    /** 12345 citizen service hotline, entered by an operator. */
    HOTLINE_12345,
    /** 12369 environmental hotline, entered by an operator. */
    HOTLINE_12369,
    WECHAT,
    WEB,
    /** Through the Open311 GeoReport v2 API. */
    OPEN311,
    /** Found by a grid member on patrol. */
    GRID_PATROL,
    /**
     * Online monitoring (在线监测): a monitor's readings over a limit, or a monitor gone silent, found by the
     * fault stream processor; there is no reporter (the complaint carries {@link MonitorTrigger}).
     */
    ONLINE_MONITORING
}
