package io.mlops.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retry-After in whole seconds, rounded up: a client told fewer seconds than the estimate retries too early. */
class RetryAfterTest {

    @Test
    void secondsAreRoundedUpAndAtLeastOne() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(2600))).isEqualTo("3");
        assertThat(RetryAfter.seconds(Duration.ofMillis(2000))).isEqualTo("2");
        assertThat(RetryAfter.seconds(Duration.ofMillis(2001))).isEqualTo("3");
        assertThat(RetryAfter.seconds(Duration.ofNanos(1))).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofMillis(-500))).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isEqualTo(Long.toString(Long.MAX_VALUE));
    }
}
