package com.salesledger.command.target;

import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.TargetDecomposed.DecomposedChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A decomposition changes several targets: the parent records it and every child is set (or given
 * its new amount) in the same unit of work, so a decomposition is never half done. Each child is a
 * target of its own (one stream per scope, period and metric), which can be revised and decomposed
 * further.
 */
@Component
public class TargetDecompositions {

  private final Repository<SalesTarget> targets;
  private final AccessPolicy access;
  private final OrganisationChart chart;
  private final LedgerSettings settings;

  public TargetDecompositions(
      Repository<SalesTarget> targets,
      AccessPolicy access,
      OrganisationChart chart,
      LedgerSettings settings) {
    this.targets = targets;
    this.access = access;
    this.chart = chart;
    this.settings = settings;
  }

  @CommandHandler
  public CommandResult handle(
      DecomposeTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles)
      throws Exception {
    Actor caller = Caller.of(user, roles);
    Aggregate<SalesTarget> parent = targets.load(command.streamId(), command.expectedVersion());
    SalesTarget parentTarget = parent.invoke(p -> p);
    List<DecomposedChild> children =
        parent.invoke(
            p -> p.decompose(command.children(), command.reason(), access, caller, chart));
    for (DecomposedChild child : children) {
      Aggregate<SalesTarget> target =
          targets.loadOrCreate(TargetIds.stream(child.targetId()), SalesTarget::new);
      target.execute(
          t -> {
            if (t.isSet()) {
              t.reapportion(child, parentTarget, caller, command.reason());
            } else {
              t.setByDecomposition(
                  child, parentTarget, currencyOf(parentTarget), chart, caller, command.reason());
            }
          });
    }
    return new CommandResult(command.streamId(), parent.version());
  }

  private String currencyOf(SalesTarget parent) {
    return parent.metricIsCount() ? null : settings.currency();
  }
}
