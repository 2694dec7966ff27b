package cn.luoyang.pollution.identity.people;

/**
 * A person who signs in: the same fields as service-kit's local users, so that one
 * {@code platform-users.yml} serves both modes. {@code password} is a hash with its id prefix.
 */
public record Person(String username, String password, String name, String role, String department,
        String territory, String grid) {
}
