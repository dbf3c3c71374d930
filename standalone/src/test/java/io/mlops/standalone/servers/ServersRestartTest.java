package io.mlops.standalone.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.mlops.standalone.StandaloneProperties;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one run writes to the embedded servers, the next run on the same home reads back. */
class ServersRestartTest {

    @TempDir
    Path home;

    @Test
    void postgresRowsRedisKeysAndKafkaRecordsSurviveARestart() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (Servers servers = Servers.start(settings())) {
            ServerAddresses a = servers.addresses();
            try (var c = DriverManager.getConnection(a.jdbcUrl(), a.username(), a.password())) {
                c.createStatement().execute("CREATE TABLE marker (value text)");
                c.createStatement().execute("INSERT INTO marker VALUES ('" + marker + "')");
            }
            try (var client = RedisClient.create(RedisURI.create(a.redisHost(), a.redisPort())); var redis = client.connect()) {
                redis.sync().set("marker", marker);
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.kafkaBootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart.test", marker)).get();
            }
        }

        try (Servers servers = Servers.start(settings())) {
            ServerAddresses a = servers.addresses();
            try (var c = DriverManager.getConnection(a.jdbcUrl(), a.username(), a.password());
                 var rs = c.createStatement().executeQuery("SELECT value FROM marker")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(marker);
            }
            try (var client = RedisClient.create(RedisURI.create(a.redisHost(), a.redisPort())); var redis = client.connect()) {
                assertThat(redis.sync().get("marker")).isEqualTo(marker);
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, a.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("restart.test"));
                List<String> values = new ArrayList<>();
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly(marker);
            }
        }
    }

    private StandaloneProperties settings() {
        return new StandaloneProperties(home,
                new StandaloneProperties.Ports(0, 0, 0, 0, 0),
                new StandaloneProperties.Embedded(0, 0, 0),
                new StandaloneProperties.External(null, "mlops", "mlops", null, 6379, null),
                Duration.ofSeconds(120));
    }
}
