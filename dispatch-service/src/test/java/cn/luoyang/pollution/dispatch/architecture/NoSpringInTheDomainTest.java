package cn.luoyang.pollution.dispatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (territory, registry, rules, duplicates, returns, queue, dispatching, grids, campaigns) is plain Java; adapters translate at the edge. */
@AnalyzeClasses(packages = "cn.luoyang.pollution.dispatch", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class NoSpringInTheDomainTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworkOrInfrastructure = noClasses()
            .that().resideInAnyPackage("..dispatch.geo..", "..dispatch.common..", "..dispatch.jurisdiction..",
                    "..dispatch.registry..", "..dispatch.rules..", "..dispatch.duplicates..", "..dispatch.returns..",
                    "..dispatch.queue..", "..dispatch.dispatching..", "..dispatch.grids..", "..dispatch.campaigns..")
            .and().resideOutsideOfPackages("..web..", "..persistence..", "..messaging..", "..scheduling..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "cn.luoyang.pollution.kit..");
}
