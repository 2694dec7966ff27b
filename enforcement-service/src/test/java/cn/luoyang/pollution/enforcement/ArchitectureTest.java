package cn.luoyang.pollution.enforcement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (cases, clocks, officers, statistics, supervision) and the application layer are plain Java. */
@AnalyzeClasses(packages = "cn.luoyang.pollution.enforcement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses()
            .that().resideInAnyPackage(
                    "cn.luoyang.pollution.enforcement.cases",
                    "cn.luoyang.pollution.enforcement.cases.application",
                    "cn.luoyang.pollution.enforcement.clocks",
                    "cn.luoyang.pollution.enforcement.officers",
                    "cn.luoyang.pollution.enforcement.statistics",
                    "cn.luoyang.pollution.enforcement.supervision")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
                    "jakarta.servlet..", "cn.luoyang.pollution.kit..")
            .because("the domain and application services stay plain Java: adapters translate at the edges");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses()
            .that().resideInAnyPackage("cn.luoyang.pollution.enforcement.cases", "cn.luoyang.pollution.enforcement.clocks",
                    "cn.luoyang.pollution.enforcement.cases.application")
            .should().dependOnClassesThat().resideInAnyPackage("cn.luoyang.pollution.enforcement..web..",
                    "cn.luoyang.pollution.enforcement..messaging..", "cn.luoyang.pollution.enforcement..persistence..",
                    "cn.luoyang.pollution.enforcement..scheduling..", "cn.luoyang.pollution.enforcement.security..",
                    "cn.luoyang.pollution.enforcement.config..");
}
