package cn.luoyang.pollution.enforcement.console.sessions;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * The console's sessions live in MongoDB rather than in one servlet container's memory (issue 12:
 * a request may land on another instance). Spring Session's MongoDB module has no release for Spring
 * Session 4 (Boot 4) yet, only milestones, and Boot 4 no longer configures it: this is a small
 * repository of our own on spring-session-core. The cookie is Spring Session's {@code SESSION}
 * (HttpOnly, SameSite=Lax).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
public class ConsoleSessions {

    static final String COLLECTION = "console_sessions";

    @Bean
    MongoSessions sessionRepository(MongoOperations mongo,
            @Value("${enforcement.console.session-timeout:8h}") Duration timeout) {
        return new MongoSessions(mongo.getCollection(COLLECTION), timeout);
    }
}
