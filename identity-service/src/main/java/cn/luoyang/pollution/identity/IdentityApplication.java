package cn.luoyang.pollution.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 统一身份认证: the local runtime's OpenID Connect provider. It signs people in (the demo officers of
 * {@code platform-users.yml}, under the {@code demo} profile only) and issues the tokens the four
 * services accept in {@code platform.security.mode=jwt}: access tokens with the person's {@code role},
 * {@code preferred_username} and unit, for the platform's audience; service clients get theirs with
 * the client-credentials grant. In production the services point at the city's own provider instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    /** Its settings are {@code identity.yml}, not {@code application.yml}: tests host it beside a service. */
    public static final String CONFIG_NAME = "spring.config.name=identity";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityApplication.class).properties(CONFIG_NAME).run(args);
    }
}
