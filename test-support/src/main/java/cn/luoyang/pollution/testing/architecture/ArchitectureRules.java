package cn.luoyang.pollution.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture rules of every service, written once. A service names its root package and its domain
 * packages (feature packages without their adapters); {@link #check()} then holds it to:
 * <ol>
 *   <li>the domain is plain Java: no Spring, Kafka, MongoDB/BSON, Jackson, servlet or OpenAPI types;</li>
 *   <li>adapters depend on the domain, never the reverse: no domain class uses a class of an adapter package
 *       ({@link #ADAPTERS}: web, messaging, persistence, json, config, scheduling, security, http, smpp, recording);</li>
 *   <li>web controllers are package-private: the framework finds them, nothing else needs them.</li>
 * </ol>
 * A service may add the service-kit to the forbidden list of its domain with {@link #kitOutsideTheDomain()}.
 */
public final class ArchitectureRules {

    /** Sub-package names that hold adapters, wherever they sit under a feature. */
    public static final List<String> ADAPTERS = List.of("web", "messaging", "persistence", "json", "config", "scheduling",
            "security", "http", "smpp", "recording");

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
        "org.bson..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..", "io.swagger.."};

    private final String root;
    private final String[] domain;
    private final List<String> forbidden = new ArrayList<>(Arrays.asList(FRAMEWORKS));

    private ArchitectureRules(String root, String[] domain) {
        this.root = root;
        this.domain = domain;
    }

    /**
     * @param root   the service's root package, e.g. {@code cn.luoyang.pollution.dispatch}
     * @param domain its domain packages (ArchUnit package patterns; {@code ..x..} includes sub-packages, whose
     *               adapter packages are left out)
     */
    public static ArchitectureRules forService(String root, String... domain) {
        return new ArchitectureRules(root, domain);
    }

    /** The domain may not use the service-kit either (it holds adapters such as the event publisher). */
    public ArchitectureRules kitOutsideTheDomain() {
        forbidden.add("cn.luoyang.pollution.kit..");
        return this;
    }

    /** Every rule, over the service's production classes. */
    public void check() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
        rules().forEach(rule -> rule.check(classes));
    }

    /** The rules, for a service that wants to report them one by one. */
    public List<ArchRule> rules() {
        return List.of(domainIsPlainJava(), domainDoesNotReachIntoAdapters(), controllersArePackagePrivate());
    }

    ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAnyPackage(domain).and().resideOutsideOfPackages(adapterPatterns())
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("the domain stays plain Java: adapters translate at the edges");
    }

    ArchRule domainDoesNotReachIntoAdapters() {
        return noClasses().that().resideInAnyPackage(domain).and().resideOutsideOfPackages(adapterPatterns())
                .should().dependOnClassesThat().resideInAnyPackage(adapterPatterns())
                .because("adapters depend on the domain, never the reverse");
    }

    ArchRule controllersArePackagePrivate() {
        return classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().notBePublic()
                .because("the framework finds a controller; nothing else needs it");
    }

    private String[] adapterPatterns() {
        return ADAPTERS.stream().map(a -> root + ".." + a + "..").toArray(String[]::new);
    }
}
