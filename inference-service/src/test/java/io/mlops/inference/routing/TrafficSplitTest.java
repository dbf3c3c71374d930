package io.mlops.inference.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

    private static final TrafficSplit SEVENTY_TWENTY_TEN = new TrafficSplit(List.of(
            new TrafficSplit.Route(1, 70), new TrafficSplit.Route(2, 20), new TrafficSplit.Route(3, 10)), null);

    private static Map<Integer, Integer> counts(int n, java.util.function.IntFunction<String> key) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(SEVENTY_TWENTY_TEN.versionFor(key.apply(i)), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void randomDrawsFollowTheWeights() {
        Map<Integer, Integer> counts = counts(20_000, i -> null);
        // Binomial(20000, p): sd 64.8 (p=0.7), 56.6 (p=0.2), 42.4 (p=0.1); tolerances are 4.5 sd.
        assertThat(counts.get(1)).isBetween(14_000 - 292, 14_000 + 292);
        assertThat(counts.get(2)).isBetween(4_000 - 255, 4_000 + 255);
        assertThat(counts.get(3)).isBetween(2_000 - 191, 2_000 + 191);
    }

    @Test
    void distinctKeysSpreadByWeightAndEachKeyIsSticky() {
        Map<Integer, Integer> counts = counts(20_000, i -> "user-" + i);
        assertThat(counts.get(1)).isBetween(14_000 - 292, 14_000 + 292);
        assertThat(counts.get(3)).isBetween(2_000 - 191, 2_000 + 191);
        for (int i = 0; i < 1000; i++) {
            int version = SEVENTY_TWENTY_TEN.versionFor("user-" + i);
            assertThat(SEVENTY_TWENTY_TEN.versionFor("user-" + i)).isEqualTo(version);
            // Another split object with the same routes (another instance, a restart) sends the key to the same version.
            var copy = new TrafficSplit(List.of(new TrafficSplit.Route(1, 70), new TrafficSplit.Route(2, 20),
                    new TrafficSplit.Route(3, 10)), null);
            assertThat(copy.versionFor("user-" + i)).isEqualTo(version);
        }
    }

    @Test
    void aZeroWeightRouteGetsNothing() {
        var split = new TrafficSplit(List.of(new TrafficSplit.Route(1, 0), new TrafficSplit.Route(2, 5)), null);
        for (int i = 0; i < 1000; i++) {
            assertThat(split.versionFor(i % 2 == 0 ? null : "k" + i)).isEqualTo(2);
        }
    }

    @Test
    void aSplitUsesItsRoutesEvenAtWeightZeroAndItsShadow() {
        var split = new TrafficSplit(List.of(new TrafficSplit.Route(1, 0), new TrafficSplit.Route(2, 5)),
                new TrafficSplit.Shadow(3));
        assertThat(List.of(1, 2, 3, 4).stream().filter(split::uses)).containsExactly(1, 2, 3);
    }

    @Test
    void unroutableSplitsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new TrafficSplit(List.of(), null)).isInstanceOf(SplitInvalid.class).hasMessageStartingWith("routes:");
        assertThatThrownBy(() -> new TrafficSplit(List.of(new TrafficSplit.Route(0, 1)), null))
                .hasMessageStartingWith("routes[0].version");
        assertThatThrownBy(() -> new TrafficSplit(List.of(new TrafficSplit.Route(1, 1), new TrafficSplit.Route(1, 2)), null))
                .hasMessageStartingWith("routes[1].version");
        assertThatThrownBy(() -> new TrafficSplit(List.of(new TrafficSplit.Route(1, 1)), new TrafficSplit.Shadow(0)))
                .hasMessageStartingWith("shadow.version");
    }
}
