package cn.luoyang.pollution.dispatch.registry;

/** Kinds of registered pollution sources in the 台账. */
public enum SourceType {
    /** 建筑工地 */
    CONSTRUCTION_SITE,
    /** 工业企业 */
    ENTERPRISE,
    /** 入河排污口 */
    SEWAGE_OUTLET,
    /** 燃煤锅炉 */
    BOILER,
    /** 废品收购站 */
    SCRAP_YARD,
    /** 尾矿库 */
    TAILINGS_POND,
    /** 小散乱污企业 */
    SMALL_WORKSHOP,
    /** 畜禽养殖场 */
    LIVESTOCK_FARM,
    /** 餐饮单位 */
    RESTAURANT,
    /** 公路路段 (highways are the transport bureau's, city roads urban management's) */
    HIGHWAY_SECTION,
    /** 采砂场 */
    SAND_PIT
}
