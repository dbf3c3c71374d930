/** Column type inference, declared schemas with rules, and the validation report they produce. */
package io.mlops.data.schema;
