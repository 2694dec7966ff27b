package cn.luoyang.pollution.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core (messages, reporters, templates, sending, survey, milestones) stays plain Java. */
class NoSpringInDomainTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.luoyang.pollution.notification");

    @Test
    void domainAndApplicationCodeKnowNothingOfSpringKafkaOrMongo() {
        noClasses().that().resideInAnyPackage(
                        "..notification.messages", "..notification.reporters", "..notification.templates",
                        "..notification.sending", "..notification.survey", "..notification.milestones",
                        "..notification.units")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void theGatewayInterfaceKnowsNoCarrierProtocol() {
        noClasses().that().resideInAPackage("..notification.gateway")
                .should().dependOnClassesThat().resideInAnyPackage("org.jsmpp..", "org.springframework..",
                        "com.mongodb..")
                .check(CLASSES);
    }
}
