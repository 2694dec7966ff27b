package cn.luoyang.pollution.identity.people;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people this provider signs in, bound from {@code platform.security.users} (service-kit's
 * {@code platform-users.yml}, whose entries apply under the {@code demo} profile only). Entries with
 * role {@code SERVICE} are service accounts: they are clients here ({@code identity.clients}), never people.
 */
@ConfigurationProperties("platform.security")
public record People(List<Person> users) {

    static final String SERVICE_ROLE = "SERVICE";

    public People {
        users = users == null ? List.of()
                : users.stream().filter(person -> !SERVICE_ROLE.equals(person.role())).toList();
    }

    public Optional<Person> find(String username) {
        return users.stream().filter(person -> person.username().equals(username)).findFirst();
    }
}
