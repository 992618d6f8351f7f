package com.salesledger.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.salesledger.events.deal.DealEvents;
import com.salesledger.events.receivable.InvoiceEvents;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The public contract stays plain: no Spring, and events are immutable records. */
class ArchitectureTest {

  private final JavaClasses contract =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.salesledger.events");

  @Test
  void the_contract_does_not_depend_on_spring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(contract);
  }

  @Test
  void events_are_records() {
    classes()
        .that()
        .implement(DealEvents.class)
        .or()
        .implement(InvoiceEvents.class)
        .should()
        .beRecords()
        .check(contract);
  }

  @Test
  void commands_and_events_are_records_or_enums() {
    classes()
        .that()
        .resideInAnyPackage("com.salesledger.events.deal", "com.salesledger.events.receivable")
        .and()
        .areNotInterfaces()
        .should()
        .beRecords()
        .orShould()
        .beEnums()
        .check(contract);
  }
}
