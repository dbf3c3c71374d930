package io.mlops.model.retraining;

import io.mlops.domain.id.Names;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reading and replacing a model's retraining policy, and listing its runs. */
@Service
public class RetrainingPolicies {

  private final ModelRegistry registry;
  private final PolicyRows policies;
  private final RunRows runs;
  private final RetrainingProperties properties;

  RetrainingPolicies(ModelRegistry registry, PolicyRows policies, RunRows runs, RetrainingProperties properties) {
    this.registry = registry;
    this.policies = policies;
    this.runs = runs;
    this.properties = properties;
  }

  /** Replaces the policy (checked completely first: a refused request stores nothing). @throws ModelNotFound */
  public RetrainingPolicy put(String model, PolicyRequest request, String actor) {
    ModelSummary summary = registry.model(model);
    if (request == null || request.enabled() == null) {
      throw new RetrainingPolicyInvalid("enabled", "is required (true or false)");
    }
    if (request.alias() == null || !Names.isValid(request.alias())) {
      throw new RetrainingPolicyInvalid("alias", "'" + request.alias() + "' is not a valid alias name");
    }
    Set<Trigger> triggers = triggers(request.triggers());
    double minImprovement = request.minImprovement() == null ? 0.0 : request.minImprovement();
    if (!(minImprovement >= 0) || Double.isInfinite(minImprovement)) {
      throw new RetrainingPolicyInvalid("minImprovement", "must be a finite number >= 0, was " + request.minImprovement());
    }
    Duration cooldown = cooldown(request.cooldown());
    var policy = new RetrainingPolicy(summary.name(), request.enabled(), request.alias(), triggers, minImprovement,
        cooldown, actor, Instant.now().truncatedTo(ChronoUnit.MICROS));
    policies.upsert(summary.id(), policy);
    return policy;
  }

  /** @throws RetrainingPolicyNotFound if the model has none; ModelNotFound if there is no such model */
  public RetrainingPolicy get(String model) {
    registry.model(model);
    return policies.find(model).orElseThrow(() -> new RetrainingPolicyNotFound(model));
  }

  /** Newest first. @throws ModelNotFound */
  public List<RetrainingRun> runs(String model) {
    registry.model(model);
    return runs.list(model);
  }

  private static Set<Trigger> triggers(List<String> names) {
    if (names == null) {
      return EnumSet.allOf(Trigger.class);
    }
    if (names.isEmpty()) {
      throw new RetrainingPolicyInvalid("triggers", "needs at least one of drift, performance");
    }
    Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int index = i;
      triggers.add(Trigger.ofWireName(name).orElseThrow(() -> new RetrainingPolicyInvalid("triggers[" + index + "]",
          "'" + name + "' is not drift or performance")));
    }
    return triggers;
  }

  private Duration cooldown(String value) {
    if (value == null) {
      return properties.defaultCooldown();
    }
    try {
      Duration cooldown = Duration.parse(value);
      if (cooldown.isNegative()) {
        throw new RetrainingPolicyInvalid("cooldown", "must not be negative, was " + value);
      }
      return cooldown.truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw new RetrainingPolicyInvalid("cooldown", "'" + value + "' is not an ISO-8601 duration such as PT5M");
    }
  }
}
