package cn.luoyang.pollution.complaint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The domain packages (intake, outbox, tracking, open311, media, confidentiality, without their
 * web/messaging/persistence/json adapters) are plain Java: no Spring, Kafka, MongoDB or servlet.
 */
class NoSpringInTheDomainTest {

    private static final String[] DOMAIN = {
        "cn.luoyang.pollution.complaint.intake",
        "cn.luoyang.pollution.complaint.outbox",
        "cn.luoyang.pollution.complaint.tracking",
        "cn.luoyang.pollution.complaint.open311",
        "cn.luoyang.pollution.complaint.media",
        "cn.luoyang.pollution.complaint.confidentiality"};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.luoyang.pollution.complaint");

    @Test
    void domainKnowsNothingOfSpringKafkaMongoOrTheWeb() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "jakarta.servlet..",
                        "tools.jackson..", "io.swagger..");
        rule.check(classes);
    }

    @Test
    void domainDoesNotReachIntoItsAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..persistence..", "..json..", "..config..")
                .check(classes);
    }
}
