package cn.luoyang.pollution.notification.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.luoyang.pollution.kit.security.AccessTable;
import cn.luoyang.pollution.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call notification-service. SMS records carry masked numbers whose last digits are what the
 * public lookup asks for, so only hotline operators (who call reporters back) and administrators read
 * them. The HTTP gateway's callbacks are open at this layer because the provider cannot sign in: they
 * prove themselves with the provider's shared secret, checked by the callback endpoint itself.
 * Anything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccess {

    @Bean
    AccessTable accessTable() {
        return AccessTable.forAllPaths()
                .open(POST, "/api/sms/http/delivery-reports", "/api/sms/http/replies")
                .allow(GET, "/api/sms", Roles.OPERATOR, Roles.ADMIN)
                .allow(GET, "/api/sms/outcome-unknown", Roles.OPERATOR, Roles.ADMIN)
                // callbacks: operators, or the console's service account acting for the signed-in operator
                // (X-On-Behalf-Of: the task is taken, revealed and answered in that operator's name)
                .allow(GET, "/api/callbacks", Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE)
                .allow(GET, "/api/callbacks/mine", Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE)
                .allow(POST, "/api/callbacks/*/take", Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE)
                .allow(POST, "/api/callbacks/*/reveal", Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE)
                .allow(POST, "/api/callbacks/*/outcome", Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE)
                // escalations: the directory of the people escalations name (campaign office, administrators)
                .allow(GET, "/api/escalations/directory", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .allow(POST, "/api/escalations/directory", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .allow(POST, "/api/escalations/directory/import", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .allow(DELETE, "/api/escalations/directory/*", Roles.CAMPAIGN_OFFICE, Roles.ADMIN);
    }
}
