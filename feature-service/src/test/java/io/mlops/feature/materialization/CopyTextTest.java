package io.mlops.feature.materialization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesWhatCopyTextFormatTreatsSpecially() {
        StringBuilder out = new StringBuilder();
        CopyText line = new CopyText(out);
        line.value("a\tb\\c\nd\re").value(null).number(0.1).value(7L);
        line.end();
        assertThat(out).hasToString("a\\tb\\\\c\\nd\\re\t\\N\t0.1\t7\n");
    }
}
