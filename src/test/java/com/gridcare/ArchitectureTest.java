package com.gridcare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The directions GridCare's packages depend in (docs/architecture.md): a kernel, the platform, the features
 * a case uses, the case, the case kinds, and composition on top; no cycle between packages; JDBC only in the
 * packages that own tables (TableOwnershipTest checks which tables); delegates calling only their own
 * feature, the kernel and the case-step context.
 */
class ArchitectureTest {

    static final String KERNEL = "com.gridcare.kernel..";
    static final String[] PLATFORM = {"com.gridcare.db..", "com.gridcare.api..", "com.gridcare.security..",
            "com.gridcare.deployment..", "com.gridcare.rules..", "com.gridcare.insight.."};
    static final String[] FEATURES = {"com.gridcare.customer..", "com.gridcare.offers..", "com.gridcare.points..",
            "com.gridcare.notification..", "com.gridcare.clock..", "com.gridcare.consent..", "com.gridcare.contract..",
            "com.gridcare.usage.."};
    static final String CASE = "com.gridcare.cases..";
    static final String[] CASE_KINDS = {"com.gridcare.complaint..", "com.gridcare.servicerequest..",
            "com.gridcare.survey..", "com.gridcare.contact..", "com.gridcare.accountreview..", "com.gridcare.tasks..",
            "com.gridcare.tasklist..", "com.gridcare.outage.."};
    static final String[] COMPOSITION = {"com.gridcare.profile..", "com.gridcare.workspace..", "com.gridcare.search..",
            "com.gridcare.demo.."};
    /** The case-step context, through which every delegate reaches its case, customer, clocks and record. */
    static final Set<String> CASE_STEP_CONTEXT = Set.of("com.gridcare.cases.CaseStepContext",
            "com.gridcare.cases.ProcessSteps", "com.gridcare.clock.CaseClocks", "com.gridcare.cases.CaseRecords",
            "com.gridcare.cases.CaseSteps");

    static final String RULES_AUTHORING = "com.gridcare.rules.authoring..";
    static final String RULES_RUNTIME = "com.gridcare.rules.runtime..";
    static final String RULES_PUBLISHING = "com.gridcare.rules.publishing..";
    static final String RULES_API = "com.gridcare.rules.api..";

    static JavaClasses gridcare;

    @BeforeAll
    static void importClasses() {
        gridcare = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.gridcare");
    }

    static ArchRule noCycles() {
        return slices().matching("com.gridcare.(*)..").should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Kernel").definedBy(KERNEL)
                .layer("Platform").definedBy(PLATFORM)
                .layer("Features").definedBy(FEATURES)
                .layer("Case").definedBy(CASE)
                .layer("CaseKinds").definedBy(CASE_KINDS)
                .layer("Composition").definedBy(COMPOSITION)
                .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
                .whereLayer("CaseKinds").mayOnlyBeAccessedByLayers("CaseKinds", "Composition")
                .whereLayer("Case").mayOnlyBeAccessedByLayers("CaseKinds", "Composition")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Features", "Case", "CaseKinds", "Composition")
                .whereLayer("Platform").mayOnlyBeAccessedByLayers("Platform", "Features", "Case", "CaseKinds",
                        "Composition");
    }

    /**
     * Inside the rules platform: authoring (reading and checking workbooks) at the bottom, the runtime (compiling,
     * verifying, the live rules and decisions) above it, publishing (verified swaps, journal, validation,
     * simulation) above that, and the API (controllers, command line) on top.
     */
    static ArchRule rulesLayers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Authoring").definedBy(RULES_AUTHORING)
                .layer("Runtime").definedBy(RULES_RUNTIME)
                .layer("Publishing").definedBy(RULES_PUBLISHING)
                .layer("Api").definedBy(RULES_API)
                .whereLayer("Api").mayNotBeAccessedByAnyLayer()
                .whereLayer("Publishing").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Publishing", "Api")
                .whereLayer("Authoring").mayOnlyBeAccessedByLayers("Runtime", "Publishing", "Api");
    }

    static ArchRule noCyclesInsideRules() {
        return slices().matching("com.gridcare.rules.(*)..").should().beFreeOfCycles();
    }

    /** The rest of GridCare decides through the runtime and registers simulations with publishing; nothing more. */
    static ArchRule featuresUseTheRulesRuntimeAndPublishingOnly() {
        return noClasses().that().resideOutsideOfPackage("com.gridcare.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(RULES_AUTHORING, RULES_API);
    }

    /** JDBC in the packages that own tables ({@link TableOwnershipTest#OWNERS}) and the database platform only. */
    static ArchRule jdbcOnlyInTableOwners() {
        var owners = new HashSet<>(TableOwnershipTest.OWNERS.values());
        owners.add("db");
        return classes().that().resideInAPackage("com.gridcare..")
                .and(new DescribedPredicate<JavaClass>("use JDBC") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> {
                            var target = d.getTargetClass().getName();
                            return target.startsWith("org.springframework.jdbc.core.")
                                    || target.equals("javax.sql.DataSource");
                        });
                    }
                })
                .should(new ArchCondition<JavaClass>("reside in a package that owns tables " + owners) {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        var feature = feature(c);
                        events.add(new SimpleConditionEvent(c, owners.contains(feature),
                                c.getName() + " uses JDBC but " + feature + " owns no table"));
                    }
                });
    }

    /**
     * Delegates and listeners are thin: the services (Spring beans) they call are their feature's, the kernel's
     * or the case-step context's. Values of other features (a tier, a decision, a step kind) they may read.
     */
    static ArchRule delegatesCallTheirFeatureOrTheKernel() {
        return classes().that().implement(JavaDelegate.class).or().implement(ExecutionListener.class)
                .or().implement(TaskListener.class)
                .should(new ArchCondition<JavaClass>("depend only on their feature, the kernel and the case-step context") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            var target = d.getTargetClass();
                            var name = target.getName();
                            if (!name.startsWith("com.gridcare.")) continue;
                            var top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                            boolean allowed = !isService(target) || feature(target).equals(feature(c))
                                    || name.startsWith("com.gridcare.kernel.") || CASE_STEP_CONTEXT.contains(top);
                            if (!allowed) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    static boolean isService(JavaClass c) {
        return c.isMetaAnnotatedWith(Component.class);
    }

    static String feature(JavaClass c) {
        var parts = c.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        noCycles().check(gridcare);
    }

    @Test
    void packagesDependOnlyDownwardsThroughTheLayers() {
        layers().check(gridcare);
    }

    @Test
    void theRulesSubPackagesDependDownwardsWithoutCycles() {
        rulesLayers().check(gridcare);
        noCyclesInsideRules().check(gridcare);
        featuresUseTheRulesRuntimeAndPublishingOnly().check(gridcare);
    }

    @Test
    void everyRulesClassIsInASubPackage() {
        var rulesPackages = new HashSet<String>();
        gridcare.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("com.gridcare.rules"))
                .forEach(rulesPackages::add);
        assertThat(rulesPackages).containsExactlyInAnyOrder("com.gridcare.rules.authoring",
                "com.gridcare.rules.runtime", "com.gridcare.rules.publishing", "com.gridcare.rules.api");
    }

    @Test
    void onlyThePackagesThatOwnTablesUseJdbc() {
        jdbcOnlyInTableOwners().check(gridcare);
    }

    @Test
    void delegatesCallOnlyServicesOfTheirFeatureOrTheKernel() {
        delegatesCallTheirFeatureOrTheKernel().check(gridcare);
    }

    @Test
    void everyPackageIsInALayer() {
        var layered = new HashSet<String>();
        for (var group : new String[][] {{KERNEL, CASE}, PLATFORM, FEATURES, CASE_KINDS, COMPOSITION}) {
            for (var p : group) layered.add(p.substring("com.gridcare.".length(), p.length() - 2));
        }
        var packages = new HashSet<String>();
        gridcare.stream().map(ArchitectureTest::feature).filter(f -> !f.isEmpty()).forEach(packages::add);
        assertThat(layered).containsAll(packages);
    }
}
