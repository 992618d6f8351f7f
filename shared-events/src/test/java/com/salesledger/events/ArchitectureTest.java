package com.salesledger.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.salesledger.events.credit.CreditAccountEvents;
import com.salesledger.events.deal.DealEvents;
import com.salesledger.events.receivable.InvoiceEvents;
import com.salesledger.events.target.TargetEvents;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shared events are the public contract between the command side, the query side and whatever
 * reads the event store later: plain immutable records, with no framework but Axon's annotations.
 */
@AnalyzeClasses(
    packages = "com.salesledger.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule the_event_contract_does_not_depend_on_spring =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.events..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("the events outlive any framework version and are read by both sides");

  @ArchTest
  static final ArchRule every_deal_invoice_and_credit_event_is_a_record =
      classes()
          .that()
          .implement(DealEvents.class)
          .or()
          .implement(InvoiceEvents.class)
          .or()
          .implement(CreditAccountEvents.class)
          .or()
          .implement(TargetEvents.class)
          .should()
          .beRecords()
          .because("events are immutable facts, stored for ever");

  @ArchTest
  static final ArchRule every_command_and_event_of_a_feature_is_a_record =
      classes()
          .that()
          .resideInAnyPackage(
              "com.salesledger.events.deal..",
              "com.salesledger.events.receivable..",
              "com.salesledger.events.credit..",
              "com.salesledger.events.target..")
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .should()
          .beRecords()
          .because("commands and events are immutable messages, also across Axon Server");
}
