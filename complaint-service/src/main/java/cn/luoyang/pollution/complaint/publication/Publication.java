package cn.luoyang.pollution.complaint.publication;

import java.time.Instant;

/**
 * What an officer of the campaign office released of one complaint for the public feeds (公开审核):
 * the reporter's description, the address they gave, the photos and videos. A complaint nobody has
 * reviewed shows none of them ({@link #NONE}); its category, status, department, times and a coarse
 * position are public from the start. A later decision replaces an earlier one, so a release can be
 * withdrawn.
 *
 * @param releasedBy who decided (the signed-in person, or the person a service acted for)
 * @param decidedAt  when
 */
public record Publication(boolean description, boolean address, boolean media, String releasedBy, Instant decidedAt) {

    /** Nothing released: the state of every complaint until an officer decides. */
    public static final Publication NONE = new Publication(false, false, false, null, null);
}
