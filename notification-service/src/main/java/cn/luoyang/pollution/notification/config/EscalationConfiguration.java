package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.DirectoryEntries;
import cn.luoyang.pollution.notification.escalations.EscalationMessages;
import cn.luoyang.pollution.notification.escalations.persistence.MongoDirectory;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The escalation directory and its messages. Directory numbers are sealed with the public half of
 * the reporter-contact key pair, derived from the private keyset this service already holds: no
 * new secret. {@code escalations.directory.seed} names a CSV read at start (the demo profile's
 * demo people); the city's own list comes through the import endpoint.
 */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    Directory escalationDirectory(MongoTemplate mongo) {
        return new MongoDirectory(mongo);
    }

    @Bean
    DirectoryEntries directoryEntries(Directory directory, Clock clock,
            @Value("${reporter-contact.private-keyset:}") String inline,
            @Value("${reporter-contact.keys-dir:./var/keys}") Path dir) {
        return new DirectoryEntries(directory, ContactSealer.withPublicKeyset(publicKeyset(inline, dir)), clock);
    }

    @Bean
    EscalationMessages escalationMessages(Messages messages, Directory directory, CaseFiles caseFiles,
            MessageTemplates templates, NotificationProperties p, Clock clock, ObjectProvider<SendingLoop> loop,
            ObjectProvider<UnitAlerts> units) {
        return new EscalationMessages(messages, directory, caseFiles, templates, ZoneId.of(p.getQuietHours().getZone()),
                clock, () -> loop.ifAvailable(SendingLoop::wake), units.getIfAvailable(() -> UnitAlerts.NONE));
    }

    @Bean
    ApplicationRunner directorySeed(DirectoryEntries entries, ResourceLoader resources,
            @Value("${escalations.directory.seed:}") String seed) {
        return args -> {
            if (seed.isBlank()) {
                return;
            }
            Resource resource = resources.getResource(seed);
            try (InputStream in = resource.getInputStream()) {
                int n = entries.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), "seed:" + seed).size();
                log.info("escalation directory: {} entries from {}", n, seed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read escalations.directory.seed " + seed, e);
            }
        };
    }

    private static String publicKeyset(String inlinePrivate, Path dir) {
        return inlinePrivate.isBlank() ? ContactKeys.ensure(dir).publicKeyset() : ContactKeys.publicOf(inlinePrivate);
    }
}
