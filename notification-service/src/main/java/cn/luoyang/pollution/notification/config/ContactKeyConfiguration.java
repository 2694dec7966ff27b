package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.secrets.SecretFiles;
import cn.luoyang.pollution.notification.reporters.PhoneHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two secrets of this service: the private half of the reporter-contact key pair (only this
 * service can open a sealed number) and the HMAC key of phone-number hashes. Production passes both
 * inline; a local run keeps them as files in {@code reporter-contact.keys-dir}, generated once.
 */
@Configuration(proxyBeanMethods = false)
class ContactKeyConfiguration {

    static final String PHONE_HASH_KEY_FILE = "phone-hash.key";

    @Bean
    ContactOpener contactOpener(@Value("${reporter-contact.private-keyset:}") String inline,
            @Value("${reporter-contact.keys-dir:./var/keys}") Path dir,
            @Value("${reporter-contact.generate-if-missing:true}") boolean generate) {
        if (!inline.isBlank()) {
            return ContactOpener.withPrivateKeyset(inline);
        }
        try {
            Path file = dir.resolve(ContactKeys.PRIVATE_FILE);
            String keyset = generate ? ContactKeys.ensure(dir).privateKeyset() : Files.readString(file);
            return ContactOpener.withPrivateKeyset(keyset);
        } catch (IOException e) {
            throw new UncheckedIOException("no reporter-contact private key in " + dir, e);
        }
    }

    @Bean
    PhoneHasher phoneHasher(NotificationProperties properties,
            @Value("${reporter-contact.keys-dir:./var/keys}") Path dir,
            @Value("${reporter-contact.generate-if-missing:true}") boolean generate) {
        if (!properties.getPhoneHashKey().isBlank()) {
            return new PhoneHasher(Base64.getDecoder().decode(properties.getPhoneHashKey()));
        }
        try {
            Path file = dir.resolve(PHONE_HASH_KEY_FILE);
            String key = generate ? SecretFiles.readOrCreate(file, ContactKeyConfiguration::newPhoneHashKey) : Files.readString(file);
            return new PhoneHasher(Base64.getDecoder().decode(key.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("no phone-hash key in " + dir, e);
        }
    }

    private static String newPhoneHashKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
