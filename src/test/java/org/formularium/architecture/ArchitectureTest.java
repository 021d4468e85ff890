package org.formularium.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The architecture in DESIGN.md, checked: Vaadin only in UI code, generated jOOQ types only in
 * repositories, services never reach into views. Each rule is also run against deliberately bad fixtures
 * to prove it can fail.
 */
class ArchitectureTest {

    static final ArchRule VAADIN_ONLY_IN_UI = noClasses()
            .that().resideOutsideOfPackages("..ui..", "org.formularium.security..", "org.formularium.shared..")
            .and().doNotHaveFullyQualifiedName("org.formularium.FormulariumApplication")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .as("Vaadin is used only in ui packages, security and shared");

    static final ArchRule JOOQ_TYPES_ONLY_IN_REPOSITORIES = noClasses()
            .that().haveSimpleNameNotEndingWith("Repository")
            .and().resideOutsideOfPackage("org.formularium.jooq..")
            .should().dependOnClassesThat().resideInAPackage("org.formularium.jooq..")
            .as("generated jOOQ types are used only in repositories");

    static final ArchRule SERVICES_DO_NOT_DEPEND_ON_VIEWS = noClasses()
            .that().resideOutsideOfPackages("..ui..")
            .and().resideOutsideOfPackages("org.formularium.security..")
            .should().dependOnClassesThat().resideInAPackage("..ui..")
            .as("only UI code depends on UI code");

    private static JavaClasses production;
    private static JavaClasses badFixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.formularium");
        badFixtures = new ClassFileImporter().importPackages("org.formularium.architecture.fixture");
    }

    @Test
    void vaadin_is_used_only_in_ui_code() {
        VAADIN_ONLY_IN_UI.check(production);
    }

    @Test
    void generated_jooq_types_are_used_only_in_repositories() {
        JOOQ_TYPES_ONLY_IN_REPOSITORIES.check(production);
    }

    @Test
    void services_do_not_depend_on_views() {
        SERVICES_DO_NOT_DEPEND_ON_VIEWS.check(production);
    }

    @Test
    void each_rule_fails_on_a_class_that_breaks_it() {
        assertThatThrownBy(() -> VAADIN_ONLY_IN_UI.check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServiceUsingVaadin");
        assertThatThrownBy(() -> JOOQ_TYPES_ONLY_IN_REPOSITORIES.check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServiceUsingJooqTables");
        assertThatThrownBy(() -> SERVICES_DO_NOT_DEPEND_ON_VIEWS.check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServiceUsingAView");
    }
}
