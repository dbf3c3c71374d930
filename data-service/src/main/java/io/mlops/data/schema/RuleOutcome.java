package io.mlops.data.schema;

import java.util.List;

/**
 * How one rule fared: the number of rows breaking it and the first few of them in file order. For
 * REQUIRED the violation is the missing column itself (count 1, no rows); for UNIQUE_KEY each row whose
 * key already occurred earlier in the file counts once.
 */
public record RuleOutcome(RuleKind rule, String column, String expectation, long violations, List<Offence> firstOffences) {

    public RuleOutcome {
        firstOffences = List.copyOf(firstOffences);
    }

    public boolean passed() {
        return violations == 0;
    }
}
