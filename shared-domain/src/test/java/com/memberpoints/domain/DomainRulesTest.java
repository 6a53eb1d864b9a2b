package com.memberpoints.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the shared domain (docs/architecture.md), as tests that fail when broken.
 *
 * <p>The layers, lowest first — a package may use the packages of lower layers, never one of a higher layer nor a
 * sibling of its own layer:
 * <pre>
 *   model                                       money, ids, actor, errors, time and id sources, shared enums
 *   merchant, member                            store profiles, member profiles
 *   settings                                    the merchant's rules
 *   earning, expiry                             what an order earns, when points and credits expire
 *   ledger                                      wallets, lots, the journal, the pure ledger decision
 *   notify                                      notifications about ledger entries
 *   order                                       the order, its transitions and lifecycle
 *   checkout                                    quote and redemption
 *   membercenter, staff, bulk, liability, sweep the use cases over all of the above
 *   migration                                   balance import and export (uses bulk's job queue)
 *   integration                                 integration events for the merchant's other systems (ledger, bulk jobs)
 *   inmemory                                    the in-memory fakes of every port
 * </pre>
 */
class DomainRulesTest {

    static final String DOMAIN = "com.memberpoints.domain";

    /** The layers, lowest first; each inner list is one layer (its packages are siblings). */
    static final List<List<String>> LAYERS = List.of(
            List.of("model"),
            List.of("merchant", "member"),
            List.of("settings"),
            List.of("earning", "expiry"),
            List.of("ledger"),
            List.of("notify"),
            List.of("order"),
            List.of("checkout"),
            List.of("membercenter", "staff", "bulk", "liability", "sweep"),
            List.of("migration", "integration"),
            List.of("inmemory"));

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DOMAIN);

    @Test
    void everyDomainPackageHasALayer() {
        classes().should().resideInAnyPackage(LAYERS.stream().flatMap(List::stream).map(p -> DOMAIN + "." + p + "..")
                .toArray(String[]::new)).check(MAIN);
    }

    @Test
    void noCyclesBetweenDomainPackages() {
        slices().matching(DOMAIN + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noUpwardOrSidewaysImportsBetweenLayers() {
        layers(LAYERS).check(MAIN);
    }

    @Test
    void noAwsInfraOrFunctionsTypesInTheDomain() {
        noClasses().that().resideInAPackage(DOMAIN + "..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "com.memberpoints.infra..", "com.memberpoints.functions..", "com.memberpoints.local..")
                .check(MAIN);
    }

    @Test
    void portsLiveBesideTheirConcept() {
        classes().that().areInterfaces().and(Ports.NAMED_AS_PORTS)
                .should().resideOutsideOfPackages(DOMAIN + ".port..", DOMAIN + ".ports..", DOMAIN + ".inmemory..",
                        DOMAIN + ".app..")
                .check(MAIN);
    }

    /** A rule forbidding each layer's packages to be used by any package of its own or a lower layer. */
    static ArchRule layers(List<List<String>> layers) {
        Architectures.LayeredArchitecture arch = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> layer : layers) {
            for (String p : layer) {
                arch = arch.layer(p).definedBy(DOMAIN + "." + p + "..");
            }
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < layers.size(); j++) {
                above.addAll(layers.get(j));
            }
            for (String p : layers.get(i)) {
                arch = arch.whereLayer(p).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        for (String p : layers.getLast()) {
            arch = arch.whereLayer(p).mayNotBeAccessedByAnyLayer();
        }
        return arch;
    }

    /** Interfaces named as ports: *Store, *Sender, *Scheduler, *Queue, *Meter, *Counters, TimeSource, IdSource. */
    static final class Ports {
        static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
                NAMED_AS_PORTS = com.tngtech.archunit.base.DescribedPredicate.describe("named as ports",
                        c -> c.getSimpleName().matches(".*(Store|Sender|Scheduler|Queue|Meter|Counters)")
                                || c.getSimpleName().equals("TimeSource") || c.getSimpleName().equals("IdSource"));

        private Ports() {}
    }
}
