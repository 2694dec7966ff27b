package cn.luoyang.pollution.dispatch;

import cn.luoyang.pollution.dispatch.registry.ResponsibleMobiles;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sources' responsible people's mobiles are sealed at import with the reporter-contact public key, as
 * complaint-service seals reporters' numbers: only notification-service, which holds the private half, can open
 * them. The public keyset comes inline from {@code reporter-contact.public-keyset} (production), else from the file
 * in {@code reporter-contact.keys-dir}, generated there first on a local run when
 * {@code reporter-contact.generate-if-missing} is true ({@link SealingResponsibleMobiles}).
 */
@Configuration(proxyBeanMethods = false)
class ResponsibleMobileConfiguration {

    @Bean
    ResponsibleMobiles responsibleMobiles(@Value("${reporter-contact.public-keyset:}") String inline,
            @Value("${reporter-contact.keys-dir}") Path dir,
            @Value("${reporter-contact.generate-if-missing:true}") boolean generate) {
        return new SealingResponsibleMobiles(ContactKeys.publicKeyset(inline, dir, generate));
    }
}
