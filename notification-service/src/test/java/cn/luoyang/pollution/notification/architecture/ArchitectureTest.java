package cn.luoyang.pollution.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.luoyang.pollution.testing.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (test-support), and the gateway interface knows no carrier protocol. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.luoyang.pollution.notification");

    @Test
    void followsTheServiceArchitectureRules() {
        ArchitectureRules.forService("cn.luoyang.pollution.notification",
                "..notification.messages..", "..notification.reporters..", "..notification.templates..",
                "..notification.sending..", "..notification.survey..", "..notification.milestones..",
                "..notification.units..", "..notification.escalations..", "..notification.digest..").check();
    }

    @Test
    void theGatewayInterfaceKnowsNoCarrierProtocol() {
        noClasses().that().resideInAPackage("..notification.gateway")
                .should().dependOnClassesThat().resideInAnyPackage("org.jsmpp..", "org.springframework..",
                        "com.mongodb..")
                .check(CLASSES);
    }
}
