package com.memberpoints.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter rules of the house, checked on the compiled main classes of shared-domain and infra (tests excluded).
 * Each rule was seen failing once on purpose (see docs/architecture.md, "House rules as tests").
 */
class InfraRulesTest {
    static final String DOMAIN = "com.memberpoints.domain..";
    static final String INFRA = "com.memberpoints.infra..";
    static final String DYNAMODB = "com.memberpoints.infra.dynamodb..";

    /** Name prefix of an adapter → the infra packages of that technology (EventBridge: Scheduler and the bus). */
    static final Map<String, java.util.Set<String>> TECHNOLOGIES = Map.of(
            "DynamoDb", java.util.Set.of("com.memberpoints.infra.dynamodb"),
            "Ses", java.util.Set.of("com.memberpoints.infra.ses"),
            "Sns", java.util.Set.of("com.memberpoints.infra.sns"),
            "Sqs", java.util.Set.of("com.memberpoints.infra.sqs"),
            "EventBridge", java.util.Set.of("com.memberpoints.infra.scheduler", "com.memberpoints.infra.eventbridge"));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.memberpoints.domain", "com.memberpoints.infra");
    }

    @Test
    void bothModulesAreImported() {
        // Guards the rules below against passing on an empty import.
        org.assertj.core.api.Assertions.assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("com.memberpoints.domain")))
                .hasSizeGreaterThan(50);
        org.assertj.core.api.Assertions.assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("com.memberpoints.infra")))
                .hasSizeGreaterThan(15);
    }

    @Test
    void adaptersDependOnPortsNeverTheReverse() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage(INFRA)
                .because("ports live in the domain and adapters implement them; the domain never knows its adapters")
                .check(classes);
    }

    @Test
    void adaptersAreNamedAfterTheirTechnologyAndLiveInItsPackage() {
        classes().that().resideInAPackage(INFRA).and(implementADomainInterface())
                .should(beNamedAfterTheirTechnology())
                .because("an adapter of a domain port says which technology it uses: DynamoDb*, Ses*, Sns*, Sqs*, EventBridge*")
                .check(classes);
    }

    @Test
    void dynamoDbItemsAndKeysAreBuiltOnlyInTheDynamoDbPackage() {
        noClasses().that().resideOutsideOfPackage(DYNAMODB)
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "software.amazon.awssdk.services.dynamodb.model.AttributeValue")
                .because("DynamoDB items and their key strings are written only beside the mappers in infra.dynamodb")
                .check(classes);
        classes().that().haveSimpleNameEndingWith("ItemMapper").or().haveSimpleName("LedgerTable")
                .should().resideInAPackage(DYNAMODB)
                .check(classes);
        noClasses().that().resideOutsideOfPackage(DYNAMODB)
                .should().dependOnClassesThat(itemMappersOrTable())
                .because("key formats are not shared outside infra.dynamodb")
                .check(classes);
    }

    @Test
    void infraPackagesHaveNoCycles() {
        slices().matching("com.memberpoints.infra.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static DescribedPredicate<JavaClass> itemMappersOrTable() {
        return DescribedPredicate.describe("are item mappers or the table definition",
                c -> c.getPackageName().equals("com.memberpoints.infra.dynamodb")
                        && (c.getSimpleName().endsWith("ItemMapper") || c.getSimpleName().equals("LedgerTable")));
    }

    private static DescribedPredicate<JavaClass> implementADomainInterface() {
        return DescribedPredicate.describe("implement a domain interface (a port)",
                c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith("com.memberpoints.domain")));
    }

    private static ArchCondition<JavaClass> beNamedAfterTheirTechnology() {
        return new ArchCondition<>("be named after their technology and live in its package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean ok = TECHNOLOGIES.entrySet().stream().anyMatch(t ->
                        c.getSimpleName().startsWith(t.getKey()) && t.getValue().contains(c.getPackageName()));
                events.add(new SimpleConditionEvent(c, ok, c.getName() + (ok ? " is" : " is not")
                        + " named after a technology of its package " + TECHNOLOGIES));
            }
        };
    }
}
