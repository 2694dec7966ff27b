package cn.luoyang.pollution.contracts.dispatch;

/** Which level of the lead department answers for a case (属地层级). On the wire as its name. */
public enum Level {
    /** 市级: the city's department (territory 410300). */
    CITY,
    /** 县区: the county/district department. */
    DISTRICT,
    /** 乡镇/街道. */
    TOWNSHIP,
    /** 网格. */
    GRID
}
