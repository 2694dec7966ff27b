package cn.luoyang.pollution.dispatch.grids;

/**
 * One row of a roster import: a person of a grid in a role ({@code LEADER} 网格长 or {@code MEMBER} 网格员).
 *
 * @param line the row's line in the file (the header is line 1), for error messages
 */
public record RosterRow(int line, String gridId, String role, String userId, String name) {
}
