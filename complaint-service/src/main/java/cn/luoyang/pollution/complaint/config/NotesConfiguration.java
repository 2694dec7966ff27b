package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.notes.FollowUps;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reporters' follow-ups: kept on their complaint, announced through its outbox. */
@Configuration(proxyBeanMethods = false)
class NotesConfiguration {

    @Bean
    FollowUps followUps(MongoComplaints complaints, OutboxRelay relay, Clock clock, ComplaintProperties p) {
        return new FollowUps(complaints, complaints, relay, clock, p.outbox().grace());
    }
}
