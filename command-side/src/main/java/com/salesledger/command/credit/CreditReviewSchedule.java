package com.salesledger.command.credit;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.settings.InvalidSettingsException;
import java.time.Duration;
import java.time.LocalTime;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The daily review of every credit account on db-scheduler: the task and its next run are rows in
 * PostgreSQL ({@code scheduled_tasks}), so a run due while the ledger was down happens after the
 * restart, and only one node runs it. Time passing alone (an invoice crossing N days overdue) is
 * caught here; everything else is evaluated on the event ({@link CreditWarningTrigger}).
 */
@Configuration(proxyBeanMethods = false)
class CreditReviewSchedule {

  static final String TASK = "credit-review";

  /** {@code DAILY|HH:mm} runs at that time in the ledger's zone; other db-scheduler forms as is. */
  @Bean(destroyMethod = "stop")
  Scheduler creditReviewScheduler(
      DataSource dataSource,
      CreditReviews reviews,
      LedgerSettings settings,
      @Value("${ledger.credit.review.schedule:DAILY|00:30}") String schedule) {
    RecurringTask<Void> task =
        Tasks.recurring(TASK, schedule(schedule, settings))
            .execute((instance, context) -> reviews.evaluateAll());
    return Scheduler.create(dataSource)
        .startTasks(task)
        .threads(1)
        .pollingInterval(Duration.ofSeconds(5))
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  static Schedule schedule(String text, LedgerSettings settings) {
    try {
      if (text.startsWith("DAILY|") && text.indexOf('|', 6) < 0) {
        return Schedules.daily(settings.zone(), LocalTime.parse(text.substring(6)));
      }
      return Schedules.parseSchedule(text);
    } catch (RuntimeException e) {
      // db-scheduler's own message does not say which setting; this stops the start in one sentence
      throw InvalidSettingsException.of(
          "ledger.credit.review.schedule",
          text,
          "be DAILY|HH:MM (in the ledger's time zone) or another db-scheduler schedule, e.g."
              + " FIXED_DELAY|3600s");
    }
  }

  /** Starts once the command bus is up, so the task's first run can send commands. */
  @EventListener(ApplicationReadyEvent.class)
  void start(ApplicationReadyEvent event) {
    event.getApplicationContext().getBean(Scheduler.class).start();
  }
}
