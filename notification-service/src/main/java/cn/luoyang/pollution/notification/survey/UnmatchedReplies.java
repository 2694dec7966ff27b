package cn.luoyang.pollution.notification.survey;

import java.time.Instant;

/** Replies that were neither a rating of an open survey nor an opt-out: kept for a person to read. */
public interface UnmatchedReplies {

    void record(String phoneHash, String text, String why, Instant at);

    long count();
}
