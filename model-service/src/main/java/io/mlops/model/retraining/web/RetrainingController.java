package io.mlops.model.retraining.web;

import io.mlops.model.retraining.PolicyRequest;
import io.mlops.model.retraining.RetrainingPolicies;
import io.mlops.model.retraining.RetrainingPolicy;
import io.mlops.model.retraining.RetrainingRun;
import io.mlops.model.retraining.Trigger;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A model's retraining policy (replace, read) and its retraining runs, newest first. */
@RestController
@RequestMapping("/api/v1/models/{name}")
class RetrainingController {

  private final RetrainingPolicies policies;

  RetrainingController(RetrainingPolicies policies) {
    this.policies = policies;
  }

  @PutMapping("/retraining-policy")
  PolicyView put(@PathVariable String name, @RequestBody(required = false) PolicyRequest request,
      @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) {
    return PolicyView.of(policies.put(name, request, actor));
  }

  @GetMapping("/retraining-policy")
  PolicyView get(@PathVariable String name) {
    return PolicyView.of(policies.get(name));
  }

  @GetMapping("/retraining-runs")
  List<RetrainingRun> runs(@PathVariable String name) {
    return policies.runs(name);
  }

  /** The policy on the wire: triggers by their policy names, the cooldown as ISO-8601 (PT5M). */
  record PolicyView(String model, boolean enabled, String alias, List<String> triggers, double minImprovement,
      String cooldown, String updatedBy, Instant updatedAt) {

    static PolicyView of(RetrainingPolicy p) {
      return new PolicyView(p.model(), p.enabled(), p.alias(), p.triggers().stream().map(Trigger::wireName).sorted()
          .toList(), p.minImprovement(), p.cooldown().toString(), p.updatedBy(), p.updatedAt());
    }
  }
}
