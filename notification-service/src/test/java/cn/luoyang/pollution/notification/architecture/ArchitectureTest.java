package cn.luoyang.pollution.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.luoyang.pollution.testing.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The shared architecture rules (test-support), the gateway interface knows no carrier protocol, and the
 * stores map their documents by hand.
 */
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

    /**
     * Every {@code persistence} adapter writes and reads {@code org.bson.Document}s field by field: no
     * class is mapped by Spring Data's reflective converter (no mapping annotations, no call of the
     * template's entity methods), so renaming a field of an aggregate never silently changes what is stored.
     */
    @Test
    void theStoresMapTheirDocumentsByHand() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.annotation..",
                        "org.springframework.data.mongodb.core.mapping..")
                .check(CLASSES);
        noClasses().should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(MongoOperations.class)))
                .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                        "save|findById|findAll|findAndReplace|findAllAndRemove|insertAll"))))
                .check(CLASSES);
    }
}
