package io.mlops.data.schema;

import java.util.List;

/**
 * The outcome of every declared rule. The caller applies the dataset's policy (reject or accept with
 * warnings); this only reports.
 */
public record ValidationReport(RowLocation locatedBy, List<RuleOutcome> outcomes) {

    public ValidationReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean passed() {
        return outcomes.stream().allMatch(RuleOutcome::passed);
    }

    public long totalViolations() {
        return outcomes.stream().mapToLong(RuleOutcome::violations).sum();
    }

    public List<RuleOutcome> failures() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }
}
