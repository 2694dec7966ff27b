package cn.luoyang.pollution.enforcement.console;

import jakarta.servlet.MultipartConfigElement;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web console's wiring: Chinese by default, English with {@code ?lang=en} (kept in a cookie),
 * messages from {@code messages*.properties}, the site root redirected to the console, and uploads
 * large enough for a phone photo.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /**
     * Own message source: never falls back to the JVM's locale, or a server running in en_US
     * would show English to Chinese users (messages.properties is the Chinese text).
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("console-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        // the error pages are rendered at /error and follow ?lang=en as well
        registry.addInterceptor(lang).addPathPatterns("/console/**", "/error");
    }

    /** The service's site root is the console. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console");
    }

    /** Photos from a phone are several MB; the servlet default (1 MB) would refuse them. */
    @Bean
    MultipartConfigElement multipartConfigElement(ConsoleProperties properties) {
        long max = properties.maxUploadBytes();
        return new MultipartConfigElement(null, max, max * 4, 512 * 1024);
    }
}
