package io.mlops.monitoring.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column types of a sample uploaded without a schema, inferred from the values as the data-service types CSV text. */
class SampleTableTest {

    @Test
    void isoDatesAndDateTimesAreTemporalOtherTextIsNot() {
        SampleTable table = SampleTable.parse("""
                day,at,mixed,zoned,odd,num,text
                2012-01-01,2012-01-01T10:00:00,2012-01-01,2012-01-01T10:00:00Z,2012-02-30,1.5,rain
                2012-01-02,2012-01-02 11:30:00.250,2012-01-02 11:30,2012-01-02T11:30:00+01:00,2012-01-02,2,sun
                ,,,,,,
                """, List.of());

        assertThat(table.columns()).extracting(ColumnSchema::name, ColumnSchema::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("day", ColumnType.DATE),
                org.assertj.core.groups.Tuple.tuple("at", ColumnType.TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple("mixed", ColumnType.TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple("zoned", ColumnType.TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple("odd", ColumnType.STRING), // February 30th is no date
                org.assertj.core.groups.Tuple.tuple("num", ColumnType.FLOAT),
                org.assertj.core.groups.Tuple.tuple("text", ColumnType.STRING));
    }

    @Test
    void aDeclaredTypeWins() {
        SampleTable table = SampleTable.parse("day\n2012-01-01\n", List.of(new ColumnSchema("day", ColumnType.STRING, false)));

        assertThat(table.columns()).containsExactly(new ColumnSchema("day", ColumnType.STRING, false));
    }
}
