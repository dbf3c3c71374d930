package io.mlops.data.dataset.web;

import io.mlops.data.schema.ColumnRule;
import io.mlops.data.schema.DeclaredSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared schema as clients write it: every rule optional (JSON may leave out {@code required} and
 * {@code notNull}, which {@link ColumnRule}'s primitives would refuse under Jackson 3's defaults).
 */
record DeclaredSchemaRequest(List<Rule> columns, List<String> uniqueKey) {

    record Rule(String name, Boolean required, Boolean notNull, Double min, Double max, List<String> allowedValues,
            String pattern) {
    }

    DeclaredSchema toDeclaredSchema() {
        List<ColumnRule> rules = new ArrayList<>();
        for (int i = 0; columns != null && i < columns.size(); i++) {
            Rule r = columns.get(i);
            if (r == null || r.name() == null || r.name().isBlank()) {
                throw new DeclaredSchemaInvalid("declaredSchema.columns[" + i + "].name", "a rule needs a column name");
            }
            String rule = "declaredSchema.columns[" + i + "]";
            RequestTexts.checkNul(rule + ".name", r.name(), DeclaredSchemaInvalid::new);
            RequestTexts.check(rule + ".allowedValues", r.allowedValues(), DeclaredSchemaInvalid::new);
            RequestTexts.checkNul(rule + ".pattern", r.pattern(), DeclaredSchemaInvalid::new);
            rules.add(new ColumnRule(r.name(), Boolean.TRUE.equals(r.required()), Boolean.TRUE.equals(r.notNull()),
                    r.min(), r.max(), r.allowedValues(), r.pattern()));
        }
        RequestTexts.check("declaredSchema.uniqueKey", uniqueKey, DeclaredSchemaInvalid::new);
        if (uniqueKey != null && uniqueKey.stream().anyMatch(String::isBlank)) {
            throw new DeclaredSchemaInvalid("declaredSchema.uniqueKey", "column names may not be blank");
        }
        return new DeclaredSchema(rules, uniqueKey);
    }
}
