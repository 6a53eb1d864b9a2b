package com.memberpoints.functions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The functions module's house rules (issue 10), checked on the compiled main classes:
 * <ul>
 *   <li>a handler never depends on another handler (what two handlers share lives in platform or the group's mapper);</li>
 *   <li>storefront and admin do not import each other; events imports neither;</li>
 *   <li>platform imports no handler group — EXCEPT the composition root {@code platform.Wiring} and the route table
 *       {@code platform.ApiRoutes}, whose job is to name every handler;</li>
 *   <li>no cycles between the packages {@code com.memberpoints.functions.(*)..}.</li>
 * </ul>
 */
class FunctionsRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.memberpoints.functions");

    /** A Lambda handler: implements the runtime's handler interfaces, or is named like one. */
    static final DescribedPredicate<JavaClass> HANDLER = new DescribedPredicate<>("a handler") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getPackageName().startsWith("com.memberpoints.functions")
                    && (top.isAssignableTo(RequestHandler.class) || top.isAssignableTo(RequestStreamHandler.class)
                    || top.getSimpleName().endsWith("Handler"));
        }
    };

    /**
     * The base classes handlers extend (platform/http's ApiHandler and its audiences, platform's PrimedHandler) are
     * what handlers share, not other handlers.
     */
    static final DescribedPredicate<JavaClass> HANDLER_BASE = new DescribedPredicate<>("a platform handler base class") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("com.memberpoints.functions.platform.http")
                    || (c.getPackageName().startsWith("com.memberpoints.functions.platform")
                    && c.getModifiers().contains(JavaModifier.ABSTRACT));
        }
    };

    /** The composition root and the route table: they name every handler, on purpose. */
    static final DescribedPredicate<JavaClass> COMPOSITION_ROOT = DescribedPredicate.describe(
            "the composition root or the route table", (JavaClass c) -> {
                String n = c.getName();
                return n.equals("com.memberpoints.functions.platform.Wiring") || n.startsWith("com.memberpoints.functions.platform.Wiring$")
                        || n.equals("com.memberpoints.functions.platform.ApiRoutes") || n.startsWith("com.memberpoints.functions.platform.ApiRoutes$");
            });

    @Test
    void handlersDoNotDependOnOtherHandlers() {
        for (JavaClass handler : MAIN.that(HANDLER)) {
            if (HANDLER_BASE.test(handler) || handler.getEnclosingClass().isPresent()) {
                continue;
            }
            String self = handler.getName();
            noClasses().that().belongToAnyOf(handler.reflect())
                    .should().dependOnClassesThat(DescribedPredicate.and(HANDLER, DescribedPredicate.not(HANDLER_BASE),
                            new DescribedPredicate<JavaClass>("other than " + handler.getSimpleName()) {
                                @Override
                                public boolean test(JavaClass c) {
                                    return !c.getName().equals(self) && !c.getName().startsWith(self + "$");
                                }
                            }))
                    .check(MAIN);
        }
    }

    @Test
    void storefrontAndAdminDoNotImportEachOther() {
        noClasses().that().resideInAPackage("com.memberpoints.functions.storefront..")
                .should().dependOnClassesThat().resideInAPackage("com.memberpoints.functions.admin..")
                .check(MAIN);
        noClasses().that().resideInAPackage("com.memberpoints.functions.admin..")
                .should().dependOnClassesThat().resideInAPackage("com.memberpoints.functions.storefront..")
                .check(MAIN);
    }

    @Test
    void eventsImportNeitherStorefrontNorAdmin() {
        noClasses().that().resideInAPackage("com.memberpoints.functions.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.memberpoints.functions.storefront..", "com.memberpoints.functions.admin..")
                .check(MAIN);
    }

    /** Exception, on purpose: the composition root and the route table name every handler group. */
    @Test
    void platformImportsNoHandlerGroupExceptWiringAndRoutes() {
        noClasses().that().resideInAPackage("com.memberpoints.functions.platform..")
                .and().doNotHaveFullyQualifiedName("com.memberpoints.functions.platform.Wiring")
                .and().doNotHaveFullyQualifiedName("com.memberpoints.functions.platform.ApiRoutes")
                .and(DescribedPredicate.describe("not nested in Wiring or ApiRoutes",
                        (JavaClass c) -> !c.getName().startsWith("com.memberpoints.functions.platform.Wiring$")
                                && !c.getName().startsWith("com.memberpoints.functions.platform.ApiRoutes$")))
                .should().dependOnClassesThat().resideInAnyPackage("com.memberpoints.functions.storefront..",
                        "com.memberpoints.functions.admin..", "com.memberpoints.functions.events..")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenFunctionsPackages() {
        // The composition root and the route table depend on every group by design; every other edge counts.
        slices().matching("com.memberpoints.functions.(*)..").should().beFreeOfCycles()
                .ignoreDependency(COMPOSITION_ROOT, DescribedPredicate.alwaysTrue())
                .check(MAIN);
    }
}
