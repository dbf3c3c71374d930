package io.mlops.runtime.artifact;

import io.mlops.domain.model.Task;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * model.json spells the task in lowercase ({@code "multiclass"}); common-domain's {@link Task} is a
 * plain enum without JSON names (events carry its constant names), so the manifest mapper maps it here.
 */
final class TaskJson {

  private TaskJson() {}

  static SimpleModule module() {
    return new SimpleModule("model-json-task")
        .addSerializer(Task.class, new ValueSerializer<>() {
          @Override
          public void serialize(Task task, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(task.name().toLowerCase(Locale.ROOT));
          }
        })
        .addDeserializer(Task.class, new ValueDeserializer<>() {
          @Override
          public Task deserialize(JsonParser parser, DeserializationContext ctxt) {
            return parse(parser.getValueAsString());
          }
        });
  }

  static Task parse(String text) {
    return Arrays.stream(Task.values())
        .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(text))
        .findFirst()
        .orElseThrow(() -> new ManifestInvalid("unknown task '" + text + "'; use regression, binary or multiclass"));
  }
}
