package io.mlops.feature.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class OnlineRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void entitiesComeOutAsJacksonBindsThemToObject() {
        OnlineLookup.OnlineRequest request = read("""
                {"ignored":{"a":[1,2]},"entities":["rain",7,12345678901,123456789012345678901,1.5,{"origin":"SFO","day":3}],"version":2}""");
        assertThat(request.version()).isEqualTo(2);
        assertThat(request.entities()).containsExactly("rain", 7, 12345678901L, new BigInteger("123456789012345678901"), 1.5,
                Map.of("origin", "SFO", "day", 3));
    }

    @Test
    void versionAndEntitiesMayBeAbsentOrNull() {
        assertThat(read("{\"entities\":[\"a\"]}").version()).isNull();
        assertThat(read("{\"entities\":null,\"version\":null}")).isEqualTo(new OnlineLookup.OnlineRequest(null, null));
        assertThat(read("{}").entities()).isNull();
    }

    @Test
    void malformedBodiesAreRefused() {
        for (String body : new String[] {"", "[1,2]", "{\"entities\":\"a\"}", "{\"entities\":[1,2}", "{\"version\":\"2\"}",
                "{\"entities\":[1]", "{\"entities\":[1]} {}"}) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(JacksonException.class);
        }
    }

    private static OnlineLookup.OnlineRequest read(String body) {
        return OnlineRequests.read(JSON, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
