package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public half of the reporter-contact key pair: inline from {@code reporter-contact.public-keyset}
 * (production), else the file in {@code reporter-contact.keys-dir}, generated there first on a
 * local run when {@code reporter-contact.generate-if-missing} is true. The private half is never read here.
 */
@Configuration(proxyBeanMethods = false)
class ReporterContactConfiguration {

    @Bean
    ReporterContacts reporterContacts(@Value("${reporter-contact.public-keyset:}") String inline,
                                      @Value("${reporter-contact.keys-dir}") Path dir,
                                      @Value("${reporter-contact.generate-if-missing:true}") boolean generate) {
        return new ReporterContacts(ContactKeys.publicKeyset(inline, dir, generate));
    }
}
