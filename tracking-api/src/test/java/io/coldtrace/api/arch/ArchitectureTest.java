package io.coldtrace.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.Uses;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel / feature boundaries, enforced by the build. The kernel is the root package (ApiMain, ApiConfig,
 * ApiRoutes) and {@code access, auth, db, http, work}; every other package under io.coldtrace.api is a feature.
 * The kernel never depends on a feature; a feature depends on the kernel, core and libraries, and on another feature
 * only where its {@link ApiFeature} class declares it with {@link Uses}.
 */
class ArchitectureTest {
    static final String ROOT = "io.coldtrace.api";
    static final Set<String> KERNEL = Set.of(ROOT, ROOT + ".access", ROOT + ".auth", ROOT + ".db", ROOT + ".http",
            ROOT + ".work");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theKernelDependsOnNoFeature() {
        noClasses().that().resideInAnyPackage(KERNEL.toArray(String[]::new))
                .should().dependOnClassesThat(isFeatureClass())
                .check(classes);
    }

    @Test
    void aFeatureUsesAnotherOnlyWhereItsFeatureClassDeclaresIt() {
        Map<String, Set<String>> declared = declaredUses();
        classes().that(isFeatureClass())
                .should(new ArchCondition<>("use other features only where declared with @Uses") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String own = feature(c.getPackageName());
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String other = feature(d.getTargetClass().getPackageName());
                            if (other != null && !other.equals(own)
                                    && !declared.getOrDefault(own, Set.of()).contains(other)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": feature '" + own
                                        + "' uses feature '" + other + "' without declaring it (@Uses on its "
                                        + "ApiFeature class)"));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void onlyTheJdbcAndCpuExecutorsRunBlockingWork() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".db.BlockingDb")
                .and().doNotHaveFullyQualifiedName(ROOT + ".work.CpuWork")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "executeBlocking or a new worker executor", call -> call.getName().equals("executeBlocking")
                                || call.getName().startsWith("createSharedWorkerExecutor")))
                .because("JDBC runs on BlockingDb's workers and CPU-heavy work on CpuWork's, never elsewhere")
                .check(classes);
    }

    @Test
    void everyFeaturePackageHasOneRegisteredFeatureClass() {
        Map<String, Integer> perPackage = new HashMap<>();
        for (JavaClass c : classes) {
            String f = feature(c.getPackageName());
            if (f != null) {
                perPackage.putIfAbsent(f, 0);
                if (c.isAssignableTo(ApiFeature.class) && !c.isInterface()) {
                    perPackage.merge(f, 1, Integer::sum);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(perPackage).allSatisfy((pkg, n) ->
                org.assertj.core.api.Assertions.assertThat(n).as("ApiFeature classes in feature '%s'", pkg)
                        .isEqualTo(1));
    }

    /** Feature name (its package under io.coldtrace.api) of {@code pkg}, or null for the kernel and elsewhere. */
    static String feature(String pkg) {
        if (!pkg.startsWith(ROOT + ".") || KERNEL.contains(pkg)) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        String top = dot < 0 ? rest : rest.substring(0, dot);
        return KERNEL.contains(ROOT + "." + top) ? null : top;
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> isFeatureClass() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("in a feature package",
                c -> feature(c.getPackageName()) != null);
    }

    /** For each feature, the features its ApiFeature class declares with @Uses. */
    private static Map<String, Set<String>> declaredUses() {
        Map<String, Set<String>> out = new HashMap<>();
        for (JavaClass c : classes) {
            String f = feature(c.getPackageName());
            if (f != null && c.isAnnotatedWith(Uses.class)) {
                Set<String> uses = new HashSet<>();
                Arrays.stream(c.reflect().getAnnotation(Uses.class).value())
                        .forEach(u -> uses.add(feature(u.getPackageName())));
                out.put(f, uses);
            }
        }
        return out;
    }
}
