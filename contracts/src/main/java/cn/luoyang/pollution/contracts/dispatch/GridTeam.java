package cn.luoyang.pollution.contracts.dispatch;

import java.util.List;

/**
 * Who answers for one grid (网格) by the roster: its grid leader (网格长) and grid members (网格员),
 * by platform user id and display name; no phone numbers. The leader is null when the roster names none.
 */
public record GridTeam(String gridId, Member leader, List<Member> members) {

    public GridTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** One person of the team: the platform user id (the identity provider's {@code sub}) and a display name. */
    public record Member(String userId, String name) {
    }
}
